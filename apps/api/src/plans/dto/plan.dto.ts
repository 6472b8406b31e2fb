import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MILESTONE_STATUSES,
  PLAN_STATUSES,
  type MilestoneStatus,
  type PlanStatus,
  type MilestoneRequest,
  type PlanPartRequest,
  type PlanPartsRequest,
  type PlanContentRequest,
  type CreatePlanRequest,
  type UpdatePlanRequest,
  type ListPlansQuery,
} from '@yardstick/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { OneOf, OptionalOneOf, OptionalTextUpTo, OptionalUuid, TextField, UuidField } from '../../common/fields.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_MAX = 8000;

export class MilestoneDto implements MilestoneRequest {
  @TextField(2, 300, { example: 'Online renewal open to every adult applicant' })
  title!: string;

  @ApiProperty({ example: '2026-03-31', description: "A date within the plan's fiscal year." })
  @Matches(ISO_DATE, { message: 'must be a date written YYYY-MM-DD' })
  dueDate!: string;

  @OneOf(MILESTONE_STATUSES)
  status!: MilestoneStatus;
}

export class PlanPartDto implements PlanPartRequest {
  @ApiPropertyOptional({ description: 'What the agency will do, in plain language.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  approach?: string;

  @ApiPropertyOptional({ description: 'What customers will gain from it.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  benefits?: string;

  @ApiPropertyOptional({ type: [MilestoneDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
}

/** Each part given replaces that part; parts left out keep what they had (or stay empty). */
export class PlanPartsDto implements PlanPartsRequest {
  @ApiPropertyOptional({ type: PlanPartDto, description: '(a) Signature initiative using technology.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPartDto)
  signature_initiative?: PlanPartDto;

  @ApiPropertyOptional({ type: PlanPartDto, description: '(b) How customer feedback is collected and used.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPartDto)
  customer_feedback?: PlanPartDto;

  @ApiPropertyOptional({ type: PlanPartDto, description: '(c) Customer service standards.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPartDto)
  service_standards?: PlanPartDto;

  @ApiPropertyOptional({ type: PlanPartDto, description: '(d) Best practices and coordination across channels.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPartDto)
  best_practices?: PlanPartDto;

  @ApiPropertyOptional({ type: PlanPartDto, description: '(e) Streamlining processes.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPartDto)
  streamlining?: PlanPartDto;

  @ApiPropertyOptional({ type: PlanPartDto, description: '(f) Innovative technologies.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPartDto)
  technologies?: PlanPartDto;
}

const idList = (description: string) =>
  ApiPropertyOptional({ type: [String], format: 'uuid', description }) as PropertyDecorator;

export class PlanContentDto implements PlanContentRequest {
  @OptionalTextUpTo(4000, { description: 'The plan in a few sentences, for the public.' })
  summary?: string;

  @ApiPropertyOptional({ type: PlanPartsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPartsDto)
  parts?: PlanPartsDto;

  @idList("Part (c): standards of the plan's agency (or its bureaus).")
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  standardIds?: string[];

  @idList("Benchmarks used (EO 12862 Sec. 3): each must be a benchmark of one of the plan's standards.")
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  benchmarkIds?: string[];

  @idList("Part (b): the agency's customer feedback collections, where they exist.")
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  feedbackCollectionIds?: string[];

  @idList("Front-line employee feedback of the agency's services that the plan draws on.")
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  employeeFeedbackIds?: string[];

  @OptionalTextUpTo(4000, { description: 'For staff only; never public.' })
  staffNote?: string | null;
}

export class CreatePlanDto extends PlanContentDto implements CreatePlanRequest {
  @UuidField()
  agencyId!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear!: number;
}

export class UpdatePlanDto extends PlanContentDto implements UpdatePlanRequest {}

export const PLAN_SORTS = ['fiscalYear', 'updatedAt'] as const;

export class ListPlansQueryDto extends PageQueryDto implements ListPlansQuery {
  @OptionalUuid()
  agencyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;

  @OptionalOneOf(PLAN_STATUSES)
  status?: PlanStatus;

  @OptionalOneOf(PLAN_SORTS, { default: 'fiscalYear' })
  sort: (typeof PLAN_SORTS)[number] = 'fiscalYear';
}
