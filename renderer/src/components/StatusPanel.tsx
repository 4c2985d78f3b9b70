import type { Status } from '../../../shared/admin-api.js';
import { formatAge, formatTime } from '../format.js';
import { HealthBadge } from './HealthBadge.js';
import { StatCard } from './StatCard.js';

export function StatusPanel({ status, updatedAt, stale }: { status: Status | null; updatedAt: Date | null; stale: boolean }) {
  if (!status) return <p role="status">Loading the agent&rsquo;s status…</p>;
  const { health } = status;
  const { pending, exceptions, oldestPendingAgeSeconds } = health.backlog;
  return (
    <section aria-labelledby="status-heading" className={stale ? 'stale' : undefined}>
      <h2 id="status-heading">Status</h2>
      <div className="cards">
        <StatCard id="card-health" label="Overall health">
          <HealthBadge status={health.status} />
        </StatCard>
        <StatCard id="card-online" label="Stok.ly connection">
          <span className={`badge ${health.online ? 'badge-ok' : 'badge-down'}`}>
            <span aria-hidden="true">{health.online ? '● ' : '○ '}</span>
            {health.online ? 'Online' : 'Offline'}
          </span>
          <p className="card-detail">Last contact: {formatTime(status.stokly.lastContactAt)}</p>
          {status.stokly.pausedUntil && <p className="card-detail">Paused by Stok.ly until {formatTime(status.stokly.pausedUntil)}</p>}
        </StatCard>
        <StatCard id="card-backlog" label="Waiting to send">
          <p className="figure">{pending}</p>
          <p className="card-detail">{pending === 0 ? 'Nothing waiting.' : `Oldest waiting ${formatAge(oldestPendingAgeSeconds)}.`}</p>
        </StatCard>
        <StatCard id="card-exceptions" label="Exceptions">
          <p className={`figure ${exceptions > 0 ? 'figure-bad' : ''}`}>{exceptions}</p>
          <p className="card-detail">{exceptions === 0 ? 'None need a person.' : 'Need a person: see the list below.'}</p>
        </StatCard>
      </div>
      <p className="subtle" aria-live="polite">Updated {updatedAt ? updatedAt.toLocaleTimeString() : '—'}</p>
    </section>
  );
}
