import type { CreateAgencyRequest, UpdateAgencyRequest, ListAgenciesQuery } from '@yardstick/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug.js';
import { OptionalOneOf, OptionalText, OptionalUuid, TextField } from '../../common/fields.js';

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

export class CreateAgencyDto implements CreateAgencyRequest {
  @TextField(2, 200, { example: 'Social Security Administration' })
  name!: string;

  @ApiProperty({ example: 'SSA' })
  @Matches(/^[A-Z][A-Z0-9-]{0,19}$/, { message: 'must be 1 to 20 capital letters, digits or hyphens, e.g. SSA' })
  abbreviation!: string;

  @ApiProperty({ example: 'ssa' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @Length(1, 80)
  slug!: string;

  @OptionalUuid({ description: 'The department this bureau belongs to.' })
  parentId?: string | null;

  @ApiPropertyOptional({ example: 'https://www.ssa.gov' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  websiteUrl?: string | null;

  @FiscalYearStartMonth()
  fiscalYearStartMonth?: number;
  @ApiPropertyOptional({ example: '016:00', description: 'OMB bureau code (agency:bureau), for data.json.' })
  @IsOptional()
  @Matches(/^\d{3}:\d{2}$/, { message: 'must be an OMB bureau code: 3 digits, a colon, 2 digits, e.g. 016:00' })
  bureauCode?: string | null;

  @ApiPropertyOptional({
    example: ['016:000'],
    description: 'Federal Program Inventory codes (agency:program), for data.json.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{3}:\d{3}$/, {
    each: true,
    message: 'each must be a program code: 3 digits, a colon, 3 digits, e.g. 016:000',
  })
  programCodes?: string[];

  @ApiPropertyOptional({ example: 'open.data@ssa.gov', description: 'Public contact for the published data.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address, e.g. open.data@ssa.gov' })
  @Length(3, 254)
  contactEmail?: string | null;
}

/** Blank (null) is not a month: the start month may be left out, never cleared. */
export class UpdateAgencyDto
  extends PartialType(OmitType(CreateAgencyDto, ['fiscalYearStartMonth'] as const))
  implements UpdateAgencyRequest
{
  @FiscalYearStartMonth()
  fiscalYearStartMonth?: number;
}

export const AGENCY_SORTS = ['name', 'abbreviation', 'createdAt'] as const;

export class ListAgenciesQueryDto extends PageQueryDto implements ListAgenciesQuery {
  @OptionalUuid({ description: 'Only the bureaus of this department.' })
  parentId?: string;

  @OptionalText(1, 100, { description: 'Words in the name or the abbreviation.' })
  q?: string;

  @OptionalOneOf(AGENCY_SORTS, { default: 'name' })
  sort: (typeof AGENCY_SORTS)[number] = 'name';
}
