import { useId, useRef, useState } from 'react';
import { useKeepFocusIn } from '../../hooks/useKeepFocusIn.js';
import type { Check } from '../../../../shared/month-end.js';
import { fetchedAt } from '../../data/query-client.js';
import { formatDay } from '../../days.js';
import { formatTime } from '../../format.js';
import { ActingAs } from '../attention/ActingAs.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { useChecklist, useTickCheck } from './data.js';
import { FailureNote } from './FailureNote.js';

const ownerWords: Record<Check['owner'], string> = { store: 'Store', finance: 'Finance', retail_ops: 'Retail ops' };

function CheckItem({ check }: { check: Check }) {
  const [note, setNote] = useState('');
  const action = useTickCheck(check.id, check.period, note);
  const f = useId();
  const box = useRef<HTMLLIElement>(null);
  useKeepFocusIn(box);
  return (
    <li ref={box} tabIndex={-1} className="card check-item focus-box" aria-labelledby={`${f}-title`}>
      <h4 id={`${f}-title`}>
        <span aria-hidden="true">{check.ticked ? '☑ ' : '☐ '}</span>{check.title}
        <span className="subtle"> — {ownerWords[check.owner]}</span>
      </h4>
      <p className="hint">{check.how}</p>
      {check.hint && <p className="subtle">Now: {check.hint}</p>}
      {check.ticked ? (
        <p role="status">
          <strong>Done</strong> by {check.ticked.by} at {formatTime(check.ticked.at)}{check.ticked.note ? `: ${check.ticked.note}` : ''}
        </p>
      ) : (
        <form
          aria-label={`Tick: ${check.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            void action.run().then((ok) => ok && setNote(''));
          }}
        >
          <label className="field-label" htmlFor={`${f}-note`}>Note <span className="subtle">(optional)</span></label>
          <input id={`${f}-note`} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={action.busy}>{action.busy ? 'Saving…' : 'Mark done'}</button>
          <FailureNote failure={action.failure} />
        </form>
      )}
    </li>
  );
}

/** The handbook's daily and monthly checks, each ticked by a named person (audited). */
export function ChecklistView() {
  const list = useChecklist();
  const data = list.data;
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      <p className="intro">The handbook&rsquo;s checks (docs/handbook.md, &ldquo;Every day&rdquo; and &ldquo;Every month&rdquo;). Tick each once you have done it.</p>
      <ActingAs />
      {list.error && <ErrorBanner message={list.error.message} lastUpdated={fetchedAt(list)} />}
      {!data && !list.error && <p role="status">Loading…</p>}
      {data && (
        <>
          <h3>Every day: {formatDay(data.day)}</h3>
          <ul className="check-list">{data.checks.filter((c) => c.cadence === 'daily').map((c) => <CheckItem key={`${c.id}-${c.period}`} check={c} />)}</ul>
          <h3>Every month: closing {data.month}</h3>
          <ul className="check-list">{data.checks.filter((c) => c.cadence === 'monthly').map((c) => <CheckItem key={`${c.id}-${c.period}`} check={c} />)}</ul>
        </>
      )}
    </section>
  );
}

/** On the Status tab: today's checks still not done once the reminder hour has passed. */
export function OverdueChecks({ onOpen }: { onOpen(): void }) {
  const list = useChecklist();
  const overdue = list.data?.checks.filter((c) => list.data?.overdue.includes(c.id)) ?? [];
  if (overdue.length === 0) return null;
  return (
    <div className="notice-inline notice-warn" role="status" aria-label="Checks not done today">
      <p><strong>Today&rsquo;s checks not done yet:</strong> {overdue.map((c) => c.title).join('; ')}.</p>
      <p><button type="button" className="button-link" onClick={onOpen}>Open Checks</button></p>
    </div>
  );
}
