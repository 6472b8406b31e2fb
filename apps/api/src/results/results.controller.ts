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
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('results')
@Audited('result', Result)
@Controller('results')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Returns('ResultBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListResultsQueryDto): Promise<Page<ResultBody>> {
    return this.results.list(auth, query);
  }

  @Returns('ResultBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ResultBody> {
    return this.results.get(auth, id);
  }

  @Returns('ResultBody')
  @Permission('results:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateResultDto): Promise<ResultBody> {
    return this.results.create(auth, dto);
  }

  @Returns('ResultBody')
  @Permission('results:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateResultDto,
  ): Promise<ResultBody> {
    return this.results.update(auth, id, dto);
  }

  @Returns('ResultRevisionBody', 'array')
  @Permission('registry:read')
  @Get(':id/revisions')
  revisions(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ResultRevisionBody[]> {
    return this.results.revisions(auth, id);
  }

  @Returns('ResultBody')
  @Permission('results:write')
  @Put(':id/explanation')
  explain(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExplanationDto,
  ): Promise<ResultBody> {
    return this.results.explain(auth, id, dto);
  }

  @Returns('ResultBody')
  @Permission('results:certify')
  @Post(':id/certify')
  @HttpCode(200)
  certify(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ResultBody> {
    return this.results.certify(auth, id);
  }

  @Returns('CertificationReport')
  @Permission('results:certify')
  @Post('certify')
  @HttpCode(200)
  certifyMany(@Auth() auth: AuthContext, @Body() dto: CertifyResultsDto): Promise<CertificationReport> {
    return this.results.certifyMany(auth, dto);
  }
}
