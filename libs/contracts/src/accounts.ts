import type { Permission, RoleAssignmentBody } from './auth.js';

// Accounts, tokens and the audit trail, as the API sends them to administrators.

export type UserBody = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  roles: RoleAssignmentBody[];
  lastLoginAt: string | null;
  createdAt: string;
};

export type TokenBody = {
  id: string;
  kind: 'personal' | 'machine';
  name: string;
  prefix: string;
  userId: string | null;
  agencyId: string | null;
  permissions: Permission[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Only the answer to a creation carries the token itself: it is never shown again. */
export type CreatedTokenBody = TokenBody & { token: string };

/** Who acted: a signed-in user, a bearer token, Yardstick itself, or nobody (e.g. a failed login). */
export const ACTOR_TYPES = ['user', 'token', 'system', 'anonymous'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export type AuditEventBody = {
  /** A bigint, sent as a string. */
  id: string;
  occurredAt: string;
  actorType: ActorType;
  actorId: string | null;
  /** e.g. standard.create, standard.publish, auth.login, auth.login_failed, token.use. */
  action: string;
  entityType: string | null;
  entityId: string | null;
  agencyId: string | null;
  /** The record before and after the change, as plain JSON, secrets removed. */
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  /** For failed logins: the address tried (lower case). */
  subject: string | null;
};
