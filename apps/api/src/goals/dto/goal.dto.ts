import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  GOAL_KINDS,
  type GoalKind,
  type CreateGoalRequest,
  type UpdateGoalRequest,
  type ListGoalsQuery,
} from '@yardstick/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export class CreateGoalDto implements CreateGoalRequest {
  @ApiProperty({ description: 'The agency whose goal this is.' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ enum: GOAL_KINDS })
  @IsIn(GOAL_KINDS)
  kind!: GoalKind;

  @ApiProperty({ example: 'SG1', description: "The agency's own reference, unique within the agency." })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
    message: 'must be letters and digits, optionally joined by . _ / or -, e.g. SG1 or APG-2024-3',
  })
  @Length(1, 40)
  code!: string;

  @ApiProperty({ example: 'Protect the security of Americans abroad' })
  @IsString()
  @Length(2, 300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({
    description: 'The goal this one sits under, in the same agency; a strategic objective sits under a strategic goal.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

/** A goal stays with its agency: its parent, children and the standards linked to it are all in that agency. */
export class UpdateGoalDto
  extends PartialType(OmitType(CreateGoalDto, ['agencyId'] as const))
  implements UpdateGoalRequest {}

export const GOAL_SORTS = ['code', 'title'] as const;

export class ListGoalsQueryDto extends PageQueryDto implements ListGoalsQuery {
  @ApiPropertyOptional({ description: 'Only the goals of this agency.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: GOAL_KINDS })
  @IsOptional()
  @IsIn(GOAL_KINDS)
  kind?: GoalKind;

  @ApiPropertyOptional({ enum: GOAL_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(GOAL_SORTS)
  sort: (typeof GOAL_SORTS)[number] = 'code';
}
