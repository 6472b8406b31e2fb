import type { ReturnRequest, ReviewQueueQuery, ReviewCommentsQuery } from '@yardstick/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalUuid, TextField, UuidField } from '../../common/fields.js';

export class ReturnDto implements ReturnRequest {
  @TextField(3, 4000, {
    description: 'What to change, for the officer.',
    example: 'The statement should name the channel.',
  })
  comment!: string;
}

export class ReviewQueueQueryDto implements ReviewQueueQuery {
  @OptionalUuid()
  agencyId?: string;
}

export class ReviewCommentsQueryDto implements ReviewCommentsQuery {
  @ApiProperty({ enum: ['standard', 'result', 'plan', 'cx_collection'] })
  @IsIn(['standard', 'result', 'plan', 'cx_collection'])
  entityType!: 'standard' | 'result' | 'plan' | 'cx_collection';

  @UuidField()
  entityId!: string;
}
