import { Module } from '@nestjs/common';
import { CxModule } from '../cx/cx.module.js';
import { TransactionsModule } from '../transactions/transactions.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { ResultsLoader } from './results-loader.js';

@Module({
  imports: [CxModule, TransactionsModule],
  controllers: [ImportsController],
  providers: [ResultsLoader, ImportsService],
  exports: [ResultsLoader],
})
export class ImportsModule {}
