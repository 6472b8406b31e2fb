import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GoalBody, Page } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { Goal } from './entities/goal.entity.js';
import { CreateGoalDto, ListGoalsQueryDto, UpdateGoalDto } from './dto/goal.dto.js';
import { GoalsService } from './goals.service.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('goals')
@Audited('goal', Goal)
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Returns('GoalBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListGoalsQueryDto): Promise<Page<GoalBody>> {
    return this.goals.list(auth, query);
  }

  @Returns('GoalBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<GoalBody> {
    return this.goals.get(auth, id);
  }

  @Returns('GoalBody')
  @Permission('registry:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateGoalDto): Promise<GoalBody> {
    return this.goals.create(auth, dto);
  }

  @Returns('GoalBody')
  @Permission('registry:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateGoalDto,
  ): Promise<GoalBody> {
    return this.goals.update(auth, id, dto);
  }

  @Permission('registry:write')
  @Delete(':id')
  @HttpCode(204)
  remove(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.goals.remove(auth, id);
  }
}
