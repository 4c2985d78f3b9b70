import { useRef, useState } from 'react';
import type { FlagState } from '../../../../shared/flags-api.js';
import { todayIn } from '../../days.js';
import { fetchedAt } from '../../data/query-client.js';
import { flagPageSize, useFlags, useStatus, useStoreFacts } from '../../data/queries.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { NotLoaded } from '../NotLoaded.js';
import { Pager, pageRange } from '../Pager.js';
import { FlagFilter } from './FlagFilter.js';
import { FlagTable } from './FlagTable.js';
import { SyncControls } from './SyncControls.js';
import { useKeepFocusIn } from '../../hooks/useKeepFocusIn.js';

const stateWords: Record<FlagState, string> = { open: 'Not looked at yet', acknowledged: 'Acknowledged', all: 'All' };

/** Retail ops: stock and catalogue freshness, and the sales that disagreed with Stok.ly, day by day. */
export function StockView() {
  const status = useStatus();
  const timeZone = useStoreFacts().data?.timeZone ?? null;
  const [flag, setFlag] = useState<string | null>(null);
  // null: today (whatever today is when the screen is read); '' : every day.
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const [state, setState] = useState<FlagState>('open');
  const [page, setPage] = useState(0);
  const day = chosenDay === null ? todayIn(timeZone) : chosenDay;
  const flags = useFlags({ flag, day: day || null, state }, page);
  const data = flags.data;
  const change = (fn: () => void): void => { fn(); setPage(0); };
  const flagsBox = useRef<HTMLElement>(null);
  useKeepFocusIn(flagsBox);

  return (
    <>
      <SyncControls status={status.data ?? null} />
      <section ref={flagsBox} tabIndex={-1} className="focus-box" aria-labelledby="flags-heading">
        <h2 id="flags-heading">Stock flags</h2>
        <p className="intro">Sales the kiosks made that did not match Stok.ly. They were all accepted; these are for checking stock and prices. Acknowledge each once you have looked at it.</p>
        <div className="sales-search">
          <div>
            <label className="field-label" htmlFor="flags-day">Raised on</label>
            <input id="flags-day" type="date" value={day} onChange={(e) => change(() => setChosenDay(e.target.value))} />
          </div>
          <div>
            <label className="field-label" htmlFor="flags-state">Show</label>
            <select id="flags-state" value={state} onChange={(e) => change(() => setState(e.target.value as FlagState))}>
              {(['open', 'acknowledged', 'all'] as const).map((s) => <option key={s} value={s}>{stateWords[s]}</option>)}
            </select>
          </div>
          {day !== '' && <button type="button" className="button-secondary" onClick={() => change(() => setChosenDay(''))}>Every day</button>}
          {chosenDay !== null && <button type="button" className="button-secondary" onClick={() => change(() => setChosenDay(null))}>Today</button>}
        </div>
        <FlagFilter counts={data?.counts ?? {}} selected={flag} onSelect={(f) => change(() => setFlag(f))} />
        {flags.error && <ErrorBanner message={flags.error.message} lastUpdated={fetchedAt(flags)} />}
        {data && data.total > 0 && (
          <p className="live-message" role="status">Flags {pageRange(page, flagPageSize, data.items.length, data.total)}, newest first.</p>
        )}
        {data === undefined
          ? <NotLoaded error={flags.error} />
          : <FlagTable items={data.items} empty={state === 'open' ? 'Nothing left to look at for this choice.' : 'No flagged sales for this choice.'} />}
        {data && <Pager label="Pages of flags" page={page} more={data.more} onPage={setPage} previous="◀ Newer" next="Older ▶" />}
      </section>
    </>
  );
}
