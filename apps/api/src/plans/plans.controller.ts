import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, PlanBody, PlanVersionBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { CreatePlanDto, ListPlansQueryDto, UpdatePlanDto } from './dto/plan.dto.js';
import { Plan } from './entities/plan.entity.js';
import { PlansService } from './plans.service.js';
import { Returns } from '../openapi/returns.decorator.js';

/** Customer Service Plans (EO 13571): written by officers, submitted, published by approvers. */
@ApiTags('plans')
@Audited('plan', Plan)
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Returns('PlanBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListPlansQueryDto): Promise<Page<PlanBody>> {
    return this.plans.list(auth, query);
  }

  @Returns('PlanBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<PlanBody> {
    return this.plans.get(auth, id);
  }

  @Returns('PlanBody')
  @Permission('registry:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreatePlanDto): Promise<PlanBody> {
    return this.plans.create(auth, dto);
  }

  @Returns('PlanBody')
  @Permission('registry:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePlanDto,
  ): Promise<PlanBody> {
    return this.plans.update(auth, id, dto);
  }

  @Permission('registry:write')
  @Delete(':id')
  @HttpCode(204)
  remove(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.plans.remove(auth, id);
  }

  @Returns('PlanBody')
  @Permission('standards:submit')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<PlanBody> {
    return this.plans.submit(auth, id);
  }

  @Returns('PlanBody')
  @Permission('standards:publish')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<PlanBody> {
    return this.plans.publish(auth, id);
  }

  @Returns('PlanVersionBody', 'array')
  @Permission('registry:read')
  @Get(':id/versions')
  versions(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<PlanVersionBody[]> {
    return this.plans.listVersions(auth, id);
  }
}
