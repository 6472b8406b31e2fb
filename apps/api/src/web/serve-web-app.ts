import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Serves the built web app from the API's origin: hashed assets cached for a year, and index.html
 * (never cached) for any other page address outside /api, so client-side routes load.
 */
export async function serveWebApp(app: NestFastifyApplication, distDir: string): Promise<void> {
  if (!existsSync(path.join(distDir, 'index.html'))) return;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: distDir,
    wildcard: false, // one route per built file, so unknown paths fall through to the page route below
    index: false,
    decorateReply: true,
    setHeaders: (response, filePath) => {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      const page = filePath.endsWith('.html');
      response.header(
        'Cache-Control',
        hashed ? 'public, max-age=31536000, immutable' : page ? 'no-cache' : 'public, max-age=300',
      );
    },
  });
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
