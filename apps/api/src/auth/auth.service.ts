import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUserBody, Permission } from '@yardstick/contracts';
import type { FastifyRequest } from 'fastify';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { TooManyRequestsException, UnauthenticatedException } from '../common/errors/app.exception.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RoleAssignment } from '../users/entities/role-assignment.entity.js';
import { User } from '../users/entities/user.entity.js';
import { AuthContext, ForbiddenAppException } from './auth-context.js';
import { ApiToken } from './entities/api-token.entity.js';
import { Session } from './entities/session.entity.js';
import { grantsFor, grantsForMachine } from './grants.js';
import { newSecret, sha256, verifyPassword } from './secrets.js';

export const SESSION_COOKIE = 'yardstick_session';
/** Failed sign-ins allowed in the window, per account and per address. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;
/** Sliding expiry and last-used times are written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

export type Resolved = { auth: AuthContext; via: 'cookie' | 'bearer' | 'none'; session?: Session };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Who is calling: a bearer token, else the session cookie, else nobody. */
  async resolve(request: FastifyRequest): Promise<Resolved> {
    const requestId = String(request.id);
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthenticatedException('The Authorization header must be "Bearer <token>".');
      return { auth: await this.fromToken(match[1]!, requestId, request.ip), via: 'bearer' };
    }
    const secret = request.cookies?.[SESSION_COOKIE];
    if (secret) {
      const resolved = await this.fromSession(secret, requestId, request.ip);
      if (resolved) return { ...resolved, via: 'cookie' };
    }
    return { auth: AuthContext.anonymous(requestId, request.ip), via: 'none' };
  }

  async login(
    email: string,
    password: string,
    request: FastifyRequest,
  ): Promise<{ secret: string; expiresAt: Date; user: CurrentUserBody }> {
    const subject = email.trim().toLowerCase();
    const anonymous = AuthContext.anonymous(String(request.id), request.ip);
    await this.throttle(subject, request.ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :subject', { subject })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      await this.audit.record(anonymous, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id,
        subject,
      });
      throw new UnauthenticatedException('The email address or the password is wrong.');
    }
    const { secret, session } = await this.startSession(user, request);
    const auth = await this.contextFor(user, String(request.id), request.ip);
    await this.audit.record(auth, { action: 'auth.login', entityType: 'user', entityId: user.id });
    return { secret, expiresAt: session.expiresAt, user: await this.currentUser(auth, session) };
  }

  async startSession(user: User, request: FastifyRequest): Promise<{ secret: string; session: Session }> {
    const secret = newSecret();
    const now = new Date();
    const session = await this.dataSource.manager.save(
      this.dataSource.manager.create(Session, {
        tokenHash: sha256(secret),
        userId: user.id,
        csrfToken: newSecret(),
        expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000),
        lastSeenAt: now,
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
      }),
    );
    await this.dataSource.manager.update(User, { id: user.id }, { lastLoginAt: now });
    return { secret, session };
  }

  async logout(auth: AuthContext, session: Session | undefined): Promise<void> {
    if (session) await this.dataSource.manager.delete(Session, { tokenHash: session.tokenHash });
    await this.audit.record(auth, { action: 'auth.logout', entityType: 'user', entityId: auth.actor.id ?? undefined });
  }

  async currentUser(auth: AuthContext, session?: Session): Promise<CurrentUserBody> {
    const userId = auth.actor.type === 'user' ? auth.actor.id : auth.actor.type === 'token' ? auth.actor.userId : null;
    if (!userId) throw new ForbiddenAppException('A machine client has no user account.');
    const user = await this.dataSource.manager.findOneOrFail(User, {
      where: { id: userId },
      relations: { roles: true },
    });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: (user.roles ?? []).map((r) => ({ role: r.role, agencyId: r.agencyId })),
      permissions: auth.permissions(),
      scopes: Object.fromEntries(auth.permissions().map((permission) => [permission, auth.scope(permission)])),
      csrfToken: session?.csrfToken ?? '',
    };
  }

  /** The context of a user's own requests: the grants of all their roles. */
  async contextFor(user: User, requestId: string | null, ip: string | null): Promise<AuthContext> {
    const roles = await this.dataSource.manager.findBy(RoleAssignment, { userId: user.id });
    return new AuthContext(
      { type: 'user', id: user.id, label: user.email },
      await grantsFor(this.dataSource.manager, roles),
      requestId,
      ip,
    );
  }

  private async throttle(subject: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
    const [byAccount, byAddress] = await Promise.all([
      this.audit.countRecentFailures({ subject, since }),
      this.audit.countRecentFailures({ ip, since }),
    ]);
    if (byAccount >= LOGIN_LIMITS.perAccount || byAddress >= LOGIN_LIMITS.perAddress) {
      throw new TooManyRequestsException(
        `Too many failed sign-ins: wait ${LOGIN_LIMITS.windowMinutes} minutes before trying again.`,
        LOGIN_LIMITS.windowMinutes * 60,
      );
    }
  }

  private async fromSession(
    secret: string,
    requestId: string,
    ip: string,
  ): Promise<{ auth: AuthContext; session: Session } | undefined> {
    const session = await this.dataSource.manager.findOneBy(Session, { tokenHash: sha256(secret) });
    if (!session || session.expiresAt <= new Date()) return undefined;
    const user = await this.dataSource.manager.findOneBy(User, { id: session.userId, active: true });
    if (!user) return undefined;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      const now = new Date();
      await this.dataSource.manager.update(
        Session,
        { tokenHash: session.tokenHash },
        { lastSeenAt: now, expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000) },
      );
    }
    return { auth: await this.contextFor(user, requestId, ip), session };
  }

  private async fromToken(secret: string, requestId: string, ip: string): Promise<AuthContext> {
    const token = await this.dataSource.manager.findOneBy(ApiToken, { tokenHash: sha256(secret), revokedAt: IsNull() });
    if (!token || (token.expiresAt && token.expiresAt <= new Date())) {
      throw new UnauthenticatedException('This API token is not valid: it is unknown, expired or revoked.');
    }
    const actor = { type: 'token' as const, id: token.id, label: token.name, userId: token.userId };
    let auth: AuthContext;
    if (token.kind === 'machine') {
      auth = new AuthContext(
        actor,
        await grantsForMachine(this.dataSource.manager, token.agencyId!, token.permissions as Permission[]),
        requestId,
        ip,
      );
    } else {
      const user = await this.dataSource.manager.findOneBy(User, { id: token.userId!, active: true });
      if (!user) throw new UnauthenticatedException('The account of this API token is deactivated.');
      auth = (await this.contextFor(user, requestId, ip)).withActor(actor);
    }
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.manager.update(ApiToken, { id: token.id }, { lastUsedAt: new Date() });
    }
    await this.audit.record(auth, {
      action: 'token.use',
      entityType: 'api_token',
      entityId: token.id,
      agencyId: token.agencyId,
    });
    return auth;
  }
}
