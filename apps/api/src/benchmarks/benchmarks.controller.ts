import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BenchmarkBody, Page } from '@yardstick/contracts';
import { Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { Benchmark } from './entities/benchmark.entity.js';
import { BenchmarksService } from './benchmarks.service.js';
import { CreateBenchmarkDto, ListBenchmarksQueryDto, UpdateBenchmarkDto } from './dto/benchmark.dto.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('benchmarks')
@Audited('benchmark', Benchmark)
@Controller('benchmarks')
export class BenchmarksController {
  constructor(private readonly benchmarks: BenchmarksService) {}

  @Returns('BenchmarkBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Query() query: ListBenchmarksQueryDto): Promise<Page<BenchmarkBody>> {
    return this.benchmarks.list(query);
  }

  @Returns('BenchmarkBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<BenchmarkBody> {
    return this.benchmarks.get(id);
  }

  @Returns('BenchmarkBody')
  @Permission('benchmarks:write')
  @Post()
  create(@Body() dto: CreateBenchmarkDto): Promise<BenchmarkBody> {
    return this.benchmarks.create(dto);
  }

  @Returns('BenchmarkBody')
  @Permission('benchmarks:write')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateBenchmarkDto): Promise<BenchmarkBody> {
    return this.benchmarks.update(id, dto);
  }

  @Permission('benchmarks:write')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.benchmarks.remove(id);
  }
}
