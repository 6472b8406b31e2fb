import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  UNITS,
  type Unit,
  type CreateBenchmarkRequest,
  type UpdateBenchmarkRequest,
  type ListBenchmarksQuery,
} from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsUrl, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { OneOf, OptionalOneOf, OptionalText, OptionalTextUpTo, TextField } from '../../common/fields.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export class CreateBenchmarkDto implements CreateBenchmarkRequest {
  @TextField(2, 200, { example: 'American Customer Satisfaction Index: express delivery' })
  name!: string;

  @OptionalTextUpTo(2000)
  description?: string | null;

  @TextField(2, 200, { example: 'American Customer Satisfaction Index' })
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

  @OneOf(UNITS)
  unit!: Unit;
}

export class UpdateBenchmarkDto extends PartialType(CreateBenchmarkDto) implements UpdateBenchmarkRequest {}

export const BENCHMARK_SORTS = ['name', 'year'] as const;

export class ListBenchmarksQueryDto extends PageQueryDto implements ListBenchmarksQuery {
  @OptionalOneOf(UNITS)
  unit?: Unit;

  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @OptionalText(1, 100, { description: 'Words in the name or the source organization.' })
  q?: string;

  @OptionalOneOf(BENCHMARK_SORTS, { default: 'name' })
  sort: (typeof BENCHMARK_SORTS)[number] = 'name';
}
