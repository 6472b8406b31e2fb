import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BenchmarkBody, Page, StandardBody, StandardVersionBody, TargetBody } from '@yardstick/contracts';
import {
  CreateStandardDto,
  LinkBenchmarkDto,
  ListStandardsQueryDto,
  TargetDto,
  UpdateStandardDto,
} from './dto/standard.dto.js';
import { StandardsService } from './standards.service.js';

@ApiTags('standards')
@Controller('standards')
export class StandardsController {
  constructor(private readonly standards: StandardsService) {}

  @Get()
  list(@Query() query: ListStandardsQueryDto): Promise<Page<StandardBody>> {
    return this.standards.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.get(id);
  }

  @Post()
  create(@Body() dto: CreateStandardDto): Promise<StandardBody> {
    return this.standards.create(dto);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStandardDto): Promise<StandardBody> {
    return this.standards.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.standards.remove(id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.submit(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.publish(id);
  }

  @Post(':id/retire')
  @HttpCode(200)
  retire(@Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.retire(id);
  }

  @Get(':id/versions')
  versions(@Param('id', ParseUUIDPipe) id: string): Promise<StandardVersionBody[]> {
    return this.standards.listVersions(id);
  }

  @Get(':id/targets')
  targets(@Param('id', ParseUUIDPipe) id: string): Promise<TargetBody[]> {
    return this.standards.listTargets(id);
  }

  @Put(':id/targets')
  putTarget(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TargetDto): Promise<TargetBody> {
    return this.standards.putTarget(id, dto);
  }

  @Delete(':id/targets/:targetId')
  @HttpCode(204)
  removeTarget(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ): Promise<void> {
    return this.standards.removeTarget(id, targetId);
  }

  @Get(':id/benchmarks')
  benchmarks(@Param('id', ParseUUIDPipe) id: string): Promise<BenchmarkBody[]> {
    return this.standards.listBenchmarks(id);
  }

  @Post(':id/benchmarks')
  @HttpCode(200)
  linkBenchmark(@Param('id', ParseUUIDPipe) id: string, @Body() dto: LinkBenchmarkDto): Promise<BenchmarkBody[]> {
    return this.standards.linkBenchmark(id, dto.benchmarkId);
  }

  @Delete(':id/benchmarks/:benchmarkId')
  @HttpCode(204)
  unlinkBenchmark(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('benchmarkId', ParseUUIDPipe) benchmarkId: string,
  ): Promise<void> {
    return this.standards.unlinkBenchmark(id, benchmarkId);
  }
}
