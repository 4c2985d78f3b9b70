import type { Status } from '../../../shared/admin-api.js';
import { formatAge, formatClock, formatTime } from '../format.js';
import { HealthBadge } from './HealthBadge.js';
import { StatCard } from './StatCard.js';
import { syncKindWords } from '../../../shared/words/sync-kinds.js';
import { SyncRunLine } from './SyncRunLine.js';

export function StatusPanel({ status, updatedAt, stale, onOpenAttention }: {
  status: Status | null;
  updatedAt: Date | null;
  stale: boolean;
  onOpenAttention(): void;
}) {
  if (!status) return <p role="status">Loading the agent&rsquo;s status…</p>;
  const { health } = status;
  const { oldestPendingAgeSeconds } = health.backlog;
  const held = status.waitingForSale;
  const pending = health.backlog.pending - held;
  const open = status.exceptions.open;
  const cloudshelfIssues = status.exceptions.cloudshelfIssues;
  return (
    <section aria-labelledby="status-heading" className={stale ? 'stale' : undefined}>
      <h2 id="status-heading">Status</h2>
      <div className="cards">
        <StatCard id="card-health" label="Overall health">
          {stale ? (
            <>
              <span className="badge badge-unknown">Not known now</span>
              <p className="card-detail">The agent is not answering.</p>
            </>
          ) : <HealthBadge status={health.status} />}
        </StatCard>
        <StatCard id="card-online" label="Stok.ly connection">
          {stale ? (
            <span className="badge badge-unknown">Not known now</span>
          ) : (
            <span className={`badge ${health.online ? 'badge-ok' : 'badge-down'}`}>
              <span aria-hidden="true">{health.online ? '● ' : '○ '}</span>
              {health.online ? 'Online' : 'Offline'}
            </span>
          )}
          <p className="card-detail">Last contact: {formatTime(status.stokly.lastContactAt)}</p>
          {status.stokly.pausedUntil && <p className="card-detail">Paused by Stok.ly until {formatTime(status.stokly.pausedUntil)}</p>}
        </StatCard>
        <StatCard id="card-backlog" label="Waiting to send">
          <p className="figure">{pending}</p>
          <p className="card-detail">{pending === 0 ? 'Nothing waiting.' : `Oldest waiting ${formatAge(oldestPendingAgeSeconds)}.`}</p>
          {held > 0 && <p className="card-detail">{held === 1 ? 'One refund waits for its sale' : `${held} refunds wait for their sales`} to reach Stok.ly first. That is normal.</p>}
        </StatCard>
        <StatCard id="card-exceptions" label="Needs attention">
          <p className={`figure ${open > 0 ? 'figure-bad' : ''}`}>{open}</p>
          <p className="card-detail">
            {open === 0 ? 'Nothing needs a person.' : `${open === 1 ? 'One item needs' : `${open} items need`} a person.`}
            {cloudshelfIssues > 0 && ` Cloudshelf: ${cloudshelfIssues} open ${cloudshelfIssues === 1 ? 'issue' : 'issues'}.`}
          </p>
          {(open > 0 || cloudshelfIssues > 0) && (
            <button type="button" className="button-secondary button-small" onClick={onOpenAttention}>Open the list</button>
          )}
        </StatCard>
        <StatCard id="card-sync" label="Stock and catalogue">
          <SyncRunLine label={syncKindWords.stock} run={status.sync.stock} />
          <SyncRunLine label={syncKindWords.catalog} run={status.sync.catalog} />
          {status.sync.cloudshelf && <SyncRunLine label={syncKindWords.cloudshelf} run={status.sync.cloudshelf} />}
        </StatCard>
      </div>
      <p className={stale ? 'as-of' : 'subtle'} aria-live="polite">
        {stale ? `Figures as of ${updatedAt ? formatClock(updatedAt) : '—'}: the agent is not answering, so they may have changed.` : `Updated ${updatedAt ? updatedAt.toLocaleTimeString() : '—'}`}
      </p>
    </section>
  );
}
