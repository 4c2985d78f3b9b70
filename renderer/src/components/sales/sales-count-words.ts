import type { SalesPage } from '../../../../shared/sales-api.js';

/**
 * The line above the Sales list: which sales these are, of how many ("of more than 1,000" when
 * the search stopped counting), worded as Pager's pageRange (a .tsx file the unit tests' config cannot import).
 */
export function salesCountWords(data: Pick<SalesPage, 'total' | 'totalCapped'> & { shown: number }, page: number, pageSize: number, filtered: boolean): string {
  if (data.total === 0) return filtered ? 'No sale matches this search.' : 'No sales received yet.';
  const first = page * pageSize + 1;
  return `Sales ${first}–${first + data.shown - 1} of ${data.totalCapped ? 'more than ' : ''}${data.total.toLocaleString('en-GB')}, newest first.`;
}
