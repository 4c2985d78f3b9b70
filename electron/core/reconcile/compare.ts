import type { ExplainingLine, Figures, LineReason, ProvisionalReason, TenderRow } from '../../../shared/reconciliation.js';
import { sourceReferenceId } from '../stokly/sale-order-mapping.js';
import type { KioskTxn } from '../db/kiosk-day-repo.js';
import type { StoklyDoc } from './stokly-side.js';
import type { TenderGroups } from './tender-groups.js';
import { reasonTitle } from '../../../shared/words/reasons.js';
import type { DayWindow } from './trading-day.js';

/**
 * Kiosk transactions against Stok.ly documents, matched one by one by reference. Every
 * transaction whose money differs in some tender yields a line per such tender, so a tender's
 * lines add up to its variance exactly. Pure: lookups are done by the caller and passed in.
 */

/** A posted transaction missing from the day's documents, looked up by its reference. */
export type Elsewhere = Array<{ id: string; niceId: string | null; createdAt: string; day: string; channelId: string | null }>;

/** A document with no kiosk transaction on the day: what the agent knows of its id (undefined: nothing). */
export interface KnownTxn {
  day: string;
  duplicateOf: string | null;
}

export interface CompareInput {
  window: DayWindow;
  storeId: string;
  channelId: string;
  kiosk: readonly KioskTxn[];
  stokly: readonly StoklyDoc[];
  groups: TenderGroups;
  /** By matchKey; absent when not looked up (then the line says only that it is not on this day). */
  elsewhere: ReadonlyMap<string, Elsewhere>;
  known: ReadonlyMap<string, KnownTxn | undefined>;
}

export interface CompareResult {
  currency: string | null;
  tenders: TenderRow[];
  totals: { kiosk: Figures; stokly: Figures; variance: number };
  lines: ExplainingLine[];
  pending: { sales: number; refunds: number; exceptions: number };
  provisionalReasons: ProvisionalReason[];
  notes: string[];
}

export const matchKey = (kind: 'sale' | 'refund', reference: string): string => `${kind}|${reference}`;

const zero = (): Figures => ({ sales: 0, refunds: 0, net: 0, count: 0 });

function add(f: Figures, kind: 'sale' | 'refund', amount: number): void {
  if (kind === 'sale') f.sales += amount;
  else f.refunds += amount;
  f.net = f.sales - f.refunds;
}

type Amounts = Map<string, number>;

function kioskAmounts(txn: KioskTxn, groups: TenderGroups): Amounts {
  const out: Amounts = new Map();
  for (const p of txn.payments) {
    const key = groups.forTender(p.tender).key;
    out.set(key, (out.get(key) ?? 0) + p.amount);
  }
  return out;
}

function stoklyAmounts(docs: readonly StoklyDoc[], groups: TenderGroups): Amounts {
  const out: Amounts = new Map();
  for (const d of docs) {
    for (const p of d.payments) {
      const key = groups.forMethod(p.method).key;
      out.set(key, (out.get(key) ?? 0) + p.amount);
    }
  }
  return out;
}

const sum = (a: Amounts): number => [...a.values()].reduce((s, v) => s + v, 0);

const docRef = (d: { id: string; niceId: string | null; createdAt: string }) => ({ id: d.id, niceId: d.niceId, createdAt: d.createdAt });

const describeDoc = (kind: 'sale' | 'refund', d: { id: string; niceId: string | null }): string =>
  `${kind === 'sale' ? 'order' : 'credit note'} ${d.niceId ?? d.id}`;

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

