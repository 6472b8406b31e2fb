import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { CxModule } from '../cx/cx.module.js';
import { StandardsModule } from '../standards/standards.module.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

@Module({
  imports: [StandardsModule, PlansModule, CxModule],
  controllers: [ReviewsController],
  providers: [ReviewsService],
})
export class ReviewsModule {}
