import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthContext } from './auth-context.js';
import type { CreatedTokenBody, TokenBody } from './dto/token.dto.js';
import { CreateTokenDto } from './dto/token.dto.js';
import { Auth, SignedIn } from './permission.decorator.js';
import { TokensService } from './tokens.service.js';
import { Returns } from '../openapi/returns.decorator.js';

/** Personal tokens for any signed-in user; machine clients and others' tokens need tokens:manage. */
@ApiTags('tokens')
@Controller('tokens')
@SignedIn()
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Returns('TokenBody', 'array')
  @Get()
  list(@Auth() auth: AuthContext): Promise<TokenBody[]> {
    return this.tokens.list(auth);
  }

  @Returns('CreatedTokenBody')
  @Post()
  create(@Auth() auth: AuthContext, @Body() dto: CreateTokenDto): Promise<CreatedTokenBody> {
    return this.tokens.create(auth, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.tokens.revoke(auth, id);
  }
}
