import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  PlanBody,
  PlanReviewBody,
  CxCollectionBody,
  ResultReviewBody,
  ReviewCommentBody,
  StandardBody,
  StandardReviewBody,
} from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { CxService } from '../cx/cx.service.js';
import { ReturnDto, ReviewCommentsQueryDto, ReviewQueueQueryDto } from './dto/review.dto.js';
import { ReviewsService } from './reviews.service.js';
import { Returns } from '../openapi/returns.decorator.js';

/** The approver's queue: standards in review and results awaiting certification; returning them with a comment. */
@ApiTags('reviews')
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly cx: CxService,
  ) {}

  @Returns('StandardReviewBody', 'array')
  @Permission('standards:publish')
  @Get('standards')
  standards(@Auth() auth: AuthContext, @Query() query: ReviewQueueQueryDto): Promise<StandardReviewBody[]> {
    return this.reviews.standardsInReview(auth, query);
  }

  @Returns('StandardBody')
  @Permission('standards:publish')
  @Post('standards/:id/return')
  @HttpCode(200)
  returnStandard(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnDto,
  ): Promise<StandardBody> {
    return this.reviews.returnStandard(auth, id, dto);
  }

  @Returns('PlanReviewBody', 'array')
  @Permission('standards:publish')
  @Get('plans')
  plans(@Auth() auth: AuthContext, @Query() query: ReviewQueueQueryDto): Promise<PlanReviewBody[]> {
    return this.reviews.plansInReview(auth, query);
  }

  @Returns('PlanBody')
  @Permission('standards:publish')
  @Post('plans/:id/return')
  @HttpCode(200)
  returnPlan(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnDto,
  ): Promise<PlanBody> {
    return this.reviews.returnPlan(auth, id, dto);
  }

  @Returns('ResultReviewBody', 'array')
  @Permission('results:certify')
  @Get('results')
  results(@Auth() auth: AuthContext, @Query() query: ReviewQueueQueryDto): Promise<ResultReviewBody[]> {
    return this.reviews.resultsAwaiting(auth, query);
  }

  @Returns('ReviewCommentBody')
  @Permission('results:certify')
  @Post('results/:id/return')
  @HttpCode(200)
  returnResult(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnDto,
  ): Promise<ReviewCommentBody> {
    return this.reviews.returnResult(auth, id, dto);
  }

  /** Customer feedback collections submitted for publication. */
  @Returns('CxCollectionBody', 'array')
  @Permission('results:certify')
  @Get('cx-collections')
  cxCollections(@Auth() auth: AuthContext, @Query() query: ReviewQueueQueryDto): Promise<CxCollectionBody[]> {
    return this.cx.awaitingReview(auth, query.agencyId);
  }

  @Returns('ReviewCommentBody')
  @Permission('results:certify')
  @Post('cx-collections/:id/return')
  @HttpCode(200)
  returnCxCollection(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnDto,
  ): Promise<ReviewCommentBody> {
    return this.cx.returnCollection(auth, id, dto.comment);
  }

  @Returns('ReviewCommentBody', 'array')
  @Permission('registry:read')
  @Get('comments')
  comments(@Auth() auth: AuthContext, @Query() query: ReviewCommentsQueryDto): Promise<ReviewCommentBody[]> {
    return this.reviews.comments(auth, query);
  }
}
