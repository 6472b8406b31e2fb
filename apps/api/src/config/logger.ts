import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from './app.config.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The process-wide logger: JSON lines in production, readable lines in a terminal. */
export function createRootLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
  /** Where JSON lines go instead of stdout (tests read them). */
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    ...(config.logFormat === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The caller's X-Request-Id when well-formed (so ids follow a request across systems), else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Request logging under the id Fastify assigned (see requestIdOf); health probes are not logged. */
export function httpLoggerParams(logger: Logger): Params {
  return {
    exclude: [{ path: 'health', method: RequestMethod.GET }],
    pinoHttp: {
      logger,
      genReqId: (request) => request.id ?? requestIdOf(request),
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
