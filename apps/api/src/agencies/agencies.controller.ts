import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AgencyBody, Page } from '@yardstick/contracts';
import { Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { Agency } from './entities/agency.entity.js';
import { AgenciesService } from './agencies.service.js';
import { CreateAgencyDto, ListAgenciesQueryDto, UpdateAgencyDto } from './dto/agency.dto.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('agencies')
@Audited('agency', Agency)
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Returns('AgencyBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Query() query: ListAgenciesQueryDto): Promise<Page<AgencyBody>> {
    return this.agencies.list(query);
  }

  @Returns('AgencyBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AgencyBody> {
    return this.agencies.get(id);
  }

  @Returns('AgencyBody')
  @Permission('agencies:manage')
  @Post()
  create(@Body() dto: CreateAgencyDto): Promise<AgencyBody> {
    return this.agencies.create(dto);
  }

  @Returns('AgencyBody')
  @Permission('agencies:manage')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAgencyDto): Promise<AgencyBody> {
    return this.agencies.update(id, dto);
  }

  @Permission('agencies:manage')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.agencies.remove(id);
  }
}
