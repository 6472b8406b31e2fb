import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ServiceBody } from '@yardstick/contracts';
import { CreateServiceDto, ListServicesQueryDto, UpdateServiceDto } from './dto/service.dto.js';
import { ServicesService } from './services.service.js';

@ApiTags('services')
@Controller('services')
export class ServicesController {
  constructor(private readonly services: ServicesService) {}

  @Get()
  list(@Query() query: ListServicesQueryDto): Promise<Page<ServiceBody>> {
    return this.services.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ServiceBody> {
    return this.services.get(id);
  }

  @Post()
  create(@Body() dto: CreateServiceDto): Promise<ServiceBody> {
    return this.services.create(dto);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateServiceDto): Promise<ServiceBody> {
    return this.services.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.services.remove(id);
  }
}
