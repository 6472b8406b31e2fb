import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CertificationReport, Page, ResultBody, ResultRevisionBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { Result } from './entities/result.entity.js';
import {
  CertifyResultsDto,
  CreateResultDto,
  ExplanationDto,
  ListResultsQueryDto,
  UpdateResultDto,
} from './dto/result.dto.js';
import { ResultsService } from './results.service.js';

@ApiTags('results')
@Audited('result', Result)
@Controller('results')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListResultsQueryDto): Promise<Page<ResultBody>> {
    return this.results.list(auth, query);
  }

  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ResultBody> {
    return this.results.get(auth, id);
  }

  @Permission('results:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateResultDto): Promise<ResultBody> {
    return this.results.create(auth, dto);
  }

  @Permission('results:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateResultDto,
  ): Promise<ResultBody> {
    return this.results.update(auth, id, dto);
  }

  @Permission('registry:read')
  @Get(':id/revisions')
  revisions(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ResultRevisionBody[]> {
    return this.results.revisions(auth, id);
  }

  @Permission('results:write')
  @Put(':id/explanation')
  explain(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExplanationDto,
  ): Promise<ResultBody> {
    return this.results.explain(auth, id, dto);
  }

  @Permission('results:certify')
  @Post(':id/certify')
  @HttpCode(200)
  certify(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ResultBody> {
    return this.results.certify(auth, id);
  }

  @Permission('results:certify')
  @Post('certify')
  @HttpCode(200)
  certifyMany(@Auth() auth: AuthContext, @Body() dto: CertifyResultsDto): Promise<CertificationReport> {
    return this.results.certifyMany(auth, dto);
  }
}
