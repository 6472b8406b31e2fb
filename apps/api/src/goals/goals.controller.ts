import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GoalBody, Page } from '@yardstick/contracts';
import { CreateGoalDto, ListGoalsQueryDto, UpdateGoalDto } from './dto/goal.dto.js';
import { GoalsService } from './goals.service.js';

@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  list(@Query() query: ListGoalsQueryDto): Promise<Page<GoalBody>> {
    return this.goals.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<GoalBody> {
    return this.goals.get(id);
  }

  @Post()
  create(@Body() dto: CreateGoalDto): Promise<GoalBody> {
    return this.goals.create(dto);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateGoalDto): Promise<GoalBody> {
    return this.goals.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.goals.remove(id);
  }
}
