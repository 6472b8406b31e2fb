import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BenchmarksController } from './benchmarks.controller.js';
import { BenchmarksService } from './benchmarks.service.js';
import { Benchmark } from './entities/benchmark.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Benchmark])],
  controllers: [BenchmarksController],
  providers: [BenchmarksService],
  exports: [BenchmarksService],
})
export class BenchmarksModule {}
