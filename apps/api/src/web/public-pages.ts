import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../common/errors/app.exception.js';
import { PublicCache, type Produced } from '../public/public-cache.service.js';
import { sendCatalog } from '../public/public.controller.js';
import { PublicService } from '../public/public.service.js';
import { sendCached } from '../public/send-cached.js';

/** What apps/web/src/entry-server.tsx exports (built to dist/server/entry-server.js). */
type ServerEntry = {
  render(
    url: string,
    page: { apiPath: string; data: unknown },
  ): Promise<{ html: string; head: string; dataScript: string }>;
  publicApiPaths: {
    home(q: string | null): string;
    agency(slug: string): string;
    service(slug: string): string;
    standard(id: string): string;
    report(slug: string, fiscalYear: string): string;
    plan(slug: string, fiscalYear: string): string;
    embed(id: string): string;
  };
};

type Params = Record<string, string>;
type Page = {
  route: string;
  apiPath: (entry: ServerEntry, params: Params, q: string | null) => string;
  load: (pub: PublicService, params: Params, q: string | null) => Promise<unknown>;
  /** For the embed card: other sites may frame it. */
  embeddable?: boolean;
};

/** The public pages rendered on the server, each with the public API answer it shows. */
const PAGES: Page[] = [
  { route: '/', apiPath: (e, _, q) => e.publicApiPaths.home(q), load: (pub, _, q) => pub.home(q ?? undefined) },
  {
    route: '/agencies/:slug',
    apiPath: (e, p) => e.publicApiPaths.agency(p.slug!),
    load: (pub, p) => pub.agency(p.slug!),
  },
  {
    route: '/agencies/:slug/plans/:fiscalYear',
    apiPath: (e, p) => e.publicApiPaths.plan(p.slug!, p.fiscalYear!),
    load: (pub, p) => (/^\d{4}$/.test(p.fiscalYear!) ? pub.plan(p.slug!, Number(p.fiscalYear)) : Promise.resolve(null)),
  },
  {
    route: '/services/:slug',
    apiPath: (e, p) => e.publicApiPaths.service(p.slug!),
    load: (pub, p) => pub.service(p.slug!),
  },
  {
    route: '/standards/:id',
    apiPath: (e, p) => e.publicApiPaths.standard(p.id!),
    load: (pub, p) => pub.standard(p.id!),
  },
  {
    route: '/reports/:agencySlug/:fiscalYear',
    apiPath: (e, p) => e.publicApiPaths.report(p.agencySlug!, p.fiscalYear!),
    load: (pub, p) =>
      /^\d{4}$/.test(p.fiscalYear!) ? pub.report(p.agencySlug!, Number(p.fiscalYear)) : Promise.resolve(null),
  },
  {
    route: '/embed/standards/:id',
    apiPath: (e, p) => e.publicApiPaths.embed(p.id!),
    load: (pub, p) => pub.embed(p.id!),
    embeddable: true,
  },
];

/** Any site may frame the embed card; every other page keeps frame-ancestors 'self'. */
const EMBED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *";

/**
 * Registers the server-rendered public pages: the page's data from PublicService, rendered by the web app's
 * own components (the SSR build), with the data embedded for hydration; cached with the public data.
 */
export async function registerPublicPages(app: NestFastifyApplication, distDir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const pub = app.get(PublicService);
  const cache = app.get(PublicCache);
  fastify.get('/data.json', (request, reply) => sendCatalog(pub, cache, request, reply));

  const entryFile = path.join(distDir, 'server', 'entry-server.js');
  const templateFile = path.join(distDir, 'index.html');
  let entry: ServerEntry;
  let template: string;
  try {
    template = readFileSync(templateFile, 'utf8');
    entry = (await import(pathToFileURL(entryFile).href)) as ServerEntry;
  } catch {
    return; // no server build: the pages fall back to the client-rendered index.html
  }

  const renderPage = async (page: Page, request: FastifyRequest): Promise<Produced> => {
    const params = request.params as Params;
    const q = page.route === '/' ? new URL(request.url, 'http://x').searchParams.get('q') : null;
    let data: unknown = null;
    try {
      data = await page.load(pub, params, q || null);
    } catch (error) {
      if (!(error instanceof AppException && error.status === 404)) throw error;
    }
    const rendered = await entry.render(request.url, { apiPath: page.apiPath(entry, params, q || null), data });
    const html = template
      .replace(/<title>[^<]*<\/title>/, rendered.head.includes('<title>') ? '' : '$&')
      .replace('</head>', `${rendered.head}</head>`)
      .replace('<div id="root"></div>', `<div id="root">${rendered.html}</div>${rendered.dataScript}`)
      .replace(/<noscript>[\s\S]*?<\/noscript>/, '');
    return { body: html, type: 'text/html; charset=utf-8', status: data === null ? 404 : 200 };
  };

  for (const page of PAGES) {
    fastify.get(page.route, async (request: FastifyRequest, reply: FastifyReply) => {
      const url = new URL(request.url, 'http://x');
      const q = page.route === '/' ? (url.searchParams.get('q') ?? '') : '';
      const key = `page:${url.pathname}${q ? `?q=${q}` : ''}`;
      const entryBody = await cache.get(key, () => renderPage(page, request));
      if (page.embeddable) {
        reply.header('Content-Security-Policy', EMBED_CSP);
        reply.removeHeader('X-Frame-Options');
      }
      sendCached(request, reply, entryBody);
      return reply;
    });
  }
}
