import type { ReactNode } from 'react';

/** One labelled figure on the status panel; the label names it for screen readers too. */
export function StatCard({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id} className="card-label">{label}</h3>
      {children}
    </section>
  );
}
