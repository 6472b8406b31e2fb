import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import {
  GOAL_KINDS,
  type GoalKind,
  type CreateGoalRequest,
  type UpdateGoalRequest,
  type ListGoalsQuery,
} from '@yardstick/contracts';
import { Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { OneOf, OptionalOneOf, OptionalTextUpTo, OptionalUuid, TextField, UuidField } from '../../common/fields.js';

export class CreateGoalDto implements CreateGoalRequest {
  @UuidField({ description: 'The agency whose goal this is.' })
  agencyId!: string;

  @OneOf(GOAL_KINDS)
  kind!: GoalKind;

  @ApiProperty({ example: 'SG1', description: "The agency's own reference, unique within the agency." })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
    message: 'must be letters and digits, optionally joined by . _ / or -, e.g. SG1 or APG-2024-3',
  })
  @Length(1, 40)
  code!: string;

  @TextField(2, 300, { example: 'Protect the security of Americans abroad' })
  title!: string;

  @OptionalTextUpTo(2000)
  description?: string | null;

  @OptionalUuid({
    description: 'The goal this one sits under, in the same agency; a strategic objective sits under a strategic goal.',
  })
  parentId?: string | null;
}

/** A goal stays with its agency: its parent, children and the standards linked to it are all in that agency. */
export class UpdateGoalDto
  extends PartialType(OmitType(CreateGoalDto, ['agencyId'] as const))
  implements UpdateGoalRequest {}

export const GOAL_SORTS = ['code', 'title'] as const;

export class ListGoalsQueryDto extends PageQueryDto implements ListGoalsQuery {
  @OptionalUuid({ description: 'Only the goals of this agency.' })
  agencyId?: string;

  @OptionalOneOf(GOAL_KINDS)
  kind?: GoalKind;

  @OptionalOneOf(GOAL_SORTS, { default: 'code' })
  sort: (typeof GOAL_SORTS)[number] = 'code';
}
