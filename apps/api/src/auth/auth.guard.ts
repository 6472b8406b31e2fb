import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@yardstick/contracts';
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedException } from '../common/errors/app.exception.js';
import { ForbiddenAppException, type AuthContext } from './auth-context.js';
import { AuthService, type Resolved } from './auth.service.js';
import { PERMISSION_KEY, PUBLIC_KEY, SIGNED_IN } from './permission.decorator.js';
import { sameSecret } from './secrets.js';

export type AuthenticatedRequest = FastifyRequest & { auth: AuthContext; resolved: Resolved };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every route: finds the caller, and refuses what the route's declared permission does not
 * allow. A route that declares nothing is a programming error, refused for everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authService: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const permission = this.reflector.getAllAndOverride<Permission | typeof SIGNED_IN>(PERMISSION_KEY, targets);
    if (!isPublic && !permission) {
      throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no permission`);
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.resolved = await this.authService.resolve(request);
    request.auth = request.resolved.auth;
    if (isPublic) return true;
    if (!request.auth.isAuthenticated) throw new UnauthenticatedException();
    if (request.resolved.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, request.resolved.session!.csrfToken)) {
        throw new ForbiddenAppException('The X-CSRF-Token header is missing or wrong: reload the page and try again.');
      }
    }
    if (permission !== SIGNED_IN && !request.auth.can(permission!)) throw new ForbiddenAppException();
    return true;
  }
}
