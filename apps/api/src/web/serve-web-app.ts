import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerPublicPages, type WebStartup } from './public-pages.js';

/**
 * Serves the built web app from the API's origin: the public pages rendered on the server, hashed assets
 * cached for a year, and index.html (never cached) for any other page address outside /api (the staff app).
 */
export async function serveWebApp(app: NestFastifyApplication, distDir: string, startup: WebStartup): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // The public pages rendered on the server, and the open data catalog (/data.json).
  const notFound = await registerPublicPages(app, distDir, startup);
  if (!existsSync(path.join(distDir, 'index.html'))) return;
  await fastify.register(fastifyStatic, {
    root: distDir,
    wildcard: false, // one route per built file, so unknown paths fall through to the page route below
    index: false,
    decorateReply: true,
    // The build writes .gz beside each script and stylesheet (vite.config.ts); sent to browsers that accept it.
    preCompressed: true,
    // The server render's bundle is for the API, not for browsers.
    allowedPath: (pathName) => !pathName.startsWith('/server/'),
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
    // The staff app routes in the browser; any other address is no public page: 404, never a soft 200.
    if (notFound && !/^\/staff(?:[/?#]|$)/.test(request.url)) return notFound(request, reply);
    return reply.sendFile('index.html');
  });
}
