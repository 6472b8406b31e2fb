import { Module } from '@nestjs/common';
import { ResultsLoader } from '../imports/results-loader.js';
import { CxController } from './cx.controller.js';
import { CxImporter } from './cx-import.js';
import { CxService } from './cx.service.js';

@Module({
  controllers: [CxController],
  providers: [CxService, CxImporter, ResultsLoader],
  exports: [CxService, CxImporter],
})
export class CxModule {}
