import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencyBody, Page, Permission, RoleAssignmentBody } from '@yardstick/contracts';
import { apiDelete, apiGet, apiPatch, apiPost, type QueryParams } from '@/lib/api-client';

// Shapes the API sends for accounts, tokens and the audit trail (not yet in @yardstick/contracts).

export type UserBody = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  roles: RoleAssignmentBody[];
  lastLoginAt: string | null;
  createdAt: string;
};

export type TokenBody = {
  id: string;
  kind: 'personal' | 'machine';
  name: string;
  prefix: string;
  userId: string | null;
  agencyId: string | null;
  permissions: Permission[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CreatedTokenBody = TokenBody & { token: string };

export type AuditEventBody = {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  agencyId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  subject: string | null;
};

export const useAdminAgencies = () =>
  useQuery({
    queryKey: ['agencies'],
    queryFn: () => apiGet<Page<AgencyBody>>('/v1/agencies', { query: { pageSize: 100, sort: 'name' } }),
  });

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
