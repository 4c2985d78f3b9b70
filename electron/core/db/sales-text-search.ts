import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

/**
 * The Sales tab's typed search ("S-1042", "TEE", "125000", "£12.50"), fast on 50,000 sales.
 *
 * Each kind of match is its own look-up through its own index: the start of a sale id (its
 * primary key), the start of a SKU as typed or in capitals (sale_lines_sku, as a range, so no
 * LIKE/collation rule applies), a Stok.ly order number or id and a Cloudshelf order id (exact,
 * their partial/unique indexes), an amount (sales_total). Kiosk sale ids, SKUs and order numbers
 * are free-form, so "125000" may be any of them: every kind is looked up, and only text that
 * reads as money adds the amount. No index of its own: nothing here costs a sale's commit.
 *
 * The look-ups are combined with UNION ALL under one DISTINCT, never a UNION of them in FROM:
 * for that, SQLite sorted each look-up by sale id and so fetched the Stok.ly order number through
 * the outbox's (kind, ref) index, reading all 50,000 rows: 100–300 ms on every search.
 *
 * When no kind matches more than `countCap` sales, the matches are sorted newest first and
 * counted exactly. When one does (the start of a sale id a whole kiosk shares, a short SKU
 * start), sorting them all would cost more than walking the sales newest first (or the kiosk's,
 * or the day's) and testing each: such matches are dense, so a page comes quickly, and counting
 * stops after `countCap` ("more than 1,000"). The slow case left: a kiosk or day with many
 * sales and few of those matches (the start of another kiosk's sale ids) is walked to its end.
 */

/** A typed search counts its matches exactly up to this many, then says "more than". */
export const countCap = 1000;

export interface TextQuery {
  text: string;
  /** The text read as an amount in minor units; null when it is not one. */
  amount: number | null;
}

/** Kiosk and received window, as the list's other filters. */
export interface SaleScope {
  kioskId: string | null;
  /** [from, to) as ISO UTC, compared with received_at. */
  receivedFrom: string | null;
  receivedTo: string | null;
}

export interface TextMatchPage {
  /** The page's sale ids, newest received first. */
  ids: string[];
  /** How many sales match; when `totalCapped`, at least this many (counting stopped). */
  total: number;
  totalCapped: boolean;
  more: boolean;
}

type Params = Record<string, string | number>;

interface MatchKind {
  /** Where its sales come from through its own index: `FROM … WHERE …` naming the sale `s`, one per index range. */
  sources: string[];
  /** Null for an exact id, which matches a few sales at most. */
  many: {
    /** Counts the matching sales, stopping after @cap. */
    probe: string;
    /** The same test on one sale `s`, with `+` so no index is used for it (the walk keeps its order). */
    row: string;
  } | null;
}

const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

function kindsOf(query: TextQuery, params: Params): MatchKind[] {
  params.text = query.text;
  params.textEnd = prefixEnd(query.text);
  params.cap = countCap + 1;
  const upper = query.text.toUpperCase();
  const starts = ['text'];
  if (upper !== query.text) {
    params.upper = upper;
    params.upperEnd = prefixEnd(upper);
    starts.push('upper');
  }
  // A SKU starting with the text as typed or in capitals (SKUs are mostly capitals).
  const skuStarts = (col: string): string[] => starts.map((p) => `(${col} >= @${p} AND ${col} < @${p}End)`);
  const kinds: MatchKind[] = [
    {
      sources: ['sales s WHERE s.sale_id >= @text AND s.sale_id < @textEnd'],
      many: {
        probe: 'SELECT COUNT(*) FROM (SELECT 1 FROM sales WHERE sale_id >= @text AND sale_id < @textEnd LIMIT @cap)',
        row: '(+s.sale_id >= @text AND +s.sale_id < @textEnd)',
      },
    },
    {
      sources: skuStarts('l.sku').map((r) => `sale_lines l JOIN sales s ON s.sale_id = l.sale_id WHERE ${r}`),
      many: {
        probe: `SELECT COUNT(*) FROM (SELECT DISTINCT sale_id FROM sale_lines WHERE ${skuStarts('sku').join(' OR ')} LIMIT @cap)`,
        row: `EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.sale_id AND (${skuStarts('+l.sku').join(' OR ')}))`,
      },
    },
    {
      sources: [
        "outbox o JOIN sales s ON s.sale_id = o.ref WHERE o.kind = 'sale' AND o.remote_ref = @text",
        "outbox o JOIN sales s ON s.sale_id = o.ref WHERE o.kind = 'sale' AND o.remote_id = @text",
        'sales s WHERE s.cloudshelf_order_id = @text',
      ],
      many: null,
    },
  ];
  if (query.amount !== null) {
    params.amount = query.amount;
    kinds.push({
      sources: ['sales s WHERE s.total = @amount'],
      many: {
        probe: 'SELECT COUNT(*) FROM (SELECT 1 FROM sales WHERE total = @amount LIMIT @cap)',
        row: '+s.total = @amount',
      },
    });
  }
  return kinds;
}

