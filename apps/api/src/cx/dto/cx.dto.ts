import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  CX_SURVEY_TYPES,
  CX_TRANSACTION_POINTS,
  type Channel,
  type CxSurveyType,
  type CxTransactionPoint,
  type CreateCxCollectionRequest,
  type UpdateCxCollectionRequest,
  type PutCxDetailRequest,
  type ListCxCollectionsQuery,
  type CxDueQuery,
  type LinkCxStandardRequest,
} from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class CreateCxCollectionDto implements CreateCxCollectionRequest {
  @ApiProperty()
  @IsUUID()
  serviceId!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2019)
  @Max(2100)
  fiscalYear!: number;

  @ApiProperty({ minimum: 1, maximum: 4 })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;

  @ApiPropertyOptional({ default: true, description: 'The survey is not a random sample (the public page says so).' })
  @IsOptional()
  @IsBoolean()
  notRandomSample?: boolean;

  @ApiPropertyOptional({ description: 'How the survey was run, in plain language.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  surveyMethod?: string;
}

export class UpdateCxCollectionDto implements UpdateCxCollectionRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  notRandomSample?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  surveyMethod?: string;
}

/** One survey of a collection (one per channel): written again, it replaces what was there. */
export class PutCxDetailDto implements PutCxDetailRequest {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiPropertyOptional({ enum: CX_TRANSACTION_POINTS, default: 'post_interaction' })
  @IsOptional()
  @IsIn(CX_TRANSACTION_POINTS)
  transactionPoint?: CxTransactionPoint;

  @ApiProperty({ enum: CX_SURVEY_TYPES })
  @IsIn(CX_SURVEY_TYPES)
  surveyType!: CxSurveyType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  trustQuestion?: string;

  @ApiPropertyOptional({ example: '1505-0191' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  ombControlNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  customersServed?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  surveysOffered?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  respondents?: number;
}

export class ListCxCollectionsQueryDto implements ListCxCollectionsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2019)
  @Max(2100)
  fiscalYear?: number;
}

export class CxDueQueryDto implements CxDueQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class LinkCxStandardDto implements LinkCxStandardRequest {
  @ApiProperty({
    nullable: true,
    description: 'The A-11 question (trust, satisfaction, ...) the standard is measured by; null unlinks it.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  question!: string | null;
}
