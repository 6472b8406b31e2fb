import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ServiceBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { Service } from './entities/service.entity.js';
import { CreateServiceDto, ListServicesQueryDto, UpdateServiceDto } from './dto/service.dto.js';
import { ServicesService } from './services.service.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('services')
@Audited('service', Service)
@Controller('services')
export class ServicesController {
  constructor(private readonly services: ServicesService) {}

  @Returns('ServiceBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListServicesQueryDto): Promise<Page<ServiceBody>> {
    return this.services.list(auth, query);
  }

  @Returns('ServiceBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ServiceBody> {
    return this.services.get(auth, id);
  }

  @Returns('ServiceBody')
  @Permission('registry:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateServiceDto): Promise<ServiceBody> {
    return this.services.create(auth, dto);
  }

  @Returns('ServiceBody')
  @Permission('registry:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateServiceDto,
  ): Promise<ServiceBody> {
    return this.services.update(auth, id, dto);
  }

  @Permission('registry:write')
  @Delete(':id')
  @HttpCode(204)
  remove(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.services.remove(auth, id);
  }
}
