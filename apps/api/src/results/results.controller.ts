import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ResultBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { Result } from './entities/result.entity.js';
import { CreateResultDto, ListResultsQueryDto } from './dto/result.dto.js';
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
}
