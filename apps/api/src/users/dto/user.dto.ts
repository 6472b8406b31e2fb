import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLES,
  type Role,
  type RoleAssignmentRequest,
  type CreateUserRequest,
  type UpdateUserRequest,
  type ListUsersQuery,
} from '@yardstick/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { OneOf, OptionalBoolean, OptionalText, TextField } from '../../common/fields.js';

export class RoleAssignmentDto implements RoleAssignmentRequest {
  @OneOf(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'null: every agency (administrators and program managers only).' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  agencyId!: string | null;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty()
  @IsEmail()
  @Length(3, 320)
  email!: string;

  @TextField(1, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'Leave out for accounts that sign in only through single sign-on.' })
  @IsOptional()
  @IsString()
  password?: string;

  @ApiProperty({ type: [RoleAssignmentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleAssignmentDto)
  roles!: RoleAssignmentDto[];
}

export class UpdateUserDto implements UpdateUserRequest {
  @OptionalText(1, 200)
  name?: string;

  @OptionalBoolean({ description: 'false deactivates the account and ends its sessions.' })
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  password?: string;

  @ApiPropertyOptional({ type: [RoleAssignmentDto], description: 'Replaces every role the user has.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleAssignmentDto)
  roles?: RoleAssignmentDto[];
}

export class ListUsersQueryDto extends PageQueryDto implements ListUsersQuery {
  @OptionalText(1, 100)
  q?: string;
}
