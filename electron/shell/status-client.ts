import { statusSchema, type Status } from '../../shared/admin-api.js';

export type FetchLike = (input: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/** GET /api/status from the shell (tray tooltip, updater idle check), validated like the UI does. */
export async function fetchStatus(
  connection: { adminUrl: string; adminToken: string },
  fetchImpl: FetchLike = fetch,
  timeoutMs = 5_000,
): Promise<Status> {
  const response = await fetchImpl(new URL('/api/status', connection.adminUrl).href, {
    headers: { authorization: `Bearer ${connection.adminToken}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`admin API answered ${response.status} to /api/status`);
  return statusSchema.parse(await response.json());
}
