import { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorDetail } from '@yardstick/contracts';

/** Same origin: the API serves the web app, and Vite proxies it in development. */
export const API_BASE_URL = '/api';

/** The API's own codes, plus the two failures that never reach it or that it did not shape. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'invalid_response';

export type ApiErrorInit = {
  /** HTTP status; 0 when no response arrived. */
  status: number;
  code: ApiErrorCode;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
  /** The parsed response body, when there was one, for callers that expect a non-error shape. */
  body?: unknown;
  cause?: unknown;
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;
  readonly body: unknown;

  constructor({ status, code, message, details = [], requestId, body, cause }: ApiErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.body = body;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  query?: QueryParams;
  headers?: HeadersInit;
  signal?: AbortSignal;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The staff session's anti-forgery token, sent with every change made with the session cookie. */
let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

export const getCsrfToken = (): string | null => csrfToken;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

const isErrorBody = (value: unknown): value is ErrorBody =>
  isRecord(value) &&
  typeof value.status === 'number' &&
  isErrorCode(value.code) &&
  typeof value.message === 'string' &&
  (value.details === undefined || Array.isArray(value.details));

/** For responses that are not the API's error body (a proxy's 502, an HTML error page). */
const codeForStatus = (status: number): ErrorCode => {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'validation_failed';
    case 429:
      return 'too_many_requests';
    case 502:
    case 503:
    case 504:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
};

export const buildApiUrl = (path: string, query?: QueryParams): string => {
  const url = `${API_BASE_URL}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
};

type Body = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'unreadable' };

const readBody = async (response: Response): Promise<Body> => {
  const text = await response.text();
  if (text === '') return { kind: 'empty' };
  // HTML where JSON was expected means the request never reached the API
  // (for example a static server's fallback to index.html).
  if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return { kind: 'unreadable' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'unreadable' };
  }
};

export const toErrorFromResponse = async (response: Response): Promise<ApiError> => {
  const read = await readBody(response);
  const body = read.kind === 'json' ? read.value : undefined;
  if (isErrorBody(body)) {
    return new ApiError({
      status: response.status,
      code: body.code,
      message: body.message,
      details: body.details ?? [],
      requestId: body.requestId,
      body,
    });
  }
  return new ApiError({
    status: response.status,
    code: codeForStatus(response.status),
    message: `The service answered with status ${response.status}.`,
    body,
  });
};

const request = async <T>(method: Method, path: string, body: unknown, options: RequestOptions = {}): Promise<T> => {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  let requestBody: BodyInit | undefined;
  if (body instanceof FormData) {
    // Let the browser set the multipart boundary.
    requestBody = body;
  } else if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
    requestBody = JSON.stringify(body);
  }

  let response: Response;
  let read: Body;
  try {
    response = await fetch(buildApiUrl(path, options.query), {
      method,
      headers,
      body: requestBody,
      credentials: 'same-origin',
      signal: options.signal,
    });
    if (!response.ok) throw await toErrorFromResponse(response);
    read = await readBody(response);
  } catch (error) {
    // Cancellation is not a failure: TanStack Query and callers recognise the AbortError.
    if (isApiError(error) || options.signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Could not reach the service. Check your connection and try again.',
      cause: error,
    });
  }

  if (read.kind === 'unreadable') {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: 'The service sent a response that could not be read.',
    });
  }
  return (read.kind === 'json' ? read.value : undefined) as T;
};

export const apiGet = <T>(path: string, options?: RequestOptions): Promise<T> =>
  request<T>('GET', path, undefined, options);

export const apiPost = <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> =>
  request<T>('POST', path, body, options);

export const apiPut = <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> =>
  request<T>('PUT', path, body, options);

export const apiPatch = <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> =>
  request<T>('PATCH', path, body, options);

export const apiDelete = <T = void>(path: string, options?: RequestOptions): Promise<T> =>
  request<T>('DELETE', path, undefined, options);
