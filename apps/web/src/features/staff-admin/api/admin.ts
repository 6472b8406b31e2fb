import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgencyBody,
  AuditEventBody,
  CreatedTokenBody,
  Page,
  Permission,
  RoleAssignmentBody,
  TokenBody,
  UserBody,
} from '@yardstick/contracts';
import { apiDelete, apiGet, apiPatch, apiPost, type QueryParams } from '@/lib/api-client';

export const useAdminAgencies = () =>
  useQuery({
    queryKey: ['agencies'],
    queryFn: () => apiGet<Page<AgencyBody>>('/v1/agencies', { query: { pageSize: 100, sort: 'name' } }),
  });

export const useUpdateAgency = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; fiscalYearStartMonth?: number }) =>
      apiPatch<AgencyBody>(`/v1/agencies/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agencies'] }),
  });
};

export const useUsers = (q: string) =>
  useQuery({
    queryKey: ['users', q],
    queryFn: () => apiGet<Page<UserBody>>('/v1/users', { query: { pageSize: 100, q: q || undefined } }),
    placeholderData: keepPreviousData,
  });

const useAdminMutation = <V, R>(key: string, fn: (variables: V) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: [key] }) });
};

export type AgencyCatalogInput = Pick<AgencyBody, 'id' | 'bureauCode' | 'programCodes' | 'contactEmail'>;

/** An agency's OMB codes and public contact, for data.json. */
export const useUpdateAgencyCatalog = () =>
  useAdminMutation('agencies', ({ id, ...body }: AgencyCatalogInput) =>
    apiPatch<AgencyBody>(`/v1/agencies/${id}`, body),
  );

export type AgencyInput = {
  name: string;
  abbreviation: string;
  slug: string;
  parentId: string | null;
  websiteUrl: string | null;
};

export const useCreateAgency = () =>
  useAdminMutation('agencies', (body: AgencyInput) => apiPost<AgencyBody>('/v1/agencies', body));

export type UserInput = { email: string; name: string; password?: string; roles: RoleAssignmentBody[] };

export const useCreateUser = () => useAdminMutation('users', (body: UserInput) => apiPost<UserBody>('/v1/users', body));

export const useUpdateUser = () =>
  useAdminMutation(
    'users',
    ({ id, ...body }: { id: string; name?: string; active?: boolean; roles?: RoleAssignmentBody[] }) =>
      apiPatch<UserBody>(`/v1/users/${id}`, body),
  );

export const useTokens = () => useQuery({ queryKey: ['tokens'], queryFn: () => apiGet<TokenBody[]>('/v1/tokens') });

export type TokenInput = {
  name: string;
  kind: 'personal' | 'machine';
  agencyId?: string;
  permissions?: Permission[];
  expiresAt?: string;
};

export const useCreateToken = () =>
  useAdminMutation('tokens', (body: TokenInput) => apiPost<CreatedTokenBody>('/v1/tokens', body));

export const useRevokeToken = () => useAdminMutation('tokens', (id: string) => apiDelete(`/v1/tokens/${id}`));

export const useAuditEvents = (query: QueryParams) =>
  useQuery({
    queryKey: ['audit', query],
    queryFn: () => apiGet<Page<AuditEventBody>>('/v1/audit-events', { query: { pageSize: 50, ...query } }),
    placeholderData: keepPreviousData,
  });
