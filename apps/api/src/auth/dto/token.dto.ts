import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MACHINE_PERMISSIONS, type Permission, type CreateTokenRequest } from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsDate, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { TextField } from '../../common/fields.js';

export class CreateTokenDto implements CreateTokenRequest {
  @TextField(1, 200, { example: 'Case system nightly upload' })
  name!: string;

  @ApiProperty({ enum: ['personal', 'machine'] })
  @IsIn(['personal', 'machine'])
  kind!: 'personal' | 'machine';

  @ApiPropertyOptional({ description: 'Machine clients: their agency.' })
  @ValidateIf((dto: CreateTokenDto) => dto.kind === 'machine')
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: MACHINE_PERMISSIONS, isArray: true, description: 'Machine clients: what they may do.' })
  @ValidateIf((dto: CreateTokenDto) => dto.kind === 'machine')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MACHINE_PERMISSIONS, { each: true })
  permissions?: Permission[];

  @ApiPropertyOptional({ description: 'When the token stops working (ISO date-time).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
}

export type { CreatedTokenBody, TokenBody } from '@yardstick/contracts';
