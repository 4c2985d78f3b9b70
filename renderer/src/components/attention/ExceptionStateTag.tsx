import type { ExceptionItem } from '../../../../shared/admin-api.js';

const words: Record<ExceptionItem['status'], { label: string; icon: string }> = {
  open: { label: 'Open', icon: '!' },
  resolved: { label: 'Resolved', icon: '✓' },
  voided: { label: 'Voided', icon: '–' },
};

export function ExceptionStateTag({ status }: { status: ExceptionItem['status'] }) {
  const { label, icon } = words[status];
  return <span className={`pill pill-state-${status}`}><span aria-hidden="true">{icon} </span>{label}</span>;
}
