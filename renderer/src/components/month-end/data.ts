import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { CheckId, Checklist, MonthTakings } from '../../../../shared/month-end.js';
import { AdminApiError, type ApiIssue } from '../../api/transport.js';
import { useApi } from '../../data/ApiProvider.js';
import { invalidateLive, pollMs } from '../../data/query-client.js';
import { useActor } from '../../hooks/useActor.js';
import { returnFocusLater } from '../../hooks/return-focus.js';

/**
 * Month end's reads and actions. The month is under the on-demand `reconciliation` family
 * (the agent may build days, reading Stok.ly); movements and the checklist are live figures.
 */
export const monthEndKeys = {
  month: (month: string) => ['reconciliation', 'month', month] as const,
  movements: (from: string, to: string) => ['stock-movements', from, to] as const,
  checklist: ['checks'] as const,
};

export function useMonthTakings(month: string) {
  const api = useApi();
  return useQuery({ queryKey: monthEndKeys.month(month), queryFn: () => api.month(month), refetchOnWindowFocus: false, staleTime: Infinity });
}

export function useMovements(from: string, to: string, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: monthEndKeys.movements(from, to), queryFn: () => api.movements(from, to), enabled, refetchInterval: pollMs.flags });
}

export function useChecklist() {
  const api = useApi();
  return useQuery({ queryKey: monthEndKeys.checklist, queryFn: () => api.checklist(), refetchInterval: pollMs.flags });
}

export interface Failure {
  message: string;
  issues: readonly ApiIssue[];
}

const failureOf = (err: unknown): Failure => (err instanceof AdminApiError
  ? { message: err.message, issues: err.issues }
  : { message: err instanceof Error ? err.message : String(err), issues: [] });

/** A named action: asks who is acting (once per session), sends, keeps the agent's refusal. */
function useNamedAction<T>(send: (actor: string) => Promise<T>, onDone: (result: T) => void) {
  const { ask } = useActor();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (): Promise<boolean> => {
    const from = document.activeElement;
    const actor = await ask();
    if (!actor) {
      setFailure({ message: 'Nothing was recorded: your name is needed for the history.', issues: [] });
      returnFocusLater(from);
      return false;
    }
    setFailure(null);
    setBusy(true);
    try {
      onDone(await send(actor));
      return true;
    } catch (err) {
      setFailure(failureOf(err));
      return false;
    } finally {
      setBusy(false);
      returnFocusLater(from);
    }
  }, [ask, send, onDone]);
  return { run, failure, busy };
}

export function useSignOffMonth(month: string, note: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const send = useCallback((actor: string) => api.signOffMonth(month, { actor, ...(note.trim() ? { note: note.trim() } : {}) }), [api, month, note]);
  const done = useCallback((m: MonthTakings) => {
    queryClient.setQueryData(monthEndKeys.month(month), m);
    void invalidateLive(queryClient);
  }, [queryClient, month]);
  return useNamedAction(send, done);
}

export function useTickCheck(check: CheckId, period: string, note: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const tick = useMutation({ mutationFn: (actor: string) => api.tickCheck({ check, period, actor, ...(note.trim() ? { note: note.trim() } : {}) }) });
  const { mutateAsync } = tick;
  const done = useCallback((list: Checklist) => {
    queryClient.setQueryData(monthEndKeys.checklist, list);
  }, [queryClient]);
  return useNamedAction(mutateAsync, done);
}
