import { useState } from 'react';
import { todayIn } from '../../days.js';
import { useStoreTimeZone } from '../../hooks/useStoreTimeZone.js';
import { TakingsView } from '../takings/TakingsView.js';
import { MonthTakingsView } from './MonthTakingsView.js';

/** The month before `month` (YYYY-MM). */
export const monthBefore = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Takings: one day (the daily report) or a whole month (finance's close), switched at the top. */
export function TakingsTab() {
  const { timeZone } = useStoreTimeZone();
  const currentMonth = todayIn(timeZone).slice(0, 7);
  const [mode, setMode] = useState<'day' | 'month'>('day');
  const [month, setMonth] = useState<string | null>(null);
  const [day, setDay] = useState<string | undefined>(undefined);
  // Until someone picks a month, show the one to close: last month.
  const shownMonth = month ?? monthBefore(currentMonth);
  return (
    <>
      <div className="segmented" role="group" aria-label="Takings for">
        <button type="button" aria-pressed={mode === 'day'} className={mode === 'day' ? 'segment segment-on' : 'segment'} onClick={() => setMode('day')}>Day</button>
        <button type="button" aria-pressed={mode === 'month'} className={mode === 'month' ? 'segment segment-on' : 'segment'} onClick={() => setMode('month')}>Month</button>
      </div>
      {mode === 'day' ? <TakingsView key={day ?? 'default'} {...(day ? { initialDay: day } : {})} /> : (
        <section aria-labelledby="month-heading">
          <h2 id="month-heading">Takings: month {shownMonth}</h2>
          <MonthTakingsView
            month={shownMonth}
            currentMonth={currentMonth}
            onPickMonth={setMonth}
            onOpenDay={(d) => {
              setDay(d);
              setMode('day');
            }}
          />
        </section>
      )}
    </>
  );
}
