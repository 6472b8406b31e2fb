import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgencyBody,
  BenchmarkBody,
  DueResultBody,
  ExplanationBody,
  Page,
  ResultBody,
  ResultRevisionBody,
  ReviewCommentBody,
  ServiceBody,
  StandardBody,
  StandardVersionBody,
  TargetBody,
} from '@yardstick/contracts';
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, type QueryParams } from '@/lib/api-client';

// The registry as the staff app reads and writes it. Lists ask for the largest page (100).

const list = <T>(path: string, query: QueryParams = {}) =>
  apiGet<Page<T>>(path, { query: { pageSize: 100, ...query } });

export const registryKeys = {
  agencies: ['agencies'] as const,
  services: (agencyId?: string) => ['services', agencyId ?? 'all'] as const,
  standards: (query: QueryParams) => ['standards', query] as const,
  standard: (id: string) => ['standard', id] as const,
  versions: (id: string) => ['standard', id, 'versions'] as const,
  targets: (id: string) => ['standard', id, 'targets'] as const,
  benchmarks: (id: string) => ['standard', id, 'benchmarks'] as const,
  allBenchmarks: ['benchmarks'] as const,
  results: (standardId: string) => ['results', standardId] as const,
  comments: (entityId: string) => ['comments', entityId] as const,
  due: ['due'] as const,
};

export const useAgencies = () =>
  useQuery({ queryKey: registryKeys.agencies, queryFn: () => list<AgencyBody>('/v1/agencies', { sort: 'name' }) });

export const useServices = (agencyId?: string) =>
  useQuery({
    queryKey: registryKeys.services(agencyId),
    queryFn: () => list<ServiceBody>('/v1/services', { agencyId, sort: 'name' }),
  });

export const useStandards = (query: QueryParams) =>
  useQuery({
    queryKey: registryKeys.standards(query),
    queryFn: () => list<StandardBody>('/v1/standards', query),
    placeholderData: keepPreviousData,
  });

export const useStandard = (id: string) =>
  useQuery({ queryKey: registryKeys.standard(id), queryFn: () => apiGet<StandardBody>(`/v1/standards/${id}`) });

export const useVersions = (id: string) =>
  useQuery({
    queryKey: registryKeys.versions(id),
    queryFn: () => apiGet<StandardVersionBody[]>(`/v1/standards/${id}/versions`),
  });

export const useTargets = (id: string) =>
  useQuery({ queryKey: registryKeys.targets(id), queryFn: () => apiGet<TargetBody[]>(`/v1/standards/${id}/targets`) });

export const useStandardBenchmarks = (id: string) =>
  useQuery({
    queryKey: registryKeys.benchmarks(id),
    queryFn: () => apiGet<BenchmarkBody[]>(`/v1/standards/${id}/benchmarks`),
  });

export const useAllBenchmarks = () =>
  useQuery({
    queryKey: registryKeys.allBenchmarks,
    queryFn: () => list<BenchmarkBody>('/v1/benchmarks', { sort: 'name' }),
  });

export const useResults = (standardId: string) =>
  useQuery({
    queryKey: registryKeys.results(standardId),
    queryFn: () => list<ResultBody>('/v1/results', { standardId, sort: 'periodStart', order: 'desc' }),
  });

export const useComments = (entityType: 'standard' | 'result', entityId: string) =>
  useQuery({
    queryKey: registryKeys.comments(entityId),
    queryFn: () => apiGet<ReviewCommentBody[]>('/v1/reviews/comments', { query: { entityType, entityId } }),
  });

export const useDue = (filters: { agencyId?: string; standardId?: string } = {}) =>
  useQuery({
    queryKey: [...registryKeys.due, filters],
    queryFn: () => apiGet<DueResultBody[]>('/v1/portfolio/due', { query: filters }),
    placeholderData: keepPreviousData,
  });

export type StandardContent = Omit<StandardVersionBody, 'id' | 'version' | 'status' | 'publishedAt' | 'createdAt'>;

