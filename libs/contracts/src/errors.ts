/** One thing wrong with a request: the field (or file line and column) at fault and why. */
export type ErrorDetail = {
  /** Dotted path of the field at fault, e.g. `targets.0.value`. */
  field?: string;
  /** 1-based line of an uploaded file. */
  line?: number;
  /** Column name of an uploaded file. */
  column?: string;
  /** The offending value, when it is safe to echo back. */
  value?: unknown;
  reason: string;
};

/** Stable, machine-readable error codes. Clients branch on these, never on messages. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'malformed_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error response from the API. */
export type ErrorBody = {
  status: number;
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  requestId?: string;
};
