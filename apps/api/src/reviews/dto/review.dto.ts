import type { ReturnRequest, ReviewQueueQuery, ReviewCommentsQuery } from '@yardstick/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class ReturnDto implements ReturnRequest {
  @ApiProperty({ description: 'What to change, for the officer.', example: 'The statement should name the channel.' })
  @IsString()
  @Length(3, 4000)
  comment!: string;
}

export class ReviewQueueQueryDto implements ReviewQueueQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class ReviewCommentsQueryDto implements ReviewCommentsQuery {
  @ApiProperty({ enum: ['standard', 'result', 'plan', 'cx_collection'] })
  @IsIn(['standard', 'result', 'plan', 'cx_collection'])
  entityType!: 'standard' | 'result' | 'plan' | 'cx_collection';

  @ApiProperty()
  @IsUUID()
  entityId!: string;
}
