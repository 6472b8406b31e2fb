import type {
  ThemeCountRequest,
  CreateEmployeeFeedbackRequest,
  UpdateEmployeeFeedbackRequest,
  ListEmployeeFeedbackQuery,
} from '@yardstick/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { OptionalTextUpTo, OptionalUuid, TextField, UuidField } from '../../common/fields.js';

const MAX_COUNT = 10_000_000;

export class ThemeCountDto implements ThemeCountRequest {
  @TextField(2, 200, { example: 'Forms ask for the same information twice' })
  theme!: string;

  @ApiProperty({ example: 12, description: 'How many responding employees named it.' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  count!: number;
}

export class CreateEmployeeFeedbackDto implements CreateEmployeeFeedbackRequest {
  @UuidField()
  serviceId!: string;

  @TextField(6, 10, { example: 'FY2026-Q2', description: 'A fiscal quarter or year.' })
  periodKey!: string;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(1)
  @Max(MAX_COUNT)
  employeesSurveyed!: number;

  @ApiProperty({ example: 87 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  employeesResponding!: number;

  @ApiPropertyOptional({ type: [ThemeCountDto], description: 'Barriers to better service, by theme.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ThemeCountDto)
  barriers?: ThemeCountDto[];

  @ApiPropertyOptional({ type: [ThemeCountDto], description: 'Ideas for better service, by theme.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ThemeCountDto)
  ideas?: ThemeCountDto[];

  @OptionalTextUpTo(4000, { description: 'A short summary, what the public reads once it is published.' })
  summary?: string;

  @OptionalTextUpTo(4000, { description: 'For staff only; never public.' })
  staffNote?: string | null;
}

export class UpdateEmployeeFeedbackDto
  extends PartialType(CreateEmployeeFeedbackDto)
  implements UpdateEmployeeFeedbackRequest {}

export class ListEmployeeFeedbackQueryDto extends PageQueryDto implements ListEmployeeFeedbackQuery {
  @OptionalUuid()
  agencyId?: string;

  @OptionalUuid()
  serviceId?: string;
}
