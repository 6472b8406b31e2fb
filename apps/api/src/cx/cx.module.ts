import { Module } from '@nestjs/common';
import { CxController } from './cx.controller.js';
import { CxImporter } from './cx-import.js';
import { CxService } from './cx.service.js';

@Module({ controllers: [CxController], providers: [CxService, CxImporter], exports: [CxService, CxImporter] })
export class CxModule {}
