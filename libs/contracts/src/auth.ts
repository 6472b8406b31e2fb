// Who may do what. Roles are granted per agency (sub-agencies included), or for all agencies.

export const ROLES = ['admin', 'performance_officer', 'approver', 'program_manager'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read the internal registry of an agency, drafts included. */
  'registry:read',
  /** Create and edit an agency's services, standards, targets and goals; link benchmarks. */
  'registry:write',
  /** Submit a standard for review. */
  'standards:submit',
  /** Publish and retire standards. */
  'standards:publish',
  /** Record results. */
  'results:write',
  /** Certify results for public release. */
  'results:certify',
  /** Create and edit benchmarks (they belong to no agency). */
  'benchmarks:write',
  /** Create, change and delete agencies. */
  'agencies:manage',
  /** Users, roles and agency scopes. */
  'users:manage',
  /** Machine clients and everyone's tokens. */
  'tokens:manage',
  /** The audit trail. */
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do; the agency scope comes from the role assignment. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  performance_officer: ['registry:read', 'registry:write', 'standards:submit', 'results:write', 'benchmarks:write'],
  approver: ['registry:read', 'standards:publish', 'results:certify'],
  program_manager: ['registry:read'],
};

/** Permissions a machine client (API token scoped to one agency) may be given. */
export const MACHINE_PERMISSIONS = ['results:write', 'registry:read'] as const satisfies readonly Permission[];

export type RoleAssignmentBody = {
  role: Role;
  /** null: every agency (administrators, and program managers who follow them all). */
  agencyId: string | null;
};

export type CurrentUserBody = {
  id: string;
  email: string;
  name: string;
  roles: RoleAssignmentBody[];
  permissions: Permission[];
  /** For each permission held, the agencies it covers (bureaus included), or 'all'. */
  scopes: Partial<Record<Permission, 'all' | string[]>>;
  /** Sent back in the X-CSRF-Token header on every state-changing request made with the session cookie. */
  csrfToken: string;
};
