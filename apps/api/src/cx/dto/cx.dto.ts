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
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  OneOf,
  OptionalBoolean,
  OptionalCount,
  OptionalOneOf,
  OptionalText,
  OptionalUuid,
  UuidField,
} from '../../common/fields.js';

export class CreateCxCollectionDto implements CreateCxCollectionRequest {
  @UuidField()
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

  @OptionalBoolean({ default: true, description: 'The survey is not a random sample (the public page says so).' })
  notRandomSample?: boolean;

  @OptionalText(1, 2000, { description: 'How the survey was run, in plain language.' })
  surveyMethod?: string;
}

export class UpdateCxCollectionDto implements UpdateCxCollectionRequest {
  @OptionalBoolean()
  notRandomSample?: boolean;

  @OptionalText(1, 2000)
  surveyMethod?: string;
}

/** One survey of a collection (one per channel): written again, it replaces what was there. */
export class PutCxDetailDto implements PutCxDetailRequest {
  @OneOf(CHANNELS)
  channel!: Channel;

  @OptionalOneOf(CX_TRANSACTION_POINTS, { default: 'post_interaction' })
  transactionPoint?: CxTransactionPoint;

  @OneOf(CX_SURVEY_TYPES)
  surveyType!: CxSurveyType;

  @OptionalText(1, 1000)
  trustQuestion?: string;

  @OptionalText(1, 40, { example: '1505-0191' })
  ombControlNumber?: string;

  @OptionalCount()
  customersServed?: number;

  @OptionalCount()
  surveysOffered?: number;

  @OptionalCount()
  respondents?: number;
}

export class ListCxCollectionsQueryDto implements ListCxCollectionsQuery {
  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
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
  @OptionalUuid()
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
