import { ApiPropertyOptional } from '@nestjs/swagger';
import { SORT_ORDERS, type SortOrder, type ListAuditEventsQuery } from '@yardstick/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { ACTOR_TYPES, type ActorType } from '../audit.types.js';
import { OptionalOneOf, OptionalText, OptionalUuid } from '../../common/fields.js';

export const AUDIT_EVENT_SORTS = ['occurredAt'] as const;

/** Exact (`standard.publish`) or a prefix ending in `*` (`standard.*`); `%` and friends are not wildcards. */
const ACTION_FILTER = /^[a-z][a-z0-9_.:-]*\*?$/;
/** A date-time with its time zone, so that the range does not depend on the server's zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_MESSAGE = 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T00:00:00Z';

export class ListAuditEventsQueryDto extends PageQueryDto implements ListAuditEventsQuery {
  @OptionalText(1, 200, { description: 'A user or token id.' })
  actorId?: string;

  @OptionalOneOf(ACTOR_TYPES)
  actorType?: ActorType;

  @ApiPropertyOptional({
    description: 'An action (standard.publish), or every action starting with a prefix that ends in * (standard.*).',
    example: 'standard.*',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(ACTION_FILTER, {
    message: 'must be an action like standard.publish, or a prefix ending in * like standard.*',
  })
  action?: string;

  @OptionalText(1, 100, { example: 'standard' })
  entityType?: string;

  @OptionalText(1, 200)
  entityId?: string;

  @OptionalUuid()
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Events at or after this time.', example: '2026-03-01T00:00:00Z' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_TIME_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ description: 'Events before this time (not at it).', example: '2026-04-01T00:00:00Z' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_TIME_MESSAGE })
  to?: string;

  @OptionalOneOf(AUDIT_EVENT_SORTS, { default: 'occurredAt' })
  sort: (typeof AUDIT_EVENT_SORTS)[number] = 'occurredAt';

  /** Newest first, unlike the other lists. */
  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  override order: SortOrder = 'desc';
}
