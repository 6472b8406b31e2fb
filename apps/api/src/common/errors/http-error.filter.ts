import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ErrorBody, ErrorCode, ErrorDetail } from '@yardstick/contracts';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception.js';

type RequestLike = { id?: string; method?: string; url?: string };

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/**
 * The one place where errors become HTTP responses. Every error body has the same shape
 * (status, code, message, details, requestId); nothing internal (stack, SQL) is ever sent.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<RequestLike>();
    const body: ErrorBody = { ...this.describe(exception, request), requestId: request.id?.toString() };
    if (body.status >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    const response = http.getResponse<{ header(name: string, value: string): unknown }>();
    if (exception instanceof AppException) {
      for (const [name, value] of Object.entries(exception.headers)) response.header(name, value);
    }
    this.adapterHost.httpAdapter.reply(response, body, body.status);
  }

  private describe(exception: unknown, request: RequestLike): Omit<ErrorBody, 'requestId'> {
    if (exception instanceof AppException) {
      return { status: exception.status, code: exception.code, message: exception.message, details: exception.details };
    }
    // The adapter wraps Fastify's request errors in an HttpException; the cause says what went wrong.
    const requestError = describeRequestError(exception instanceof HttpException ? exception.cause : exception);
    if (requestError) return requestError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        const path = request.url ?? '';
        return {
          status,
          code: 'not_found',
          message: `There is no ${request.method ?? 'GET'} ${path.split('?')[0]} here.`,
          details: [],
        };
      }
      return {
        status,
        code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'),
        message: messageOf(exception),
        details: [],
      };
    }
    if (exception instanceof QueryFailedError) {
      const mapped = describeDatabaseError(exception);
      if (mapped) return mapped;
    }
    return {
      status: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side. Quote the request id if you report it.',
      details: [],
    };
  }
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Errors Fastify raises while reading a request, before any controller runs. */
function describeRequestError(exception: unknown): Omit<ErrorBody, 'requestId'> | undefined {
  const code = (exception as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        message: 'The request body is larger than this server accepts.',
        details: [{ field: 'body', reason: 'too large' }],
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'This content type is not accepted here; send application/json.',
        details: [{ field: 'content-type', reason: 'not supported' }],
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'bad_request',
        message: 'The Content-Length header does not match the body.',
        details: [{ field: 'content-length', reason: 'does not match the body' }],
      };
    default:
      return undefined;
  }
}

/** A safety net: constraint violations that a service did not translate itself. No SQL leaves here. */
function describeDatabaseError(error: QueryFailedError): Omit<ErrorBody, 'requestId'> | undefined {
  const driverError = error.driverError as { code?: string; constraint?: string; column?: string } | undefined;
  const details: ErrorDetail[] = driverError?.column
    ? [{ field: driverError.column, reason: 'rejected by the database' }]
    : [];
  switch (driverError?.code) {
    case '23505':
      return { status: 409, code: 'conflict', message: 'A record with the same key already exists.', details };
    case '23503':
      return {
        status: 409,
        code: 'conflict',
        message: 'The record refers to, or is referred to by, another record.',
        details,
      };
    case '40P01':
    case '40001':
      return {
        status: 409,
        code: 'conflict',
        message: 'Another change to the same records ran at the same time, so nothing was written: try again.',
        details,
      };
    case '23502':
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return { status: 400, code: 'validation_failed', message: 'A value was rejected by the database.', details };
    default:
      return undefined;
  }
}
