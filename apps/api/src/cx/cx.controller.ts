import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CxCollectionBody, CxDueItemBody, CxFreeTextBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import {
  CreateCxCollectionDto,
  CxDueQueryDto,
  LinkCxStandardDto,
  ListCxCollectionsQueryDto,
  PutCxDetailDto,
  UpdateCxCollectionDto,
} from './dto/cx.dto.js';
import { CxService } from './cx.service.js';
import { Returns } from '../openapi/returns.decorator.js';

/** Customer feedback collections (A-11 Section 280): officers write and submit, approvers publish. */
/** A standard's link to a survey question (null: not measured by a survey). */
const STANDARD_QUESTION = {
  type: 'object',
  required: ['standardId', 'question'],
  properties: { standardId: { type: 'string' }, question: { type: ['string', 'null'] } },
};

@ApiTags('customer feedback')
@Controller('cx-collections')
export class CxController {
  constructor(private readonly cx: CxService) {}

  @Returns('CxCollectionBody', 'array')
  @Permission('registry:read')
  @Get()
  list(@Auth() auth: AuthContext, @Query() query: ListCxCollectionsQueryDto): Promise<CxCollectionBody[]> {
    return this.cx.list(auth, query);
  }

  /** Quarters of HISP services that ended without a collection: due, then overdue 30 days after the quarter. */
  @Returns('CxDueItemBody', 'array')
  @Permission('registry:read')
  @Get('due')
  due(@Auth() auth: AuthContext, @Query() query: CxDueQueryDto): Promise<CxDueItemBody[]> {
    return this.cx.due(auth, query);
  }

  /** The question a survey-based standard is measured by (null when none), for its staff page. */
  @Returns(STANDARD_QUESTION)
  @Permission('registry:read')
  @Get('standard-questions/:standardId')
  standardQuestion(
    @Auth() auth: AuthContext,
    @Param('standardId', ParseUUIDPipe) standardId: string,
  ): Promise<{ standardId: string; question: string | null }> {
    return this.cx.standardQuestion(auth, standardId);
  }

  /** A survey-based satisfaction standard measured by a question of its service's collections. */
  @Returns(STANDARD_QUESTION)
  @Permission('registry:write')
  @Put('standard-questions/:standardId')
  linkStandard(
    @Auth() auth: AuthContext,
    @Param('standardId', ParseUUIDPipe) standardId: string,
    @Body() dto: LinkCxStandardDto,
  ): Promise<{ standardId: string; question: string | null }> {
    return this.cx.linkStandard(auth, standardId, dto.question ?? null);
  }

  @Returns('CxCollectionBody')
  @Permission('registry:read')
  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CxCollectionBody> {
    return this.cx.get(auth, id);
  }

  /** The free text of question 4: agency staff only, never published. */
  @Returns('CxFreeTextBody', 'array')
  @Permission('registry:read')
  @Get(':id/free-text')
  freeText(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CxFreeTextBody[]> {
    return this.cx.freeText(auth, id);
  }

  @Returns('CxCollectionBody')
  @Permission('results:write')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateCxCollectionDto): Promise<CxCollectionBody> {
    return this.cx.create(auth, dto);
  }

  @Returns('CxCollectionBody')
  @Permission('results:write')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCxCollectionDto,
  ): Promise<CxCollectionBody> {
    return this.cx.update(auth, id, dto);
  }

  @Returns('CxCollectionBody')
  @Permission('results:write')
  @Put(':id/details')
  putDetail(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PutCxDetailDto,
  ): Promise<CxCollectionBody> {
    return this.cx.putDetail(auth, id, dto);
  }

  @Returns('CxCollectionBody')
  @Permission('results:write')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CxCollectionBody> {
    return this.cx.submit(auth, id);
  }

  @Returns('CxCollectionBody')
  @Permission('results:write')
  @Post(':id/not-reported')
  @HttpCode(200)
  notReported(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CxCollectionBody> {
    return this.cx.notReported(auth, id);
  }

  @Returns('CxCollectionBody')
  @Permission('results:certify')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<CxCollectionBody> {
    return this.cx.publish(auth, id);
  }
}
