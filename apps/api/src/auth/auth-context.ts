import { PERMISSIONS, type Permission } from '@yardstick/contracts';
import { AppException } from '../common/errors/app.exception.js';

/** Who is acting: a signed-in user, a bearer token, Yardstick itself, or nobody. */
export type Actor =
  | { type: 'user'; id: string; label: string }
  | { type: 'token'; id: string; label: string; userId: string | null }
  | { type: 'system'; id: null; label: string }
  | { type: 'anonymous'; id: null; label: string };

/** For each permission, the agencies it covers (sub-agencies already included), or all of them. */
export type Grants = ReadonlyMap<Permission, 'all' | ReadonlySet<string>>;

export class ForbiddenAppException extends AppException {
  constructor(message = 'You do not have permission to do this.') {
    super(403, 'forbidden', message);
  }
}

/**
 * The caller of one request, as every service sees it: what it may do, and for which agencies.
 * Services ask it before reading or writing an agency's records.
 */
export class AuthContext {
  constructor(
    readonly actor: Actor,
    private readonly grants: Grants,
    readonly requestId: string | null = null,
    readonly ip: string | null = null,
  ) {}

  static anonymous(requestId: string | null = null, ip: string | null = null): AuthContext {
    return new AuthContext({ type: 'anonymous', id: null, label: 'anonymous' }, new Map(), requestId, ip);
  }

  static system(label = 'Yardstick'): AuthContext {
    return new AuthContext({ type: 'system', id: null, label }, new Map(PERMISSIONS.map((p) => [p, 'all'])));
  }

  /** The same grants, acting as someone else (a personal token acts with its user's roles). */
  withActor(actor: Actor): AuthContext {
    return new AuthContext(actor, this.grants, this.requestId, this.ip);
  }

  get isAuthenticated(): boolean {
    return this.actor.type !== 'anonymous';
  }

  /** Whether the permission is held for this agency, or (without one) for any agency at all. */
  can(permission: Permission, agencyId?: string | null): boolean {
    const scope = this.grants.get(permission);
    if (!scope) return false;
    if (scope === 'all' || agencyId === undefined) return true;
    return agencyId !== null && scope.has(agencyId);
  }

  /** The agencies a permission covers, to filter lists: 'all', or their ids. */
  scope(permission: Permission): 'all' | string[] {
    const scope = this.grants.get(permission);
    if (!scope) return [];
    return scope === 'all' ? 'all' : [...scope];
  }

  require(permission: Permission, agencyId?: string | null): void {
    if (!this.can(permission, agencyId)) {
      throw new ForbiddenAppException(
        agencyId === undefined
          ? 'You do not have permission to do this.'
          : 'You do not have permission to do this for this agency.',
      );
    }
  }

  permissions(): Permission[] {
    return [...this.grants.keys()];
  }
}
