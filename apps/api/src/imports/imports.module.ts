import { Module } from '@nestjs/common';
import { ResultsLoader } from './results-loader.js';

@Module({ providers: [ResultsLoader], exports: [ResultsLoader] })
export class ImportsModule {}
