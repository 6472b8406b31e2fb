import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  ALL_CHANNELS,
  CHANNELS,
  type ResultChannel,
  type CreateResultRequest,
  type ListResultsQuery,
  type UpdateResultRequest,
  type ExplanationRequest,
  type CertifyResultsRequest,
} from '@yardstick/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export const RESULT_CHANNELS = [ALL_CHANNELS, ...CHANNELS] as const;

export class CreateResultDto implements CreateResultRequest {
  @ApiProperty()
  @IsUUID()
  standardId!: string;

  @ApiProperty({ example: 'FY2026-Q2', description: 'A month (2026-03), quarter (FY2026-Q2) or fiscal year (FY2026).' })
  @IsString()
  @Length(4, 12)
  period!: string;

  @ApiPropertyOptional({ enum: RESULT_CHANNELS, default: ALL_CHANNELS })
  @IsOptional()
  @IsIn(RESULT_CHANNELS)
  channel?: ResultChannel;

  @ApiPropertyOptional({ description: 'Blank (left out or null) means not known, which is never 0.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @ApiPropertyOptional({ description: 'Transactions meeting the threshold, e.g. 9123.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  numerator?: number | null;

  @ApiPropertyOptional({ description: 'All transactions, e.g. 10000.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  denominator?: number | null;

  @ApiPropertyOptional({ description: 'Respondents or cases measured.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  sampleSize?: number | null;

  @ApiPropertyOptional({ example: 'Passport Information Electronic Records System' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  source?: string | null;

  @ApiPropertyOptional({ description: 'Caveats about the figure; required when the value is blank.' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  dataQualityNote?: string | null;
}

export const RESULT_SORTS = ['periodStart', 'createdAt'] as const;

export class ListResultsQueryDto extends PageQueryDto implements ListResultsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  standardId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: RESULT_CHANNELS })
  @IsOptional()
  @IsIn(RESULT_CHANNELS)
  channel?: ResultChannel;

  @ApiPropertyOptional({ description: 'true: certified only; false: awaiting certification only.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  certified?: boolean;

  @ApiPropertyOptional({ enum: RESULT_SORTS, default: 'periodStart' })
  @IsOptional()
  @IsIn(RESULT_SORTS)
  sort: (typeof RESULT_SORTS)[number] = 'periodStart';
}

/** A correction: the fields given replace the current figure, as a new revision. */
export class UpdateResultDto
  extends PartialType(
    PickType(CreateResultDto, [
      'value',
      'numerator',
      'denominator',
      'sampleSize',
      'source',
      'dataQualityNote',
    ] as const),
  )
  implements UpdateResultRequest {}

export class ExplanationDto implements ExplanationRequest {
  @ApiProperty({ description: 'Why the target was missed.' })
  @IsString()
  @Length(10, 4000)
  why!: string;

  @ApiProperty({ description: 'What will be done about it, and by when.' })
  @IsString()
  @Length(10, 4000)
  action!: string;
}

/** Certify listed results, or all of one standard's results (optionally for one period). */
export class CertifyResultsDto implements CertifyResultsRequest {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  standardId?: string;

  @ApiPropertyOptional({ description: "With period: every result of the agency's standards in that period." })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({
    example: 'FY2026-Q2',
    description:
      'A month, quarter or fiscal year: the results whose period lies within it (FY2026 takes its months too).',
  })
  @IsOptional()
  @IsString()
  @Length(4, 12)
  period?: string;
}
