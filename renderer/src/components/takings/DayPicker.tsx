import { useId } from 'react';
import { dayBefore, isDay } from '../../days.js';

function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The trading day: a date field, previous/next, and back to yesterday. */
export function DayPicker({ day, today, yesterday, timeZone, onPick }: {
  day: string;
  today: string;
  yesterday: string;
  timeZone: string | null;
  onPick(day: string): void;
}) {
  const id = useId();
  return (
    <div className="day-picker">
      <label htmlFor={id} className="field-label">Trading day</label>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => onPick(dayBefore(day))} aria-label="Previous day">
          <span aria-hidden="true">◀ </span>Previous
        </button>
        <input
          id={id}
          type="date"
          value={day}
          max={today}
          required
          onChange={(e) => {
            if (isDay(e.target.value)) onPick(e.target.value);
          }}
        />
        <button type="button" className="button-secondary" onClick={() => onPick(dayAfter(day))} disabled={day >= today} aria-label="Next day">
          Next<span aria-hidden="true"> ▶</span>
        </button>
        {day !== yesterday && <button type="button" className="button-secondary" onClick={() => onPick(yesterday)}>Yesterday</button>}
      </div>
      <p className="subtle">{timeZone ? `Days in the store's time zone, ${timeZone}.` : "Days in this PC's time zone until the store's is known."}</p>
    </div>
  );
}
