import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ResultBody } from '@yardstick/contracts';
import { CreateResultDto, ListResultsQueryDto } from './dto/result.dto.js';
import { ResultsService } from './results.service.js';

@ApiTags('results')
@Controller('results')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  list(@Query() query: ListResultsQueryDto): Promise<Page<ResultBody>> {
    return this.results.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ResultBody> {
    return this.results.get(id);
  }

  @Post()
  create(@Body() dto: CreateResultDto): Promise<ResultBody> {
    return this.results.create(dto);
  }
}