/** The kiosk/day filter; `walk` lets it use its index, otherwise the matches drive and it only tests. */
function scopeTerms(scope: SaleScope, params: Params, walk: boolean): string[] {
  const col = (name: string): string => (walk ? `s.${name}` : `+s.${name}`);
  const terms: string[] = [];
  if (scope.kioskId !== null) {
    params.kiosk = scope.kioskId;
    terms.push(`${col('kiosk_id')} = @kiosk`);
  }
  if (scope.receivedFrom !== null && scope.receivedTo !== null) {
    params.from = scope.receivedFrom;
    params.to = scope.receivedTo;
    terms.push(`${col('received_at')} >= @from AND ${col('received_at')} < @to`);
  }
  return terms;
}

const newestFirst = 'ORDER BY s.received_at DESC, s.sale_id DESC';

export class SalesTextSearch {
  /** A few shapes of SQL (which kinds, which filters), each prepared once. */
  private readonly statements = new Map<string, Statement<Params[], unknown>>();

  constructor(private readonly db: Db) {}

  private stmt(sql: string): Statement<Params[], unknown> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare<Params[], unknown>(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private count(sql: string, params: Params): number {
    return this.stmt(sql).pluck().get(params) as number;
  }

  private ids(sql: string, params: Params): string[] {
    return this.stmt(sql).pluck().all(params) as string[];
  }

  /** One page of the sales matching `query` within `scope`, newest received first. */
  page(query: TextQuery, scope: SaleScope, limit: number, offset: number): TextMatchPage {
    const params: Params = {};
    const kinds = kindsOf(query, params);
    const big = kinds.flatMap((k) => (k.many !== null && this.count(k.many.probe, params) > countCap ? [{ kind: k, row: k.many.row }] : []));

    if (big.length === 0) {
      // At most a few thousand sales: each look-up brings its sales' received_at, then all are sorted and counted.
      const scoped = scopeTerms(scope, params, false).map((t) => ` AND ${t}`).join('');
      const found = kinds.flatMap((k) => k.sources).map((src) => `SELECT s.received_at, s.sale_id FROM ${src}${scoped}`);
      // DISTINCT in the order of ORDER BY: one temporary b-tree both de-duplicates and sorts.
      const all = (this.stmt(`SELECT DISTINCT received_at, sale_id FROM (${found.join(' UNION ALL ')}) ORDER BY received_at DESC, sale_id DESC`)
        .raw().all(params) as Array<[string, string]>).map((r) => r[1]);
      return { ids: all.slice(offset, offset + limit), total: all.length, totalCapped: false, more: all.length > offset + limit };
    }

    // Many matches: walk the sales newest first (or the kiosk's / day's), testing each.
    const small = kinds.filter((k) => !big.some((b) => b.kind === k)).flatMap((k) => k.sources).map((src) => `SELECT s.sale_id FROM ${src}`);
    const anyOf = [...(small.length > 0 ? [`s.sale_id IN (${small.join(' UNION ALL ')})`] : []), ...big.map((b) => b.row)];
    const scoped = scopeTerms(scope, params, true);
    const walk = `SELECT s.sale_id FROM sales s WHERE ${[...scoped, `(${anyOf.join(' OR ')})`].join(' AND ')} ${newestFirst} LIMIT @limit OFFSET @offset`;
    if (scoped.length === 0) {
      // One kind alone matches more than countCap sales, so the count is known without counting.
      const page = this.ids(walk, { ...params, limit: limit + 1, offset });
      return { ids: page.slice(0, limit), total: countCap, totalCapped: true, more: page.length > limit };
    }
    // Within a kiosk or a day the matches may be few: one walk finds the page and counts up to countCap.
    const found = this.ids(walk, { ...params, limit: Math.max(countCap + 1, offset + limit + 1), offset: 0 });
    return {
      ids: found.slice(offset, offset + limit),
      total: Math.min(found.length, countCap),
      totalCapped: found.length > countCap,
      more: found.length > offset + limit,
    };
  }
}
