import type { ErrorCode, ErrorDetail } from '@yardstick/contracts';

/**
 * Base class of every error the application raises on purpose. Each feature subclasses it with its
 * own code; the global filter turns it into the common error body.
 */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Response headers that go with the error, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedException extends AppException {
  constructor(message = 'Sign in first, or send a valid API token (Authorization: Bearer ...).') {
    super(401, 'unauthenticated', message);
  }
}

export class TooManyRequestsException extends AppException {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'too_many_requests', message, [], { 'Retry-After': String(retryAfterSeconds) });
  }
}

export class ValidationFailedException extends AppException {
  constructor(details: ErrorDetail[], message = describeDetails(details)) {
    super(400, 'validation_failed', message, details);
  }
}

export class NotFoundAppException extends AppException {
  constructor(what: string, id: string | number) {
    super(404, 'not_found', `${what} ${JSON.stringify(String(id))} does not exist.`, [
      { field: 'id', value: id, reason: `no ${what.toLowerCase()} with this id` },
    ]);
  }
}

export class ConflictAppException extends AppException {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(409, 'conflict', message, details);
  }
}

function describeDetails(details: ErrorDetail[]): string {
  if (details.length === 0) return 'The request is not valid.';
  const first = details[0]!;
  const where = first.field ?? (first.line !== undefined ? `line ${first.line}` : undefined);
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return `${where ? `${where}: ` : ''}${first.reason}${more}.`;
}
