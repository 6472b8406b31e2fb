import type { Role } from '@yardstick/contracts';
import type { EntityManager } from 'typeorm';

/** A user the daily job may write to: the agencies each of their roles covers (bureaus included), or all. */
export type Recipient = {
  id: string;
  name: string;
  email: string;
  roles: Map<Role, 'all' | Set<string>>;
};

/** Active users with a role, and what each role covers: one query for the users, one for the agency tree. */
export async function loadRecipients(manager: EntityManager, userId?: string): Promise<Recipient[]> {
  const [rows, agencies] = await Promise.all([
    manager.query<{ id: string; name: string; email: string; role: Role; agency_id: string | null }[]>(
      `SELECT u.id, u.name, u.email, ra.role, ra.agency_id
         FROM users u JOIN role_assignments ra ON ra.user_id = u.id
        WHERE u.active AND ($1::uuid IS NULL OR u.id = $1)
        ORDER BY u.email, u.id`,
      [userId ?? null],
    ),
    manager.query<{ id: string; parent_id: string | null }[]>(`SELECT id, parent_id FROM agencies`),
  ]);
  const children = new Map<string, string[]>();
  for (const agency of agencies) {
    if (agency.parent_id === null) continue;
    const list = children.get(agency.parent_id);
    if (list) list.push(agency.id);
    else children.set(agency.parent_id, [agency.id]);
  }
  const below = (root: string): string[] => {
    const found: string[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (found.includes(id)) continue;
      found.push(id);
      stack.push(...(children.get(id) ?? []));
    }
    return found;
  };
  const recipients = new Map<string, Recipient>();
  for (const row of rows) {
    let recipient = recipients.get(row.id);
    if (!recipient) {
      recipient = { id: row.id, name: row.name, email: row.email, roles: new Map() };
      recipients.set(row.id, recipient);
    }
    const current = recipient.roles.get(row.role);
    if (current === 'all') continue;
    if (row.agency_id === null) recipient.roles.set(row.role, 'all');
    else recipient.roles.set(row.role, new Set([...(current ?? []), ...below(row.agency_id)]));
  }
  return [...recipients.values()];
}

export function covers(scope: 'all' | Set<string> | undefined, agencyId: string): boolean {
  return scope === 'all' || (scope !== undefined && scope.has(agencyId));
}

/** An address a message can go to; anything else is "no e-mail address" and the user is skipped. */
export function isDeliverable(email: string | null | undefined): email is string {
  return typeof email === 'string' && /^[^\s@<>]+@[^\s@<>]+$/.test(email.trim());
}
