import type { Permission } from '@yardstick/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';

/** Keeps a list to the agencies where the caller holds the permission. */
export function scopeQuery<E extends ObjectLiteral>(
  builder: SelectQueryBuilder<E>,
  agencyColumn: string,
  auth: AuthContext,
  permission: Permission,
): SelectQueryBuilder<E> {
  const scope = auth.scope(permission);
  if (scope === 'all') return builder;
  if (scope.length === 0) return builder.andWhere('FALSE');
  return builder.andWhere(`${agencyColumn} IN (:...scopedAgencies)`, { scopedAgencies: scope });
}
