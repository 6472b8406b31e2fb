import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
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
    standard(agencySlug: string, code: string): string;
    report(slug: string, fiscalYear: string): string;
    contacts: string;
    plan(slug: string, fiscalYear: string): string;
    embed(agencySlug: string, code: string): string;
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
    route: '/agencies/:agency/standards/:code',
    apiPath: (e, p) => e.publicApiPaths.standard(p.agency!, p.code!),
    load: async (pub, p) => pub.standard(await pub.standardIdAt(p.agency!, p.code!)),
  },
  {
    route: '/reports/:agencySlug/:fiscalYear',
    apiPath: (e, p) => e.publicApiPaths.report(p.agencySlug!, p.fiscalYear!),
    load: (pub, p) =>
      /^\d{4}$/.test(p.fiscalYear!) ? pub.report(p.agencySlug!, Number(p.fiscalYear)) : Promise.resolve(null),
  },
  {
    route: '/embed/agencies/:agency/standards/:code',
    apiPath: (e, p) => e.publicApiPaths.embed(p.agency!, p.code!),
    load: async (pub, p) => pub.embed(await pub.standardIdAt(p.agency!, p.code!)),
    embeddable: true,
  },
  // Pages of text: the accessibility statement and privacy notice name whom to write to.
  ...['/accessibility', '/privacy'].map((route): Page => ({
    route,
    apiPath: (e) => e.publicApiPaths.contacts,
    load: (pub) => pub.contacts(),
  })),
  ...['/about-these-numbers', '/status'].map((route): Page => ({
    route,
    apiPath: () => '',
    load: () => Promise.resolve(true),
  })),
];

/** The first addresses of standards, by id: they answer a permanent redirect to the readable address. */
const REDIRECTS: { route: string; to: (path: string) => string }[] = [
  { route: '/standards/:id', to: (path) => path },
  { route: '/embed/standards/:id', to: (path) => `/embed${path}` },
];

/** Any site may frame the embed card; every other page keeps frame-ancestors 'self'. */
const EMBED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *";

/**
 * Registers the server-rendered public pages: the page's data from PublicService, rendered by the web app's
 * own components (the SSR build), with the data embedded for hydration; cached with the public data.
 */
export async function registerPublicPages(
  app: NestFastifyApplication,
  distDir: string,
  startup: WebStartup,
): Promise<NotFoundHandler | null> {
  const fastify = app.getHttpAdapter().getInstance();
  const pub = app.get(PublicService);
  const cache = app.get(PublicCache);
  fastify.get('/data.json', (request, reply) => sendCatalog(pub, cache, request, reply));

  const entryFile = path.join(distDir, 'server', 'entry-server.js');
  const templateFile = path.join(distDir, 'index.html');
  let template: string;
  try {
    template = readFileSync(templateFile, 'utf8');
  } catch {
    return null; // no web build at all (the API alone): nothing to render
  }
  let entry: ServerEntry;
  try {
    entry = (await import(pathToFileURL(entryFile).href)) as ServerEntry;
    if (typeof entry.render !== 'function' || typeof entry.publicApiPaths?.home !== 'function')
      throw new Error('it exports no render() and publicApiPaths');
  } catch (error) {
    // A web build without a working server render would serve the public pages with no content to read
    // without JavaScript: production refuses to start; development warns and serves the client-rendered pages.
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The server-rendering bundle ${entryFile} cannot be loaded (${reason})`;
    if (startup.production) {
      startup.logger.error({ err: error }, `${message}: start-up stops (rebuild the web app)`);
      throw new Error(message, { cause: error });
    }
    startup.logger.warn({ err: error }, `${message}: the public pages are served client-rendered only`);
    return null;
  }

  const assemble = (rendered: { html: string; head: string; dataScript: string }): string =>
    template
      .replace(/<title>[^<]*<\/title>/, rendered.head.includes('<title>') ? '' : '$&')
      .replace('</head>', `${rendered.head}</head>`)
      .replace('<div id="root"></div>', `<div id="root">${rendered.html}</div>${rendered.dataScript}`)
      .replace(/<noscript>[\s\S]*?<\/noscript>/, '');

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
    return { body: assemble(rendered), type: 'text/html; charset=utf-8', status: data === null ? 404 : 200 };
  };

  for (const redirect of REDIRECTS) {
    fastify.get(redirect.route, async (request: FastifyRequest, reply: FastifyReply) => {
      const target = await pub.standardPathOf((request.params as Params).id!);
      if (target) return reply.code(301).header('Cache-Control', 'public, max-age=300').redirect(redirect.to(target));
      return sendNotFound(request, reply);
    });
  }

  fastify.get('/sitemap.xml', async (request, reply) => {
    const base = `${request.protocol}://${request.host}`;
    const entry = await cache.get(`sitemap:${base}`, async () => ({
      body: sitemapOf(base, await pub.sitemapPaths()),
      type: 'application/xml; charset=utf-8',
    }));
    sendCached(request, reply, entry);
    return reply;
  });

  /** Any other public address: the Page not found page, with the status a search engine needs (404). */
  const sendNotFound = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const rendered = await entry.render(request.url, { apiPath: '', data: null });
    const html = assemble(rendered);
    return reply.code(404).header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
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
  return sendNotFound;
}

/** What start-up tells the public pages: a production server refuses a broken server-rendering bundle. */
export type WebStartup = { production: boolean; logger: Pick<Logger, 'error' | 'warn'> };

/** Answers an address that is no page of the site. */
export type NotFoundHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

function sitemapOf(base: string, paths: string[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = paths.map((p) => `<url><loc>${escape(base + p)}</loc></url>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>\n`;
}
