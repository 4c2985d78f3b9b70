import { useCallback, useState } from 'react';
import type { ExceptionActionInput } from '../../../shared/admin-api.js';
import { AdminApiError, type ApiIssue } from '../api/transport.js';
import { useActOnException } from '../data/mutations.js';
import { useActor } from './useActor.js';
import { returnFocusLater } from './return-focus.js';

export interface ActionFailure {
  message: string;
  issues: readonly ApiIssue[];
}

export interface ExceptionActionState {
  busy: boolean;
  failure: ActionFailure | null;
  /**
   * Asks for the person's name (once per session), sends the action, and reports success with
   * `done`. Resolves true when the agent accepted it.
   */
  run(build: (actor: string) => ExceptionActionInput, done: string): Promise<boolean>;
}

const failureOf = (err: unknown): ActionFailure => (err instanceof AdminApiError
  ? { message: err.message, issues: err.issues }
  : { message: err instanceof Error ? err.message : String(err), issues: [] });

/** One action form: the person's name, the request (busy while out), the server's own words on refusal. */
export function useExceptionAction(id: number, onDone: (message: string) => void): ExceptionActionState {
  const { ask } = useActor();
  const act = useActOnException(id);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const { mutateAsync } = act;

  const run = useCallback(async (build: (actor: string) => ExceptionActionInput, done: string): Promise<boolean> => {
    const from = document.activeElement;
    try {
      const actor = await ask();
      if (!actor) {
        setFailure({ message: 'Nothing was done: your name is needed for the history.', issues: [] });
        return false;
      }
      setFailure(null);
      await mutateAsync(build(actor));
      onDone(done);
      return true;
    } catch (err) {
      setFailure(failureOf(err));
      return false;
    } finally {
      returnFocusLater(from);
    }
  }, [ask, mutateAsync, onDone]);

  return { busy: act.isPending, failure, run };
}
