// Shapes of the audit trail as the API sends them. They will move to @yardstick/contracts.

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
