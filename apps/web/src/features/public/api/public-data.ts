import { useQuery, type QueryClient } from '@tanstack/react-query';
import { apiGet, isApiError } from '@/lib/api-client';

/** The id of the script element that carries a server-rendered page's data, for hydration. */
export const PAGE_DATA_ELEMENT_ID = 'page-data';

/** What the server embeds: the public API path the page's data came from, and the data (null: not found). */
export type EmbeddedPageData = { apiPath: string; data: unknown };

export const publicQueryKey = (apiPath: string) => ['public', apiPath] as const;

/** A public API answer, or null when it does not exist (a 404 is an answer, shown as "page not found"). */
export const getPublic = async <T>(apiPath: string, signal?: AbortSignal): Promise<T | null> => {
  try {
    return await apiGet<T>(apiPath, { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
};

/** Seeds the query cache with the page's data, on the server before rendering and in the browser before hydrating. */
export const seedPageData = (queryClient: QueryClient, page: EmbeddedPageData): void => {
  queryClient.setQueryData(publicQueryKey(page.apiPath), page.data);
};

/**
 * A public page's data by its API path (e.g. `/v1/public/standards/<id>`). Server-rendered pages have it
 * already; after client-side navigation it is fetched.
 */
export const usePublicData = <T>(apiPath: string) =>
  useQuery({
    queryKey: publicQueryKey(apiPath),
    queryFn: ({ signal }) => getPublic<T>(apiPath, signal),
    staleTime: 60_000,
  });

/** The API paths of the public pages; the server uses the same ones to embed their data. */
export const publicApiPaths = {
  home: (q: string | null) => (q ? `/v1/public/home?q=${encodeURIComponent(q)}` : '/v1/public/home'),
  agency: (slug: string) => `/v1/public/agencies/${encodeURIComponent(slug)}`,
  service: (slug: string) => `/v1/public/services/${encodeURIComponent(slug)}`,
  standard: (agency: string, code: string) =>
    `/v1/public/agencies/${encodeURIComponent(agency)}/standards/${encodeURIComponent(code)}`,
  report: (slug: string, fiscalYear: string) =>
    `/v1/public/reports/${encodeURIComponent(slug)}/${encodeURIComponent(fiscalYear)}`,
  contacts: '/v1/public/contacts',
  plan: (slug: string, fiscalYear: string) =>
    `/v1/public/agencies/${encodeURIComponent(slug)}/plans/${encodeURIComponent(fiscalYear)}`,
  embed: (agency: string, code: string) =>
    `/v1/public/embed/agencies/${encodeURIComponent(agency)}/standards/${encodeURIComponent(code)}`,
};
