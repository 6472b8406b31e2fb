import { ROLE_PERMISSIONS, type Permission, type Role } from '@yardstick/contracts';
import type { EntityManager } from 'typeorm';
import type { Grants } from './auth-context.js';

/** Each agency id with all the agencies below it (bureaus of a department, and so on). */
export async function withSubAgencies(manager: EntityManager, agencyIds: string[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await manager.query<{ id: string }[]>(
    `WITH RECURSIVE tree(id) AS (
       SELECT id FROM agencies WHERE id = ANY($1::uuid[])
       UNION SELECT a.id FROM agencies a JOIN tree t ON a.parent_id = t.id)
     SELECT id FROM tree`,
    [agencyIds],
  );
  return rows.map((row) => row.id);
}

/** Grants from role assignments: a role for an agency covers its sub-agencies; agencyId null covers all. */
export async function grantsFor(
  manager: EntityManager,
  assignments: { role: Role; agencyId: string | null }[],
): Promise<Grants> {
  const grants = new Map<Permission, 'all' | Set<string>>();
  for (const { role, agencyId } of assignments) {
    const agencies = agencyId === null ? null : await withSubAgencies(manager, [agencyId]);
    for (const permission of ROLE_PERMISSIONS[role]) {
      const current = grants.get(permission);
      if (current === 'all') continue;
      if (agencies === null) grants.set(permission, 'all');
      else grants.set(permission, new Set([...(current ?? []), ...agencies]));
    }
  }
  return grants;
}

/** A machine client: its named permissions, for its one agency and the agencies below it. */
export async function grantsForMachine(
  manager: EntityManager,
  agencyId: string,
  permissions: Permission[],
): Promise<Grants> {
  const agencies = new Set(await withSubAgencies(manager, [agencyId]));
  return new Map(permissions.map((permission) => [permission, agencies]));
}
