import { compareSortKeys, type SortKey } from './fields.js';

/**
 * Remembers the last few sort permutations. Paging through 50k sorted rows sorts the same rows
 * on every page; reuse is only taken when every row's id and sort key are exactly as before, so
 * records changed behind the API's back (tests edit state directly) can never be served stale.
 */
interface Memo {
  ids: string[];
  keys: SortKey[];
  order: number[];
}

const MAX_MEMOS = 8;
const memos = new Map<string, Memo>();

export function sortedOrder(slot: string, ids: string[], keys: SortKey[], sign: number): number[] {
  const memo = memos.get(slot);
  if (memo && sameRows(memo, ids, keys)) return memo.order;
  const order = ids.map((_, i) => i);
  order.sort((a, b) => {
    const byKey = sign * compareSortKeys(keys[a] as SortKey, keys[b] as SortKey);
    if (byKey !== 0) return byKey;
    const ia = ids[a] as string;
    const ib = ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  memos.delete(slot);
  memos.set(slot, { ids, keys, order });
  if (memos.size > MAX_MEMOS) memos.delete(memos.keys().next().value as string);
  return order;
}

function sameRows(memo: Memo, ids: string[], keys: SortKey[]): boolean {
  if (memo.ids.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) {
    if (memo.ids[i] !== ids[i] || compareSortKeys(memo.keys[i] as SortKey, keys[i] as SortKey) !== 0) return false;
  }
  return true;
}
