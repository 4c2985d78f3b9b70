import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warn' | 'bad';

/** A full-page message while there is no dashboard to show (starting, no token, failure). */
export function Notice({ tone, title, children }: { tone: NoticeTone; title: string; children: ReactNode }) {
  return (
    <main className="notice-page">
      <section className={`notice notice-${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
        <h1>{title}</h1>
        <div>{children}</div>
      </section>
    </main>
  );
}
