import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFresh, type CachedBody } from './public-cache.service.js';

/** Browsers and proxies may reuse a public answer for a minute, then revalidate it by its ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';

export function sendCached(request: FastifyRequest, reply: FastifyReply, entry: CachedBody): void {
  reply.header('ETag', entry.etag).header('Cache-Control', PUBLIC_CACHE_CONTROL).header('Vary', 'Accept-Encoding');
  if (entry.status === 200 && isFresh(request.headers['if-none-match'], entry.etag)) {
    reply.status(304).send();
    return;
  }
  reply.status(entry.status).type(entry.type).send(entry.body);
}
