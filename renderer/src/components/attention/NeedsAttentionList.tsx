import { useMemo } from 'react';
import type { ExceptionItem } from '../../../../shared/admin-api.js';
import { fetchedAt } from '../../data/query-client.js';
import { useCloudshelfIssues, useExceptions } from '../../data/queries.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { NotLoaded } from '../NotLoaded.js';
import { CloudshelfIssuesSummary } from './CloudshelfIssuesSummary.js';
import { ExceptionCard } from './ExceptionCard.js';

/** Items that hold a sale back first, then the longest-waiting. */
function byUrgency(a: ExceptionItem, b: ExceptionItem): number {
  if (a.blocking !== b.blocking) return a.blocking ? -1 : 1;
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

export function NeedsAttentionList({ focusId }: { focusId: number | null }) {
  const list = useExceptions('open');
  const issues = useCloudshelfIssues();
  const items = useMemo(() => (list.data ? [...list.data].sort(byUrgency) : null), [list.data]);
  const now = list.dataUpdatedAt || Date.now();

  return (
    <section aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention</h2>
      <p className="intro">Sales and refunds that wait for a person. Each says why and what fixes it; open one to act on it.</p>
      {list.error && <ErrorBanner message={list.error.message} lastUpdated={fetchedAt(list)} />}
      {items === null ? (
        <NotLoaded error={list.error} />
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
      <CloudshelfIssuesSummary issues={issues.data ?? null} error={issues.error} />
    </section>
  );
}
