import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BenchmarkBody, Page } from '@yardstick/contracts';
import { BenchmarksService } from './benchmarks.service.js';
import { CreateBenchmarkDto, ListBenchmarksQueryDto, UpdateBenchmarkDto } from './dto/benchmark.dto.js';

@ApiTags('benchmarks')
@Controller('benchmarks')
export class BenchmarksController {
  constructor(private readonly benchmarks: BenchmarksService) {}

  @Get()
  list(@Query() query: ListBenchmarksQueryDto): Promise<Page<BenchmarkBody>> {
    return this.benchmarks.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<BenchmarkBody> {
    return this.benchmarks.get(id);
  }

  @Post()
  create(@Body() dto: CreateBenchmarkDto): Promise<BenchmarkBody> {
    return this.benchmarks.create(dto);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateBenchmarkDto): Promise<BenchmarkBody> {
    return this.benchmarks.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.benchmarks.remove(id);
  }
}
