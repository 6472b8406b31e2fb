import { SetMetadata } from '@nestjs/common';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

export const AUDITED_KEY = 'yardstick:audited';

export type AuditedOptions = { entityType: string; entity: EntityTarget<ObjectLiteral> };

/**
 * Every successful change made through this controller writes an audit event: action
 * `<entityType>.<handler>`, the record as it was before (for changes to an existing one) and the answer after.
 */
export const Audited = (entityType: string, entity: EntityTarget<ObjectLiteral>): ClassDecorator =>
  SetMetadata(AUDITED_KEY, { entityType, entity } satisfies AuditedOptions);
