import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto.js';
import { UsersService, type UserBody } from './users.service.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('users')
@Controller('users')
@Permission('users:manage')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Returns('UserBody', 'page')
  @Get()
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserBody>> {
    return this.users.list(query);
  }

  @Returns('UserBody')
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserBody> {
    return this.users.get(id);
  }

  @Returns('UserBody')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateUserDto): Promise<UserBody> {
    return this.users.create(auth, dto);
  }

  @Returns('UserBody')
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserBody> {
    return this.users.update(auth, id, dto);
  }
}
