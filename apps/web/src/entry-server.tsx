// The server render of the public pages: the API calls render() with the page's address and data, and sends
// the HTML with the data embedded, so the page reads without JavaScript and hydrates without a request.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/routes';
import {
  PAGE_DATA_ELEMENT_ID,
  publicApiPaths,
  seedPageData,
  type EmbeddedPageData,
} from '@/features/public/api/public-data';
import { createQueryClient } from '@/lib/query-client';

export { PAGE_DATA_ELEMENT_ID, publicApiPaths };

export type RenderedPage = {
  /** The HTML of the app, for inside <div id="root">. */
  html: string;
  /** Elements React hoists into <head> (title, meta), taken out of `html`. */
  head: string;
  /** The script element carrying the page data for hydration (type application/json: never executed). */
  dataScript: string;
};

const handler = createStaticHandler(routes);

export async function render(url: string, page: EmbeddedPageData): Promise<RenderedPage> {
  const context = await handler.query(new Request(new URL(url, 'http://localhost')));
  if (context instanceof Response) throw new Error(`The router answered ${url} with a redirect`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const queryClient = createQueryClient();
  seedPageData(queryClient, page);
  const rendered = renderToString(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProvider>
    </StrictMode>,
  );
  // React puts <title> and <meta> first; they belong in <head>.
  const hoisted = /^(?:<(?:title|meta|link)\b[^>]*>(?:[^<]*<\/title>)?)+/.exec(rendered)?.[0] ?? '';
  const json = JSON.stringify(page)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return {
    html: rendered.slice(hoisted.length),
    head: hoisted,
    dataScript: `<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${json}</script>`,
  };
}
