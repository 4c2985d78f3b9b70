import { useCallback, useMemo } from 'react';
import type { ExceptionItem } from '../../../../shared/admin-api.js';
import type { AdminClient } from '../../api/admin-client.js';
import { usePolling } from '../../hooks/usePolling.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { CloudshelfIssuesSummary } from './CloudshelfIssuesSummary.js';
import { ExceptionCard } from './ExceptionCard.js';

const pollMs = 5_000;
const cloudshelfPollMs = 30_000;

/** Items that hold a sale back first, then the longest-waiting. */
function byUrgency(a: ExceptionItem, b: ExceptionItem): number {
  if (a.blocking !== b.blocking) return a.blocking ? -1 : 1;
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

export function NeedsAttentionList({ client, focusId }: { client: AdminClient; focusId: number | null }) {
  const list = usePolling(useCallback(() => client.exceptions('open'), [client]), pollMs);
  const issues = usePolling(useCallback(() => client.cloudshelfIssues(), [client]), cloudshelfPollMs);
  const items = useMemo(() => (list.data ? [...list.data].sort(byUrgency) : null), [list.data]);
  const now = list.updatedAt?.getTime() ?? Date.now();

  return (
    <section aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention</h2>
      <p className="intro">Sales and refunds that wait for a person. Each says why and what fixes it; open one to act on it.</p>
      {list.error && <ErrorBanner message={list.error.message} lastUpdated={list.updatedAt} />}
      {items === null ? (
        <p role="status">Loading…</p>
      ) : items.length === 0 ? (
        <p className="all-clear" role="status"><span aria-hidden="true">✓ </span>Nothing needs you right now.</p>
      ) : (
        <>
          <p className="subtle" role="status">{items.length === 1 ? 'One open item.' : `${items.length} open items.`}</p>
          <ul className="attention-list" aria-labelledby="attention-heading">
            {items.map((item) => <ExceptionCard key={item.id} item={item} now={now} focus={item.id === focusId} />)}
          </ul>
        </>
      )}
      <CloudshelfIssuesSummary issues={issues.data} error={issues.error} />
    </section>
  );
}