/** Every change to a standard refreshes what was read about it. */
const useStandardMutation = <V, R>(standardId: string | null, fn: (variables: V) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['standards'] });
      if (standardId) await queryClient.invalidateQueries({ queryKey: ['standard', standardId] });
      await queryClient.invalidateQueries({ queryKey: ['results'] });
      await queryClient.invalidateQueries({ queryKey: ['comments'] });
      await queryClient.invalidateQueries({ queryKey: ['due'] });
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
  });
};

export const useCreateStandard = () =>
  useStandardMutation(null, (body: StandardContent & { serviceId: string; code: string; benchmarkIds?: string[] }) =>
    apiPost<StandardBody>('/v1/standards', body),
  );

export const useUpdateStandard = (id: string) =>
  useStandardMutation(id, (body: Partial<StandardContent>) => apiPatch<StandardBody>(`/v1/standards/${id}`, body));

export const useSubmitStandard = (id: string) =>
  useStandardMutation(id, () => apiPost<StandardBody>(`/v1/standards/${id}/submit`));

export type TargetInput = {
  fiscalYear: number;
  quarter?: number | null;
  value?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  unit: string;
  baseline?: number | null;
  note?: string | null;
};

export const usePutTarget = (id: string) =>
  useStandardMutation(id, (body: TargetInput) => apiPut<TargetBody>(`/v1/standards/${id}/targets`, body));

export const useRemoveTarget = (id: string) =>
  useStandardMutation(id, (targetId: string) => apiDelete(`/v1/standards/${id}/targets/${targetId}`));

export const useLinkBenchmark = (id: string) =>
  useStandardMutation(id, (benchmarkId: string) =>
    apiPost<BenchmarkBody[]>(`/v1/standards/${id}/benchmarks`, { benchmarkId }),
  );

export const useUnlinkBenchmark = (id: string) =>
  useStandardMutation(id, (benchmarkId: string) => apiDelete(`/v1/standards/${id}/benchmarks/${benchmarkId}`));

export type BenchmarkInput = {
  name: string;
  sourceOrganization: string;
  sourceUrl?: string | null;
  year: number;
  value: number;
  unit: string;
};

export const useCreateBenchmark = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BenchmarkInput) => apiPost<BenchmarkBody>('/v1/benchmarks', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.allBenchmarks }),
  });
};

export type ResultInput = {
  standardId: string;
  period: string;
  channel?: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  sampleSize?: number | null;
  source?: string | null;
  dataQualityNote?: string | null;
};

export const useRevisions = (resultId: string) =>
  useQuery({
    queryKey: ['results', 'revisions', resultId],
    queryFn: () => apiGet<ResultRevisionBody[]>(`/v1/results/${resultId}/revisions`),
  });

/** A correction: a new revision of the result (which then needs certifying again). */
export const useCorrectResult = (standardId: string) =>
  useStandardMutation(
    standardId,
    ({ resultId, ...body }: { resultId: string } & Omit<ResultInput, 'standardId' | 'period' | 'channel'>) =>
      apiPatch<ResultBody>(`/v1/results/${resultId}`, body),
  );

export const useRecordResult = (standardId: string) =>
  useStandardMutation(standardId, (body: ResultInput) => apiPost<ResultBody>('/v1/results', body));

export const useExplain = (standardId: string) =>
  useStandardMutation(standardId, ({ resultId, ...body }: { resultId: string } & Omit<ExplanationBody, 'updatedAt'>) =>
    apiPut<ResultBody>(`/v1/results/${resultId}/explanation`, body),
  );

export const useCreateService = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ServiceBody, 'id' | 'createdAt' | 'updatedAt'>) =>
      apiPost<ServiceBody>('/v1/services', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['services'] }),
  });
};

export const useUpdateService = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<ServiceBody> & { id: string }) =>
      apiPatch<ServiceBody>(`/v1/services/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['services'] }),
  });
};
