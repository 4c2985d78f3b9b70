/** "26–50 of 73": the rows on this page of a list the agent pages. */
export function pageRange(page: number, pageSize: number, shown: number, total: number): string {
  const first = page * pageSize + 1;
  return `${first}–${first + shown - 1} of ${total.toLocaleString('en-GB')}`;
}

/** Buttons to the page before and after, for a list paged by the agent; nothing when it all fits on one page. */
export function Pager({ label, page, more, onPage, previous = '◀ Previous', next = 'Next ▶' }: {
  /** What the pages are of, for screen readers ("Pages of sales"). */
  label: string;
  page: number;
  more: boolean;
  onPage(page: number): void;
  previous?: string;
  next?: string;
}) {
  if (page === 0 && !more) return null;
  return (
    <nav className="button-row pager" aria-label={label}>
      <button type="button" className="button-secondary" disabled={page === 0} onClick={() => onPage(Math.max(0, page - 1))}>{previous}</button>
      <button type="button" className="button-secondary" disabled={!more} onClick={() => onPage(page + 1)}>{next}</button>
    </nav>
  );
}
