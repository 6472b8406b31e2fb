import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EmployeeFeedbackBody, Page } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import {
  CreateEmployeeFeedbackDto,
  ListEmployeeFeedbackQueryDto,
  UpdateEmployeeFeedbackDto,
} from './dto/employee-feedback.dto.js';
import { EmployeeFeedbackService } from './employee-feedback.service.js';
import { EmployeeFeedback } from './entities/employee-feedback.entity.js';
import { Returns } from '../openapi/returns.decorator.js';

/** Front-line employee feedback (EO 12862 e): staff only, until an approver publishes its summary. */
@ApiTags('employee-feedback')
@Audited('employee_feedback', EmployeeFeedback)
@Controller('employee-feedback')
export class EmployeeFeedbackController {
  constructor(private readonly feedback: EmployeeFeedbackService) {}

  @Returns('EmployeeFeedbackBody', 'page')
  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListEmployeeFeedbackQueryDto): Promise<Page<EmployeeFeedbackBody>> {
    return this.feedback.list(auth, query);
  }

  @Returns('EmployeeFeedbackBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<EmployeeFeedbackBody> {
    return this.feedback.get(auth, id);
  }

  @Returns('EmployeeFeedbackBody')
  @Permission('registry:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateEmployeeFeedbackDto): Promise<EmployeeFeedbackBody> {
    return this.feedback.create(auth, dto);
  }

  @Returns('EmployeeFeedbackBody')
  @Permission('registry:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateEmployeeFeedbackDto,
  ): Promise<EmployeeFeedbackBody> {
    return this.feedback.update(auth, id, dto);
  }

  @Permission('registry:write')
  @Delete(':id')
  @HttpCode(204)
  remove(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.feedback.remove(auth, id);
  }

  @Returns('EmployeeFeedbackBody')
  @Permission('standards:publish')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<EmployeeFeedbackBody> {
    return this.feedback.publish(auth, id);
  }

  @Returns('EmployeeFeedbackBody')
  @Permission('standards:publish')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<EmployeeFeedbackBody> {
    return this.feedback.withdraw(auth, id);
  }
}
