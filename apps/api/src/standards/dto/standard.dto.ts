import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  CHANNELS,
  COMPUTATIONS,
  DIMENSIONS,
  DIRECTIONS,
  INDICATOR_KINDS,
  STANDARD_STATUSES,
  TRANSACTION_MEASURES,
  UNITS,
  type Channel,
  type Computation,
  type Dimension,
  type Direction,
  type IndicatorKind,
  type StandardStatus,
  type TransactionMeasure,
  type Unit,
  type ValueRangeRequest,
  type StandardContentRequest,
  type CreateStandardRequest,
  type UpdateStandardRequest,
  type ListStandardsQuery,
  type TargetRequest,
  type LinkBenchmarkRequest,
} from '@yardstick/contracts';
import { FREQUENCIES, type Frequency } from '@yardstick/metrics';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import {
  FiscalYearField,
  FiscalYearQuery,
  OneOf,
  OptionalNumber,
  OptionalOneOf,
  OptionalText,
  OptionalUuid,
  TextField,
  UuidField,
} from '../../common/fields.js';

/** A declared range of values; a side left null is unbounded. */
export class ValueRangeDto implements ValueRangeRequest {
  @OptionalNumber({ nullable: true, example: 1 })
  min!: number | null;

  @OptionalNumber({ nullable: true, example: 7 })
  max!: number | null;
}

/** What a standard promises and how it is measured: the content of a version. */
export class StandardContentDto implements StandardContentRequest {
  @TextField(3, 200, { example: 'Passport renewal processing time' })
  title!: string;

  @TextField(10, 1000, { example: 'We process 90% of passport renewals within 6 weeks.' })
  statement!: string;

  @OneOf(DIMENSIONS)
  dimension!: Dimension;

  @TextField(10, 4000, { example: 'Share of routine renewals completed within 42 days of receipt.' })
  measureDescription!: string;

  @OneOf(UNITS)
  unit!: Unit;

  @OneOf(COMPUTATIONS)
  computation!: Computation;

  @OneOf(DIRECTIONS)
  direction!: Direction;

  @ApiPropertyOptional({ description: 'For shares meeting a threshold: the threshold, e.g. 42.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  thresholdValue?: number | null;

  @OptionalOneOf(UNITS, { description: 'The unit of the threshold, e.g. days.' })
  thresholdUnit?: Unit | null;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, description: 'Empty: every channel of the service.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channelScope?: Channel[];

  @OneOf(FREQUENCIES)
  frequency!: Frequency;

  @ApiPropertyOptional({ description: 'Width of the "near" band in the unit; default 5% of the target.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  nearTolerance?: number | null;

  @ApiPropertyOptional({
    description:
      "The source's own rounding rule: results are rounded to this many decimals (half to even) before they are compared with the target. Blank: exact.",
    minimum: 0,
    maximum: 10,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  resultRounding?: number | null;

  @ApiPropertyOptional({
    type: ValueRangeDto,
    description:
      "The range the standard's values take when the unit's own does not fit: a score's scale (1-5, 1-7, 1-10, 0-10), or a percent that may be negative or above 100 (a change, a margin: min and max null or wider). Blank: the unit's range.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ValueRangeDto)
  valueRange?: ValueRangeDto | null;

  @OptionalOneOf(INDICATOR_KINDS)
  indicatorKind?: IndicatorKind | null;

  @OptionalUuid({ description: 'The strategic goal, objective or Agency Priority Goal it supports.' })
  goalId?: string | null;

  @ApiPropertyOptional({
    enum: TRANSACTION_MEASURES,
    description:
      "Computed from the service's transactions (POST /standards/:id/compute): share completed within the threshold, mean, median or 90th percentile time to complete, or share accurate.",
  })
  @IsOptional()
  @IsIn(TRANSACTION_MEASURES)
  transactionMeasure?: TransactionMeasure | null;
}

export class CreateStandardDto extends StandardContentDto implements CreateStandardRequest {
  @UuidField()
  serviceId!: string;

  @ApiProperty({ example: 'PPT-RENEW-TIME', description: 'Stable key within the agency, used by imports.' })
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, {
    message: 'must be capital letters, digits, dots, hyphens or underscores (up to 64), e.g. PPT-RENEW-TIME',
  })
  code!: string;

  @ApiPropertyOptional({ type: [String], description: 'Benchmarks to attach to the new standard, by id.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  benchmarkIds?: string[];
}

/** An edit: changes the pending version, or starts a new draft from the published one. */
export class UpdateStandardDto extends PartialType(StandardContentDto) implements UpdateStandardRequest {}

export const STANDARD_SORTS = ['code', 'title', 'createdAt', 'updatedAt'] as const;

export class ListStandardsQueryDto extends PageQueryDto implements ListStandardsQuery {
  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
  serviceId?: string;

  @OptionalOneOf(DIMENSIONS)
  dimension?: Dimension;

  @OptionalOneOf(STANDARD_STATUSES)
  status?: StandardStatus;

  @FiscalYearQuery({ description: 'Only standards with a target in this fiscal year.' })
  fiscalYear?: number;

  @OptionalText(1, 100, { description: 'Words in the code, title or statement.' })
  q?: string;

  @OptionalOneOf(STANDARD_SORTS, { default: 'code' })
  sort: (typeof STANDARD_SORTS)[number] = 'code';
}

export class TargetDto implements TargetRequest {
  @FiscalYearField({ example: 2026 })
  fiscalYear!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, description: 'Omit for the whole fiscal year.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number | null;

  @OptionalNumber({ description: 'The target, for higher- or lower-is-better measures.' })
  value?: number | null;

  @OptionalNumber({ description: 'For within-range measures.' })
  minValue?: number | null;

  @OptionalNumber({ description: 'For within-range measures.' })
  maxValue?: number | null;

  @OneOf(UNITS, { description: "Must be the standard's unit." })
  unit!: Unit;

  @OptionalNumber({ description: 'Starting point for progress toward the target.' })
  baseline?: number | null;

  @OptionalText(1, 2000)
  note?: string | null;
}

export class LinkBenchmarkDto implements LinkBenchmarkRequest {
  @UuidField()
  benchmarkId!: string;
}
