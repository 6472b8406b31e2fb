import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationDelivery,
  NotificationKind,
  NotificationKindBody,
  NotificationSettingsBody,
  OutboxMessageBody,
  ReminderRunBody,
  WorkspaceBody,
} from '@yardstick/contracts';
import { apiGet, apiPost, apiPut } from '@/lib/api-client';

export const useWorkspace = () =>
  useQuery({ queryKey: ['workspace'], queryFn: () => apiGet<WorkspaceBody>('/v1/workspace') });

export const useNotificationSettings = () =>
  useQuery({
    queryKey: ['notification-settings'],
    queryFn: () => apiGet<NotificationSettingsBody>('/v1/notifications/settings'),
  });

export const useUpdateNotificationSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Record<NotificationKind, NotificationDelivery>>) =>
      apiPut<NotificationSettingsBody>('/v1/notifications/settings', body),
    onSuccess: (data) => queryClient.setQueryData(['notification-settings'], data),
  });
};

export const useNotificationKinds = () =>
  useQuery({
    queryKey: ['notification-kinds'],
    queryFn: () => apiGet<NotificationKindBody[]>('/v1/notifications/kinds'),
  });

export const useUpdateNotificationKinds = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Record<NotificationKind, boolean>>) =>
      apiPut<NotificationKindBody[]>('/v1/notifications/kinds', body),
    onSuccess: (data) => queryClient.setQueryData(['notification-kinds'], data),
  });
};

export const useOutbox = () =>
  useQuery({
    queryKey: ['outbox'],
    queryFn: () => apiGet<OutboxMessageBody[]>('/v1/notifications/outbox', { query: { limit: 200 } }),
  });

export const useRunReminders = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<ReminderRunBody>('/v1/notifications/run', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  });
};
