import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  UNITS,
  type Unit,
  type CreateBenchmarkRequest,
  type UpdateBenchmarkRequest,
  type ListBenchmarksQuery,
} from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export class CreateBenchmarkDto implements CreateBenchmarkRequest {
  @ApiProperty({ example: 'American Customer Satisfaction Index: express delivery' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ example: 'American Customer Satisfaction Index' })
  @IsString()
  @Length(2, 200)
  sourceOrganization!: string;

  @ApiPropertyOptional({ example: 'https://theacsi.org' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  sourceUrl?: string | null;

  @ApiProperty({ minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2024 })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year!: number;

  @ApiProperty({ example: 78, description: 'Percent values are 0 to 100; scores are 1 to 5.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiProperty({ enum: UNITS })
  @IsIn(UNITS)
  unit!: Unit;
}

export class UpdateBenchmarkDto extends PartialType(CreateBenchmarkDto) implements UpdateBenchmarkRequest {}

export const BENCHMARK_SORTS = ['name', 'year'] as const;

export class ListBenchmarksQueryDto extends PageQueryDto implements ListBenchmarksQuery {
  @ApiPropertyOptional({ enum: UNITS })
  @IsOptional()
  @IsIn(UNITS)
  unit?: Unit;

  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ description: 'Words in the name or the source organization.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: BENCHMARK_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(BENCHMARK_SORTS)
  sort: (typeof BENCHMARK_SORTS)[number] = 'name';
}
