import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Agency } from '../agencies/entities/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenAppException, type AuthContext } from './auth-context.js';
import { NotFoundAppException, ValidationFailedException } from '../common/errors/app.exception.js';
import type { CreatedTokenBody, CreateTokenDto, TokenBody } from './dto/token.dto.js';
import { ApiToken } from './entities/api-token.entity.js';
import { newSecret, sha256 } from './secrets.js';

@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Your own tokens; with tokens:manage, everyone's and the machine clients'. */
  async list(auth: AuthContext): Promise<TokenBody[]> {
    const tokens = await this.dataSource.manager.find(ApiToken, {
      where: auth.can('tokens:manage') ? {} : { userId: this.userId(auth), kind: 'personal' },
      order: { createdAt: 'DESC' },
    });
    return tokens.map(toTokenBody);
  }

  async create(auth: AuthContext, dto: CreateTokenDto): Promise<CreatedTokenBody> {
    if (dto.kind === 'machine') {
      auth.require('tokens:manage');
      if (!(await this.dataSource.manager.existsBy(Agency, { id: dto.agencyId! }))) {
        throw new ValidationFailedException([
          { field: 'agencyId', value: dto.agencyId, reason: 'no agency with this id' },
        ]);
      }
    }
    const secret = `ys_${newSecret()}`;
    return this.dataSource.transaction(async (manager) => {
      const token = await manager.save(
        manager.create(ApiToken, {
          kind: dto.kind,
          name: dto.name,
          prefix: secret.slice(0, 10),
          tokenHash: sha256(secret),
          userId: dto.kind === 'personal' ? this.userId(auth) : null,
          agencyId: dto.kind === 'machine' ? dto.agencyId! : null,
          permissions: dto.kind === 'machine' ? dto.permissions! : [],
          createdBy: auth.actor.id,
          expiresAt: dto.expiresAt ?? null,
        }),
      );
      const body = toTokenBody(token);
      await this.audit.record(
        auth,
        { action: 'token.create', entityType: 'api_token', entityId: token.id, agencyId: token.agencyId, after: body },
        manager,
      );
      return { ...body, token: secret };
    });
  }

  async revoke(auth: AuthContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(ApiToken, { id, revokedAt: IsNull() });
      if (!token) throw new NotFoundAppException('Token', id);
      if (!auth.can('tokens:manage') && token.userId !== this.userId(auth)) {
        throw new ForbiddenAppException('You can revoke only your own tokens.');
      }
      await manager.update(ApiToken, { id }, { revokedAt: new Date() });
      await this.audit.record(
        auth,
        {
          action: 'token.revoke',
          entityType: 'api_token',
          entityId: id,
          agencyId: token.agencyId,
          before: toTokenBody(token),
        },
        manager,
      );
    });
  }

  private userId(auth: AuthContext): string {
    if (auth.actor.type === 'user') return auth.actor.id;
    if (auth.actor.type === 'token' && auth.actor.userId) return auth.actor.userId;
    throw new ForbiddenAppException('A machine client has no tokens of its own.');
  }
}

export function toTokenBody(token: ApiToken): TokenBody {
  return {
    id: token.id,
    kind: token.kind,
    name: token.name,
    prefix: token.prefix,
    userId: token.userId,
    agencyId: token.agencyId,
    permissions: token.permissions,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
