import type { ReconciliationStatus } from '../../../../shared/reconciliation.js';
import { statusWords } from './words.js';

export function ReconStatusBadge({ status }: { status: ReconciliationStatus }) {
  const { label, icon } = statusWords[status];
  return (
    <span className={`badge badge-recon-${status}`}>
      <span aria-hidden="true">{icon} </span>{label}
    </span>
  );
}
