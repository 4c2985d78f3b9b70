import type { OutboxKind, OutboxStatus, OutboxStep } from '../../../shared/admin-api.js';
import type { Db } from './connection.js';
import { statementCache } from './statement-cache.js';

export type { OutboxKind, OutboxStatus, OutboxStep };

export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  ref: string;
  payload: string;
  status: OutboxStatus;
  step: OutboxStep;
  attempts: number;
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  lastError: string | null;
  outcomeUnknown: boolean;
  remoteId: string | null;
  remoteRef: string | null;
  exceptionReason: string | null;
  voidReason: string | null;
  createdAt: number;
  updatedAt: number;
  doneAt: number | null;
  parentRef: string | null;
}

interface RawRow {
  id: number;
  kind: OutboxKind;
  ref: string;
  payload: string;
  status: OutboxStatus;
  step: OutboxStep;
  attempts: number;
  next_attempt_at: number;
  last_attempt_at: number | null;
  last_error: string | null;
  outcome_unknown: number;
  remote_id: string | null;
  remote_ref: string | null;
  exception_reason: string | null;
  void_reason: string | null;
  created_at: number;
  updated_at: number;
  done_at: number | null;
  parent_ref: string | null;
}

function fromRaw(r: RawRow): OutboxRow {
  return {
    id: r.id, kind: r.kind, ref: r.ref, payload: r.payload, status: r.status, step: r.step,
    attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastAttemptAt: r.last_attempt_at,
    lastError: r.last_error, outcomeUnknown: r.outcome_unknown === 1, remoteId: r.remote_id,
    remoteRef: r.remote_ref, exceptionReason: r.exception_reason, voidReason: r.void_reason,
    createdAt: r.created_at, updatedAt: r.updated_at, doneAt: r.done_at, parentRef: r.parent_ref,
  };
}

/** An outbox row with what its sale or refund was for and where it came from (the Status list). */
export interface OutboxListRow extends OutboxRow {
  amount: number | null;
  currency: string | null;
  kioskId: string | null;
}

export type AttemptOutcome = 'created' | 'done' | 'retry' | 'rate_limited' | 'exception';

export interface OutboxAttempt {
  at: number;
  step: OutboxStep;
  outcome: AttemptOutcome;
  /** The error or answer, in the agent's log words; null when it went through. */
  message: string | null;
  /** The Stok.ly document created by this attempt. */
  remoteId: string | null;
}

/** Attempts kept per outbox row (a long outage retries many times; the count stays on the row). */
const keptAttempts = 20;

export interface OutboxCounts {
  pending: number;
  sending: number;
  done: number;
  exception: number;
  voided: number;
  oldestPendingCreatedAt: number | null;
}

/** Every read and write of the outbox table. Writes are single statements or short transactions. */
export class OutboxRepo {
  private readonly insertStmt;

  /** The runner calls these many times a second: each statement is prepared once. */
  private readonly prepare: Db['prepare'];

  constructor(private readonly db: Db) {
    this.prepare = statementCache(db);
    // ship_settled is decided here, not by a trigger afterwards: a sale with nothing to ship then
    // never enters the outbox_ship_unsettled index (one WAL page less per store sale).
    this.insertStmt = db.prepare(`INSERT INTO outbox (kind, ref, payload, status, next_attempt_at, created_at, updated_at, parent_ref, ship_settled)
                                  VALUES (@kind, @ref, @payload, 'pending', @now, @now, @now, @parentRef,
                                          NOT (@kind = 'sale' AND EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = @ref AND fulfilment = 'ship')))`);
  }

  /** Hot path (every accepted sale): call inside the transaction that stores the document. */
  insert(kind: OutboxKind, ref: string, payload: string, now: number, parentRef: string | null = null): number {
    return Number(this.insertStmt.run({ kind, ref, payload, now, parentRef }).lastInsertRowid);
  }

  get(id: number): OutboxRow | undefined {
    const r = this.prepare<[number], RawRow>('SELECT * FROM outbox WHERE id = ?').get(id);
    return r && fromRaw(r);
  }

  byRef(kind: OutboxKind, ref: string): OutboxRow | undefined {
    const r = this.prepare<[string, string], RawRow>('SELECT * FROM outbox WHERE kind = ? AND ref = ?').get(kind, ref);
    return r && fromRaw(r);
  }

