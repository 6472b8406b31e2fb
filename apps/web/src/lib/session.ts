import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUserBody, Permission } from '@yardstick/contracts';
import { apiGet, apiPost, isApiError, setCsrfToken } from '@/lib/api-client';

export const sessionQueryKey = ['session'] as const;

/** The signed-in user, or null when there is no session (401). */
export const getSession = async ({ signal }: { signal?: AbortSignal } = {}): Promise<CurrentUserBody | null> => {
  try {
    const user = await apiGet<CurrentUserBody>('/v1/auth/me', { signal });
    setCsrfToken(user.csrfToken);
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
};

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionQueryKey, queryFn: ({ signal }) => getSession({ signal }), staleTime: 5 * 60_000 });

export const useSession = () => useQuery(sessionQueryOptions());

export type OidcStatus = { enabled: boolean; label: string };

export const useOidcStatus = () =>
  useQuery({
    queryKey: ['oidc-status'],
    queryFn: ({ signal }) => apiGet<OidcStatus>('/v1/auth/oidc', { signal }),
    staleTime: Infinity,
  });

/** Another person's data must not outlive their session; the session query itself stays, so its observers update. */
const forgetOthers = (queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });

export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiPost<CurrentUserBody>('/v1/auth/login', credentials),
    onSuccess: (user) => {
      setCsrfToken(user.csrfToken);
      forgetOthers(queryClient);
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
};

export const useSignOut = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/v1/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionQueryKey, null);
      forgetOthers(queryClient);
    },
  });
};

/** Whether the user holds the permission for some agency, or (given one) for this agency. */
export const can = (user: CurrentUserBody | null | undefined, permission: Permission, agencyId?: string): boolean => {
  if (!user?.permissions.includes(permission)) return false;
  if (agencyId === undefined) return true;
  const scope = user.scopes[permission];
  return scope === 'all' || (scope?.includes(agencyId) ?? false);
};
