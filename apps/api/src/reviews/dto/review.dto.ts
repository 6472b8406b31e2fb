import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class ReturnDto {
  @ApiProperty({ description: 'What to change, for the officer.', example: 'The statement should name the channel.' })
  @IsString()
  @Length(3, 4000)
  comment!: string;
}

export class ReviewQueueQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class ReviewCommentsQueryDto {
  @ApiProperty({ enum: ['standard', 'result', 'plan'] })
  @IsIn(['standard', 'result', 'plan'])
  entityType!: 'standard' | 'result' | 'plan';

  @ApiProperty()
  @IsUUID()
  entityId!: string;
}
