import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug.js';

const MONTH_MESSAGE = 'must be a whole month number from 1 (January) to 12 (December)';

/** The month 1-12 a fiscal year starts in; may be left out (October), never null. */
function FiscalYearStartMonth(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: 'Calendar month (1-12) the fiscal year starts in: 10 (October, the default) or 4 for Canada.',
      minimum: 1,
      maximum: 12,
      default: 10,
    }),
    ValidateIf((_dto, value) => value !== undefined),
    IsInt({ message: MONTH_MESSAGE }),
    Min(1, { message: MONTH_MESSAGE }),
    Max(12, { message: MONTH_MESSAGE }),
  );
}

export class CreateAgencyDto {
  @ApiProperty({ example: 'Social Security Administration' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: 'SSA' })
  @Matches(/^[A-Z][A-Z0-9-]{0,19}$/, { message: 'must be 1 to 20 capital letters, digits or hyphens, e.g. SSA' })
  abbreviation!: string;

  @ApiProperty({ example: 'ssa' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @Length(1, 80)
  slug!: string;

  @ApiPropertyOptional({ description: 'The department this bureau belongs to.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ example: 'https://www.ssa.gov' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  websiteUrl?: string | null;

  @FiscalYearStartMonth()
  fiscalYearStartMonth?: number;
}

/** Blank (null) is not a month: the start month may be left out, never cleared. */
export class UpdateAgencyDto extends PartialType(OmitType(CreateAgencyDto, ['fiscalYearStartMonth'] as const)) {
  @FiscalYearStartMonth()
  fiscalYearStartMonth?: number;
}

export const AGENCY_SORTS = ['name', 'abbreviation', 'createdAt'] as const;

export class ListAgenciesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the bureaus of this department.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Words in the name or the abbreviation.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: AGENCY_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(AGENCY_SORTS)
  sort: (typeof AGENCY_SORTS)[number] = 'name';
}
