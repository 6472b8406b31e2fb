import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { ResultsLoader } from './results-loader.js';

@Module({ controllers: [ImportsController], providers: [ResultsLoader, ImportsService], exports: [ResultsLoader] })
export class ImportsModule {}
