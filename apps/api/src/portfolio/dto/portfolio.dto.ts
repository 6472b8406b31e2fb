import { ApiPropertyOptional } from '@nestjs/swagger';
import { DIMENSIONS, type Dimension, type PortfolioQuery, type DueQuery } from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class PortfolioQueryDto implements PortfolioQuery {
  @ApiPropertyOptional({ description: 'The fiscal year; the current one when left out.', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ enum: DIMENSIONS })
  @IsOptional()
  @IsIn(DIMENSIONS)
  dimension?: Dimension;
}

export class DueQueryDto implements DueQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  standardId?: string;
}
