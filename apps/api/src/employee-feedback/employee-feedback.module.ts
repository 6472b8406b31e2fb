import { Module } from '@nestjs/common';
import { EmployeeFeedbackController } from './employee-feedback.controller.js';
import { EmployeeFeedbackService } from './employee-feedback.service.js';

@Module({
  controllers: [EmployeeFeedbackController],
  providers: [EmployeeFeedbackService],
})
export class EmployeeFeedbackModule {}
