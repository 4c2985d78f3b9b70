import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExceptionActionInput } from '../../../shared/admin-api.js';
import type { SyncJob } from '../api/stock-api.js';
import { useApi } from './ApiProvider.js';
import { invalidateLive } from './query-client.js';

/**
 * One hook per thing the window does. Each is `useMutation`; on success every live figure is
 * asked again (`invalidateLive`), so no component refreshes another by hand.
 */

export function useRetry() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.retry(id),
    onSuccess: () => invalidateLive(queryClient),
  });
}

export function useSyncNow() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: SyncJob) => api.syncNow(job),
    onSuccess: () => invalidateLive(queryClient),
  });
}

export function useActOnException(id: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ExceptionActionInput) => api.act(id, action),
    onSuccess: () => invalidateLive(queryClient),
  });
}

/** Enrol answers the token once: the caller shows it and forgets it. */
export function useEnrolKiosk() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kiosk: { id: string; name: string }) => api.enrolKiosk(kiosk),
    onSuccess: () => invalidateLive(queryClient),
  });
}

export function useRevokeKiosk() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeKiosk(id),
    onSuccess: () => invalidateLive(queryClient),
  });
}

/** A stock flag looked at, by name with a note (audited on its sale). */
export function useAcknowledgeFlag() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; actor: string; note: string }) => api.acknowledgeFlag(input.id, input.actor, input.note),
    onSuccess: () => invalidateLive(queryClient),
  });
}
