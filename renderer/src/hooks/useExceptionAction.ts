import { useCallback, useState } from 'react';
import type { ExceptionActionInput } from '../../../shared/admin-api.js';
import type { AdminClient } from '../api/admin-client.js';
import type { ExceptionDetail } from '../api/exceptions-api.js';
import { AdminApiError, type ApiIssue } from '../api/transport.js';
import { useActor } from './useActor.js';

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

/** One action form's request state: busy while out, the server's own words on refusal. */
export function useExceptionAction(client: AdminClient, id: number, onDone: (message: string, detail: ExceptionDetail) => void): ExceptionActionState {
  const { ask } = useActor();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  const run = useCallback(async (build: (actor: string) => ExceptionActionInput, done: string): Promise<boolean> => {
    const actor = await ask();
    if (!actor) {
      setFailure({ message: 'Nothing was done: your name is needed for the history.', issues: [] });
      return false;
    }
    setBusy(true);
    setFailure(null);
    try {
      const detail = await client.act(id, build(actor));
      onDone(done, detail);
      return true;
    } catch (err) {
      setFailure(err instanceof AdminApiError
        ? { message: err.message, issues: err.issues }
        : { message: err instanceof Error ? err.message : String(err), issues: [] });
      return false;
    } finally {
      setBusy(false);
    }
  }, [ask, client, id, onDone]);

  return { busy, failure, run };
}
