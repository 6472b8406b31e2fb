import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CurrentUserBody } from '@yardstick/contracts';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AuthenticatedRequest } from './auth.guard.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { Public, SignedIn } from './permission.decorator.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly authService: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Returns('CurrentUserBody')
  @Post('login')
  @Public()
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CurrentUserBody> {
    const { secret, expiresAt, user } = await this.authService.login(dto.email, dto.password, request);
    reply.setCookie(SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: expiresAt,
    });
    return user;
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.authService.logout(request.auth, request.resolved.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Returns('CurrentUserBody')
  @Get('me')
  @SignedIn()
  me(@Req() request: AuthenticatedRequest): Promise<CurrentUserBody> {
    return this.authService.currentUser(request.auth, request.resolved.session);
  }
}
