import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import { AUDITED_KEY, type AuditedOptions } from './audited.decorator.js';
import { AuditService } from './audit.service.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes the audit event of every change made through an @Audited controller, once it has succeeded. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuditedOptions | undefined>(AUDITED_KEY, context.getClass());
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params: Record<string, string> }>();
    if (!options || !CHANGES.has(request.method)) return next.handle();
    return from(this.around(options, context, request, next));
  }

  private async around(
    options: AuditedOptions,
    context: ExecutionContext,
    request: AuthenticatedRequest & { params: Record<string, string> },
    next: CallHandler,
  ): Promise<unknown> {
    const id = request.params?.id;
    const before = id ? await this.dataSource.manager.findOneBy(options.entity, { id }) : null;
    const after = await lastValueFrom(next.handle(), { defaultValue: undefined });
    const record = (after ?? before) as { id?: string; agencyId?: string | null } | null;
    await this.audit.record(request.auth, {
      action: `${options.entityType}.${context.getHandler().name}`,
      entityType: options.entityType,
      entityId: id ?? record?.id,
      agencyId: record?.agencyId ?? (before as { agencyId?: string } | null)?.agencyId ?? null,
      before: before ?? undefined,
      after: after ?? undefined,
    });
    return after;
  }
}
