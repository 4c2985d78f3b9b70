import { AdminApiError } from '../api/transport.js';
import { fetchedAt } from './query-client.js';
import { useStatus } from './queries.js';

export interface AgentState {
  /** The agent does not answer at all (stopped, restarting, crashed). */
  unreachable: boolean;
  /** When the figures on screen were last fetched. */
  asOf: Date | null;
}

/** A request that got no answer at all (as opposed to an answer saying no). */
export const isUnreachable = (error: unknown): boolean => error instanceof AdminApiError && error.status === 0;

/** Whether the agent answers, from the status every screen shares (one request, not one per caller). */
export function useAgentState(): AgentState {
  const status = useStatus();
  const unreachable = isUnreachable(status.error);
  return { unreachable, asOf: fetchedAt(status) };
}

/** Actions are off while the agent does not answer: a click would only fail. */
export function useActionsDisabled(): boolean {
  return useAgentState().unreachable;
}
