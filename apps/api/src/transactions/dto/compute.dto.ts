import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class ComputeStandardDto {
  @ApiPropertyOptional({
    description:
      'One period to compute (2026-03, FY2026-Q2 or FY2026, as the standard reports), even one in progress; without it, every period that has ended.',
  })
  @IsOptional()
  @IsString()
  @Length(4, 10)
  period?: string;
}
