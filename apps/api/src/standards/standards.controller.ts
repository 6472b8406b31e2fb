import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BenchmarkBody, Page, StandardBody, StandardVersionBody, TargetBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { Standard } from './entities/standard.entity.js';
import {
  CreateStandardDto,
  LinkBenchmarkDto,
  ListStandardsQueryDto,
  TargetDto,
  UpdateStandardDto,
} from './dto/standard.dto.js';
import { StandardsService } from './standards.service.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('standards')
@Audited('standard', Standard)
@Controller('standards')
export class StandardsController {
  constructor(private readonly standards: StandardsService) {}

  @Returns('StandardBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListStandardsQueryDto): Promise<Page<StandardBody>> {
    return this.standards.list(auth, query);
  }

  @Returns('StandardBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.get(auth, id);
  }

  @Returns('StandardBody')
  @Permission('registry:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateStandardDto): Promise<StandardBody> {
    return this.standards.create(auth, dto);
  }

  @Returns('StandardBody')
  @Permission('registry:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateStandardDto,
  ): Promise<StandardBody> {
    return this.standards.update(auth, id, dto);
  }

  @Permission('registry:write')
  @Delete(':id')
  @HttpCode(204)
  remove(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.standards.remove(auth, id);
  }

  @Returns('StandardBody')
  @Permission('standards:submit')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.submit(auth, id);
  }

  @Returns('StandardBody')
  @Permission('standards:publish')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.publish(auth, id);
  }

  @Returns('StandardBody')
  @Permission('standards:publish')
  @Post(':id/retire')
  @HttpCode(200)
  retire(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<StandardBody> {
    return this.standards.retire(auth, id);
  }

  @Returns('StandardVersionBody', 'array')
  @Permission('registry:read')
  @Get(':id/versions')
  versions(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<StandardVersionBody[]> {
    return this.standards.listVersions(auth, id);
  }

  @Returns('TargetBody', 'array')
  @Permission('registry:read')
  @Get(':id/targets')
  targets(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<TargetBody[]> {
    return this.standards.listTargets(auth, id);
  }

  @Returns('TargetBody')
  @Permission('registry:write')
  @Put(':id/targets')
  putTarget(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TargetDto,
  ): Promise<TargetBody> {
    return this.standards.putTarget(auth, id, dto);
  }

  @Permission('registry:write')
  @Delete(':id/targets/:targetId')
  @HttpCode(204)
  removeTarget(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ): Promise<void> {
    return this.standards.removeTarget(auth, id, targetId);
  }

  @Returns('BenchmarkBody', 'array')
  @Permission('registry:read')
  @Get(':id/benchmarks')
  benchmarks(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<BenchmarkBody[]> {
    return this.standards.listBenchmarks(auth, id);
  }

  @Returns('BenchmarkBody', 'array')
  @Permission('registry:write')
  @Post(':id/benchmarks')
  @HttpCode(200)
  linkBenchmark(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LinkBenchmarkDto,
  ): Promise<BenchmarkBody[]> {
    return this.standards.linkBenchmark(auth, id, dto.benchmarkId);
  }

  @Permission('registry:write')
  @Delete(':id/benchmarks/:benchmarkId')
  @HttpCode(204)
  unlinkBenchmark(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('benchmarkId', ParseUUIDPipe) benchmarkId: string,
  ): Promise<void> {
    return this.standards.unlinkBenchmark(auth, id, benchmarkId);
  }
}
