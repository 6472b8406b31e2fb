import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { SystemClock, type Clock } from './common/clock.js';
import { registerJsonBodyParser } from './common/json-body.parser.js';
import { registerRawUploadParser } from './transactions/raw-upload.js';
import type { AppConfig } from './config/app.config.js';
import { requestIdOf } from './config/logger.js';
import type { DatabaseServer } from './database/database-server.js';
import { serveWebApp } from './web/serve-web-app.js';
import { readContractSchemas } from './openapi/contract-schemas.js';
import { documentReturns } from './openapi/returns.decorator.js';

/**
 * What pages may load: only this origin's scripts (no inline script), styles inline too (charts set style
 * attributes), images and fonts from here or data: URLs, and no framing by other sites. CORS stays closed:
 * no cross-origin headers are ever sent.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** Builds the whole application, ready to listen; main.ts and the API tests share it. */
export async function createApp(
  config: AppConfig,
  database: Pick<DatabaseServer, 'url' | 'mode'>,
  logger: Logger,
  clock: Clock = new SystemClock(),
): Promise<NestFastifyApplication> {
  // Fastify, not Express: 3 to 4 times the throughput through the same pipe, filter and logging
  // (npm run bench:adapters; figures in the README).
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, genReqId: requestIdOf });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, database, logger, clock),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      bodyParser: false, // registerJsonBodyParser below replaces it
    },
  );
  app.useLogger(app.get(NestPinoLogger));
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify);
  registerRawUploadParser(fastify);
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyMultipart, { limits: { files: 1, fileSize: config.importMaxBytes } });
  // Over plain HTTP (a laptop, a test), neither upgrade requests nor promise HTTPS for a year.
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: { ...CONTENT_SECURITY_POLICY, upgradeInsecureRequests: config.cookieSecure ? [] : null },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  setUpOpenApi(app);
  try {
    await serveWebApp(app, config.webDistDir, { production: config.nodeEnv === 'production', logger });
  } catch (error) {
    await app.close(); // a start-up that stops leaves no database pool open
    throw error;
  }
  await app.init();
  await fastify.ready(); // hooks and plugins are in place before the first request (supertest included)
  return app;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Yardstick API')
      .setDescription(
        'Customer service standards, targets, results and benchmarks of government agencies. ' +
          'Every error has the same body: status, code, message, details (the field or file line at fault) and requestId.',
      )
      .setVersion('1')
      .setOpenAPIVersion('3.1.0')
      .build(),
  );
  documentReturns(document, readContractSchemas());
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    useGlobalPrefix: false,
  });
}
