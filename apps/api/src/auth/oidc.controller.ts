import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SESSION_COOKIE } from './auth.service.js';
import { OidcErrorFilter } from './oidc-error.filter.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_TTL_SECONDS } from './oidc-state.js';
import { OidcService, type CallbackQuery } from './oidc.service.js';
import { Public } from './permission.decorator.js';

/** Where a browser lands once signed in. */
export const AFTER_SIGN_IN = '/staff';
/** The state cookie goes back only to these routes. */
const STATE_COOKIE_PATH = '/api/v1/auth/oidc';

class OidcStatusDto {
  @ApiProperty({ description: 'Whether single sign-on is configured (OIDC_ISSUER).' })
  enabled!: boolean;

  @ApiProperty({ description: 'The text of the sign-in button (OIDC_LABEL).', example: 'Sign in with Login.gov' })
  label!: string;
}

/** Single sign-on through OpenID Connect (Login.gov or another provider). Off, its routes answer 404. */
@ApiTags('auth')
@Controller('auth/oidc')
@UseFilters(OidcErrorFilter)
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: OidcStatusDto, description: 'Whether the sign-in page shows the single sign-on button.' })
  status(): OidcStatusDto {
    return this.oidc.status();
  }

  @Get('login')
  @Public()
  @ApiResponse({ status: 302, description: "To the identity provider's sign-in page." })
  async login(@Res() reply: FastifyReply): Promise<void> {
    const { url, sealed } = await this.oidc.beginSignIn();
    reply
      .setCookie(OIDC_STATE_COOKIE, sealed, {
        httpOnly: true,
        // Lax, not Strict: the provider sends the browser back with a cross-site top-level navigation.
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: STATE_COOKIE_PATH,
        maxAge: OIDC_STATE_TTL_SECONDS,
      })
      .header('cache-control', 'no-store')
      .redirect(url, 302);
  }

  @Get('callback')
  @Public()
  @ApiResponse({
    status: 302,
    description: 'Signed in: to the staff app; refused: to the sign-in page with the reason.',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // The pending sign-in is used once, whatever the outcome.
    const sealed = request.cookies?.[OIDC_STATE_COOKIE];
    reply.clearCookie(OIDC_STATE_COOKIE, { path: STATE_COOKIE_PATH }).header('cache-control', 'no-store');
    const { secret, expiresAt } = await this.oidc.completeSignIn(request.query as CallbackQuery, sealed, request);
    reply
      .setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: '/',
        expires: expiresAt,
      })
      .redirect(AFTER_SIGN_IN, 302);
  }
}
