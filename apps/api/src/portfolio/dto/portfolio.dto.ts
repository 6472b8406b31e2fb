import { ApiPropertyOptional } from '@nestjs/swagger';
import { DIMENSIONS, type Dimension, type PortfolioQuery, type DueQuery } from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { FiscalYearQuery, OptionalOneOf, OptionalUuid } from '../../common/fields.js';

export class PortfolioQueryDto implements PortfolioQuery {
  @FiscalYearQuery({ description: 'The fiscal year; the current one when left out.', example: 2026 })
  fiscalYear?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 4,
    description: 'A fiscal quarter of that year; the whole year when left out.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
  serviceId?: string;

  @OptionalOneOf(DIMENSIONS)
  dimension?: Dimension;
}

export class DueQueryDto implements DueQuery {
  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
  standardId?: string;
}
