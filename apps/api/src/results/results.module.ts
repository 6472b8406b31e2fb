import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StandardsModule } from '../standards/standards.module.js';
import { Result } from './entities/result.entity.js';
import { ResultsController } from './results.controller.js';
import { ResultsService } from './results.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Result]), StandardsModule],
  controllers: [ResultsController],
  providers: [ResultsService],
})
export class ResultsModule {}
