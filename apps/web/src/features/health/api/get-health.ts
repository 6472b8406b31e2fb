import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HealthBody } from '@yardstick/contracts';
import { apiGet, isApiError } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/query-client';

const isHealthBody = (value: unknown): value is HealthBody =>
  typeof value === 'object' &&
  value !== null &&
  'status' in value &&
  'database' in value &&
  typeof value.database === 'object' &&
  value.database !== null;

export const getHealth = async ({ signal }: { signal?: AbortSignal } = {}): Promise<HealthBody> => {
  try {
    return await apiGet<HealthBody>('/health', { signal });
  } catch (error) {
    // A degraded service may answer 503 with the health report itself: that is an answer, not a failure.
    if (isApiError(error) && error.status === 503 && isHealthBody(error.body)) return error.body;
    throw error;
  }
};

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth({ signal }),
    staleTime: 30_000,
    // One quick retry: a status line should say "unknown" promptly rather than spin.
    retry: 1,
    retryDelay: 500,
  });

export type UseHealthOptions = {
  queryConfig?: QueryConfig<typeof healthQueryOptions>;
};

export const useHealth = ({ queryConfig }: UseHealthOptions = {}) =>
  useQuery({ ...healthQueryOptions(), ...queryConfig });
