// Shapes of the audit trail as the API sends them, shared with the web app.
export { ACTOR_TYPES, type ActorType, type AuditEventBody } from '@yardstick/contracts';