export function compareDay(input: CompareInput): CompareResult {
  const { groups } = input;
  const notes: string[] = [];
  const kioskFig = new Map<string, Figures>();
  const stoklyFig = new Map<string, Figures>();
  const fig = (m: Map<string, Figures>, key: string): Figures => {
    let f = m.get(key);
    if (!f) m.set(key, (f = zero()));
    return f;
  };
  const totals = { kiosk: zero(), stokly: zero() };
  const lines: ExplainingLine[] = [];
  const pending = { sales: 0, refunds: 0, exceptions: 0 };

  const tally = (side: 'kiosk' | 'stokly', kind: 'sale' | 'refund', amounts: Amounts): void => {
    const m = side === 'kiosk' ? kioskFig : stoklyFig;
    for (const [key, amount] of amounts) {
      const f = fig(m, key);
      add(f, kind, amount);
      f.count += 1;
      add(totals[side], kind, amount);
    }
    totals[side].count += 1;
  };

  const emit = (
    kind: 'sale' | 'refund', id: string, reference: string, k: Amounts, s: Amounts, reason: LineReason, detail: string,
    documents: ExplainingLine['documents'], everyTender: boolean,
  ): void => {
    const keys = [...new Set([...k.keys(), ...s.keys()])];
    const differing = everyTender ? keys : keys.filter((key) => (k.get(key) ?? 0) !== (s.get(key) ?? 0));
    // A transaction with no money at all still needs a line when it is missing.
    if (differing.length === 0 && everyTender) {
      lines.push({ kind, id, reference, tenderKey: 'none', tender: '(no payment)', ledger: '', kiosk: 0, stokly: 0, variance: 0, reason, detail, documents });
      return;
    }
    for (const key of differing) {
      const g = groups.get(key);
      const kiosk = k.get(key) ?? 0;
      const stokly = s.get(key) ?? 0;
      // A refund lowers the net: its shortfall in Stok.ly raises Stok.ly's net.
      const variance = kind === 'sale' ? stokly - kiosk : kiosk - stokly;
      lines.push({ kind, id, reference, tenderKey: key, tender: g.label, ledger: g.ledger, kiosk, stokly, variance, reason, detail, documents });
    }
  };

  // Stok.ly documents by reference; removed orders hold no money but still explain a missing sale.
  const docsByKey = new Map<string, StoklyDoc[]>();
  for (const d of input.stokly) {
    const key = matchKey(d.kind, d.reference);
    docsByKey.set(key, [...(docsByKey.get(key) ?? []), d]);
  }

  const seen = new Set<string>();
  for (const txn of input.kiosk) {
    const reference = sourceReferenceId(input.storeId, txn.id);
    const key = matchKey(txn.kind, reference);
    seen.add(key);
    if (txn.state === 'pending') pending[txn.kind === 'sale' ? 'sales' : 'refunds'] += 1;
    if (txn.state === 'exception') pending.exceptions += 1;

    const k = kioskAmounts(txn, groups);
    tally('kiosk', txn.kind, k);
    const docs = docsByKey.get(key) ?? [];
    const live = docs.filter((d) => !d.removed);
    const s = stoklyAmounts(live, groups);
    const documents = docs.map(docRef);

    if (docs.length === 0) {
      const [reason, detail] = missingReason(txn, input.elsewhere.get(key), input);
      emit(txn.kind, txn.id, reference, k, s, reason, detail, (input.elsewhere.get(key) ?? []).map(docRef), true);
    } else if (live.length === 0) {
      emit(txn.kind, txn.id, reference, k, s, 'removed_in_stokly', `${docs.map((d) => describeDoc(txn.kind, d)).join(', ')} removed in Stok.ly`, documents, true);
    } else if (live.length > 1) {
      emit(txn.kind, txn.id, reference, k, s, 'duplicate_in_stokly', `${live.length} documents carry ${reference}: ${live.map((d) => describeDoc(txn.kind, d)).join(', ')}`, documents, false);
    } else if (sum(k) === sum(s)) {
      emit(txn.kind, txn.id, reference, k, s, 'tender_differs', `same total, different tenders in ${describeDoc(txn.kind, live[0] as StoklyDoc)}`, documents, false);
    } else {
      emit(txn.kind, txn.id, reference, k, s, 'amount_differs', `${describeDoc(txn.kind, live[0] as StoklyDoc)} holds ${sum(s)}, the kiosk took ${sum(k)} (minor units)`, documents, false);
    }
  }

  // Documents of the day with no kiosk transaction on the day.
  const prefix = `${input.storeId}/`;
  for (const [key, docs] of docsByKey) {
    const live = docs.filter((d) => !d.removed);
    const first = docs[0] as StoklyDoc;
    const s = stoklyAmounts(live, groups);
    for (const d of live) tally('stokly', d.kind, stoklyAmounts([d], groups));
    if (seen.has(key) || live.length === 0) continue;
    const id = first.reference.slice(prefix.length);
    const known = input.known.get(key);
    const [reason, detail] = orphanReason(first.kind, id, known, input);
    if (reason === 'pending') pending[first.kind === 'sale' ? 'sales' : 'refunds'] += 1;
    emit(first.kind, id, first.reference, new Map(), s, reason, detail, docs.map(docRef), false);
  }

  const currencies = [...input.kiosk.map((t) => t.currency), ...input.stokly.map((d) => d.currency)];
  const currency = mostCommon(input.kiosk.map((t) => t.currency)) ?? mostCommon(currencies);
  const distinct = [...new Set(currencies)].sort();
  if (distinct.length > 1) notes.push(`transactions in more than one currency (${distinct.join(', ')}): amounts are added as minor units`);

  const tenders: TenderRow[] = groups.all().map((g) => {
    const kiosk = kioskFig.get(g.key) ?? zero();
    const stokly = stoklyFig.get(g.key) ?? zero();
    return { key: g.key, tenders: [...g.tenders], method: g.method, ledger: g.ledger, kiosk, stokly, variance: stokly.net - kiosk.net, note: g.note };
  });
  lines.sort((a, b) => (a.kind !== b.kind ? (a.kind === 'sale' ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : a.tenderKey < b.tenderKey ? -1 : a.tenderKey > b.tenderKey ? 1 : 0));
  const provisionalReasons: ProvisionalReason[] = [];
  if (pending.sales + pending.refunds > 0) provisionalReasons.push('pending');
  if (pending.exceptions > 0) provisionalReasons.push('exception');
  return {
    currency,
    tenders,
    totals: { ...totals, variance: totals.stokly.net - totals.kiosk.net },
    lines,
    pending,
    provisionalReasons,
    notes,
  };
}

function missingReason(txn: KioskTxn, elsewhere: Elsewhere | undefined, input: CompareInput): [LineReason, string] {
  const what = txn.kind === 'sale' ? 'sale' : 'refund';
  switch (txn.state) {
    case 'pending': return ['pending', `${what} accepted ${txn.receivedAt}, not yet in Stok.ly`];
    case 'exception': return ['exception', `waiting for a person: ${txn.stateDetail ? reasonTitle(txn.stateDetail) : 'see Needs attention'}`];
    case 'voided': return ['voided', `voided, not posted: ${txn.stateDetail ?? 'no reason given'}`];
    case 'not_queued': return ['not_queued', `${what} was never queued for Stok.ly`];
    case 'posted': break;
  }
  if (elsewhere === undefined) return ['not_in_stokly', `posted, but not among Stok.ly's documents of ${input.window.day}`];
  const otherDay = elsewhere.find((d) => d.day !== input.window.day);
  if (otherDay) return ['stokly_other_day', `in Stok.ly as ${describeDoc(txn.kind, otherDay)} dated ${otherDay.day}`];
  const otherChannel = elsewhere.find((d) => d.channelId !== null && d.channelId !== input.channelId);
  if (otherChannel) return ['stokly_other_channel', `in Stok.ly as ${describeDoc(txn.kind, otherChannel)} under channel ${otherChannel.channelId}`];
  return ['not_in_stokly', `posted, but Stok.ly has no ${txn.kind === 'sale' ? 'order' : 'credit note'} with this reference`];
}

function orphanReason(kind: 'sale' | 'refund', id: string, known: KnownTxn | undefined, input: CompareInput): [LineReason, string] {
  const what = kind === 'sale' ? 'sale' : 'refund';
  if (!known) return ['unknown_to_kiosk', `no kiosk ${what} ${id} was received by this agent`];
  if (known.duplicateOf) return ['duplicate_sale', `sale ${id} is a duplicate of ${known.duplicateOf} and should not have been posted`];
  // Received while this report was being built: the next build counts it.
  if (known.day === input.window.day) return ['pending', `${what} arrived while this report was built`];
  return ['kiosk_other_day', `the kiosk ${what} occurred on ${known.day}`];
}