  /** Marks up to `limit` due rows as sending, in one short BEGIN IMMEDIATE. */
  claimDue(now: number, limit: number): OutboxRow[] {
    if (limit <= 0) return [];
    return this.db.transaction(() => {
      const rows = this
        .prepare<[number, number], RawRow>(
          // A refund is sent only after its sale is done.
          `SELECT * FROM outbox o WHERE status = 'pending' AND next_attempt_at <= ?
             AND (parent_ref IS NULL OR EXISTS (SELECT 1 FROM outbox p WHERE p.kind = 'sale' AND p.ref = o.parent_ref AND p.status = 'done'))
           ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(now, limit);
      const mark = this.prepare(`UPDATE outbox SET status = 'sending', last_attempt_at = ?, updated_at = ? WHERE id = ?`);
      for (const r of rows) mark.run(now, now, r.id);
      return rows.map((r) => ({ ...fromRaw(r), status: 'sending' as const, lastAttemptAt: now }));
    }).immediate();
  }

  /**
   * Rows left `sending` by a crash go back to pending with their outcome unknown; they are
   * looked up in Stok.ly before any repeat, after `graceMs` so a request still in flight lands.
   */
  recoverInterrupted(now: number, graceMs: number, maxDelayMs = Number.MAX_SAFE_INTEGER): number {
    return this.db.transaction(() => {
      // The grace counts from now, not from the last attempt: the clock may have jumped since.
      const recovered = this
        .prepare(`UPDATE outbox SET status = 'pending', outcome_unknown = 1, next_attempt_at = ?, updated_at = ?,
                    last_error = COALESCE(last_error, 'interrupted while sending: outcome unknown')
                  WHERE status = 'sending'`)
        .run(now + graceMs, now).changes;
      // A row due later than any backoff could set was scheduled under a clock that has since
      // gone back (a corrected clock): it would wait the jump's length. It is due now.
      this
        .prepare(`UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE status = 'pending' AND next_attempt_at > ?`)
        .run(now, now, now + maxDelayMs);
      return recovered;
    }).immediate();
  }

  /** The order exists in Stok.ly: remember it at once, so no crash can post it again. */
  markCreated(id: number, remoteId: string, remoteRef: string | null, now: number): void {
    this.recordAttempt(id, now, 'created', null, remoteId);
    this
      .prepare(`UPDATE outbox SET step = 'collect', remote_id = ?, remote_ref = ?, outcome_unknown = 0, updated_at = ? WHERE id = ?`)
      .run(remoteId, remoteRef, now, id);
  }

  markDone(id: number, now: number): void {
    this.recordAttempt(id, now, 'done', null, null);
    // collected_at: from now on a stock pull that starts later includes this sale.
    this
      .prepare(`UPDATE outbox SET status = 'done', step = 'complete', outcome_unknown = 0, last_error = NULL,
                  exception_reason = NULL, done_at = ?, collected_at = COALESCE(collected_at, ?), updated_at = ? WHERE id = ?`)
      .run(now, now, now, id);
  }

  /** The row waits until `nextAttemptAt`; `countAttempt` false for a wait that was not this row's failure (a rate limit). */
  markRetry(id: number, retry: { nextAttemptAt: number; error: string; outcomeUnknown: boolean; countAttempt: boolean; now: number }): void {
    const { nextAttemptAt, error, outcomeUnknown, countAttempt, now } = retry;
    this.recordAttempt(id, now, countAttempt ? 'retry' : 'rate_limited', error, null);
    this
      .prepare(`UPDATE outbox SET status = 'pending', attempts = attempts + ?, next_attempt_at = ?, last_error = ?,
                  outcome_unknown = ?, updated_at = ? WHERE id = ?`)
      .run(countAttempt ? 1 : 0, nextAttemptAt, error, outcomeUnknown ? 1 : 0, now, id);
  }

  markException(id: number, reason: string, error: string, now: number): void {
    this.recordAttempt(id, now, 'exception', `${reason}: ${error}`, null);
    this
      .prepare(`UPDATE outbox SET status = 'exception', attempts = attempts + 1, exception_reason = ?, last_error = ?,
                  updated_at = ? WHERE id = ?`)
      .run(reason, error, now, id);
  }

  /**
   * One line of a row's history (migration 0160), written with the row's own update: the step
   * it was at, what came of it. Only the latest `keptAttempts` per row are kept; the row's
   * `attempts` still counts them all.
   */
  private recordAttempt(id: number, now: number, outcome: AttemptOutcome, message: string | null, remoteId: string | null): void {
    this
      .prepare(`INSERT INTO outbox_attempts (outbox_id, at, step, outcome, message, remote_id)
                SELECT id, ?, step, ?, ?, ? FROM outbox WHERE id = ?`)
      .run(now, outcome, message, remoteId, id);
    this
      .prepare(`DELETE FROM outbox_attempts WHERE outbox_id = @id AND id < (
                  SELECT id FROM outbox_attempts WHERE outbox_id = @id ORDER BY id DESC LIMIT 1 OFFSET ${keptAttempts - 1})`)
      .run({ id });
  }

  /** A row's recorded attempts, oldest first. */
  attemptsOf(id: number): OutboxAttempt[] {
    return this
      .prepare<[number], { at: number; step: OutboxStep; outcome: AttemptOutcome; message: string | null; remote_id: string | null }>(
        'SELECT at, step, outcome, message, remote_id FROM outbox_attempts WHERE outbox_id = ? ORDER BY id',
      )
      .all(id)
      .map((r) => ({ at: r.at, step: r.step, outcome: r.outcome, message: r.message, remoteId: r.remote_id }));
  }

  /** A person asked for another try: the row is due now; its history stays. */
  retryNow(id: number, now: number): boolean {
    return this
      .prepare(`UPDATE outbox SET status = 'pending', next_attempt_at = ?, updated_at = ? WHERE id = ? AND status IN ('exception', 'pending')`)
      .run(now, now, id).changes === 1;
  }

  /** A person decided this will not go to Stok.ly; the reason is kept. Final. */
  markVoided(id: number, reason: string, now: number): boolean {
    // Settled too: a voided sale never counts as pending stock, and leaves the backlog index.
    return this
      .prepare(`UPDATE outbox SET status = 'voided', void_reason = ?, stock_settled = 1, updated_at = ? WHERE id = ? AND status IN ('pending', 'exception')`)
      .run(reason, now, id).changes === 1;
  }

  /** Refunds still waiting whose sale has not arrived (no sale row) or was voided. */
  waitingRefunds(): Array<{ id: number; ref: string; parentRef: string; createdAt: number; saleStatus: OutboxStatus | null }> {
    return this
      .prepare<[], { id: number; ref: string; parent_ref: string; created_at: number; sale_status: OutboxStatus | null }>(
        `SELECT o.id, o.ref, o.parent_ref, o.created_at, p.status AS sale_status FROM outbox o
           LEFT JOIN outbox p ON p.kind = 'sale' AND p.ref = o.parent_ref
          WHERE o.kind = 'refund' AND o.status = 'pending' AND (p.id IS NULL OR p.status = 'voided')`,
      )
      .all()
      .map((r) => ({ id: r.id, ref: r.ref, parentRef: r.parent_ref, createdAt: r.created_at, saleStatus: r.sale_status }));
  }

  /** Rows waiting for a person for one of these reasons. */
  exceptionsWithReason(reasons: readonly string[]): OutboxRow[] {
    if (reasons.length === 0) return [];
    return this
      .prepare<string[], RawRow>(`SELECT * FROM outbox WHERE status = 'exception' AND exception_reason IN (${reasons.map(() => '?').join(',')})`)
      .all(...reasons)
      .map(fromRaw);
  }

  /** Refunds of one sale waiting for a person for one of these reasons (the parent index: no scan per arriving sale). */
  exceptionsOfParent(parentRef: string, reasons: readonly string[]): OutboxRow[] {
    if (reasons.length === 0) return [];
    return this
      .prepare<string[], RawRow>(`SELECT * FROM outbox WHERE parent_ref = ? AND status = 'exception' AND exception_reason IN (${reasons.map(() => '?').join(',')})`)
      .all(parentRef, ...reasons)
      .map(fromRaw);
  }

  /**
   * Stok.ly is back: rows waiting out a network backoff go now (those whose outcome is unknown
   * still wait their grace, so a request in flight can land before it is looked up).
   */
  makeDueNow(now: number, graceMs: number): number {
    return this
      // The grace counts from the last attempt, but never past now + grace: an attempt stamped by a
      // clock that was ahead (since corrected) would otherwise hold the row for the jump's length.
      .prepare(`UPDATE outbox SET next_attempt_at = CASE WHEN outcome_unknown = 1
                  THEN MIN(MAX(@now, COALESCE(last_attempt_at, 0) + @grace), @now + @grace) ELSE @now END, updated_at = @now
                WHERE status = 'pending' AND next_attempt_at > @now`)
      .run({ now, grace: graceMs }).changes;
  }

  nextDueAt(): number | null {
    const r = this.prepare<[], { at: number | null }>(
      `SELECT MIN(next_attempt_at) AS at FROM outbox o WHERE status = 'pending'
         AND (parent_ref IS NULL OR EXISTS (SELECT 1 FROM outbox p WHERE p.kind = 'sale' AND p.ref = o.parent_ref AND p.status = 'done'))`,
    ).get();
    return r?.at ?? null;
  }

  counts(): OutboxCounts {
    const rows = this.prepare<[], { status: OutboxStatus; n: number }>('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all();
    const counts: OutboxCounts = { pending: 0, sending: 0, done: 0, exception: 0, voided: 0, oldestPendingCreatedAt: null };
    for (const r of rows) counts[r.status] = r.n;
    counts.oldestPendingCreatedAt = this.oldestAwaitedCreatedAt();
    return counts;
  }

  /**
   * When the oldest row that should be reaching Stok.ly was accepted: what "stalled" is
   * measured by. A refund waiting for its sale (not arrived, or not yet posted) is not a stall:
   * it cannot go before its sale, and after refunds.waitForSaleMinutes it becomes an exception.
   */
  oldestAwaitedCreatedAt(): number | null {
    const oldest = this
      .prepare<[], { at: number | null }>(
        `SELECT MIN(created_at) AS at FROM outbox o WHERE status IN ('pending', 'sending')
           AND (parent_ref IS NULL OR EXISTS (SELECT 1 FROM outbox p WHERE p.kind = 'sale' AND p.ref = o.parent_ref AND p.status = 'done'))`,
      )
      .get();
    return oldest?.at ?? null;
  }

  /** Refunds held because their sale is not (yet) in Stok.ly. */
  countWaitingForSale(): number {
    return this.prepare<[], { n: number }>(
      `SELECT COUNT(*) AS n FROM outbox o WHERE o.kind = 'refund' AND o.status = 'pending' AND o.parent_ref IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.kind = 'sale' AND p.ref = o.parent_ref AND p.status = 'done')`,
    ).get()?.n ?? 0;
  }

  /** Whether this row is a refund held until its sale is in Stok.ly. */
  waitsForSale(row: OutboxRow): boolean {
    if (row.kind !== 'refund' || row.status !== 'pending' || row.parentRef === null) return false;
    return this.prepare<[string], { n: number }>(`SELECT 1 AS n FROM outbox WHERE kind = 'sale' AND ref = ? AND status = 'done'`).get(row.parentRef) === undefined;
  }

  /**
   * A page of the Status list, newest first, each row with its document's total, currency and
   * kiosk (null when the document is gone), and how many rows the filter matches.
   */
  page(filter: { status?: OutboxStatus | undefined; limit: number; offset: number }): { rows: OutboxListRow[]; total: number } {
    const where = filter.status ? 'WHERE o.status = @status' : '';
    const rows = this
      .prepare<Record<string, unknown>, RawRow & { doc_total: number | null; doc_currency: string | null; doc_kiosk: string | null }>(
        `SELECT o.*, COALESCE(s.total, r.total) AS doc_total, COALESCE(s.currency, r.currency) AS doc_currency, COALESCE(s.kiosk_id, r.kiosk_id) AS doc_kiosk
           FROM outbox o
           LEFT JOIN sales s ON o.kind = 'sale' AND s.sale_id = o.ref
           LEFT JOIN refunds r ON o.kind = 'refund' AND r.refund_id = o.ref
           ${where} ORDER BY o.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ status: filter.status, limit: filter.limit, offset: filter.offset })
      .map((r) => ({ ...fromRaw(r), amount: r.doc_total, currency: r.doc_currency, kioskId: r.doc_kiosk }));
    const total = this
      .prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM outbox o ${where}`)
      .get({ status: filter.status })?.n ?? 0;
    return { rows, total };
  }
}
