import type { Health } from '../../../shared/kiosk-api.js';

const words: Record<Health['status'], { label: string; meaning: string }> = {
  ok: { label: 'OK', meaning: 'Sales are reaching Stok.ly.' },
  degraded: { label: 'Degraded', meaning: 'Sales are accepted and kept safe, but some wait or need a person.' },
  down: { label: 'Down', meaning: 'The agent is not accepting sales from the kiosks.' },
};

/** Colour AND word AND an icon shape: never colour alone. */
export function HealthBadge({ status }: { status: Health['status'] }) {
  const { label, meaning } = words[status];
  const icon = status === 'ok' ? '✓' : status === 'degraded' ? '!' : '✕';
  return (
    <div>
      <span className={`badge badge-${status}`}>
        <span aria-hidden="true">{icon} </span>
        {label}
      </span>
      <p className="card-detail">{meaning}</p>
    </div>
  );
}
