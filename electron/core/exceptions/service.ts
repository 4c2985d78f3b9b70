import type { ExceptionActionInput } from '../../../shared/admin-api.js';
import { exceptionHelp, skuExceptionReasons, type ExceptionReason } from '../../../shared/exceptions.js';
import type { Delivery } from '../../../shared/delivery.js';
import type { Clock } from '../clock.js';
import type { AuditRepo } from '../db/audit-repo.js';
import type { ExceptionRow, ExceptionsRepo, SubjectKind } from '../db/exceptions-repo.js';
import type { MappingsRepo } from '../db/mappings-repo.js';
import type { OutboxRepo, OutboxRow } from '../db/outbox-repo.js';
import { DomainError } from '../domain-errors.js';
import { scopedLogger } from '../logging/logger.js';
import type { AuditAction } from '../../../shared/words/audit-actions.js';
import { reasonTitle } from '../../../shared/words/reasons.js';
import type { SendResult } from '../outbox/send-result.js';

const logger = scopedLogger('exceptions');

/** An action on an exception, exactly as the admin API's schema admits it. */
export type ExceptionAction = ExceptionActionInput;

export interface ExceptionServiceDeps {
  exceptions: ExceptionsRepo;
  outbox: OutboxRepo;
  mappings: MappingsRepo;
  audit: AuditRepo;
  clock: Clock;
  /** Does Stok.ly have this item? (catalogue first, then Stok.ly itself) */
  itemExists(itemId: string): Promise<boolean>;
  tenderMapped(tender: string): boolean;
  wakeRunner(): void;
  refundWaitForSaleMs: number;
  /** Seals the address a person entered for a sale; returns it masked, for the audit log. */
  setDelivery(saleId: string, delivery: Delivery): string;
}

/** Reasons a sale waits for its SKUs to resolve (a mapping or a catalogue pull fixes them). */
const SKU_REASONS: readonly ExceptionReason[] = ['unknown_sku', 'inactive_sku', 'ambiguous_sku'];

const subjectOf = (row: OutboxRow): SubjectKind => (row.kind === 'sale' ? 'sale' : 'refund');

/**
 * The exception queue: every sale or refund that needs a person is a work item with a reason, an
 * explanation and a suggested fix; every action on it is audited, before and after.
 */
export class ExceptionService {
  constructor(private readonly deps: ExceptionServiceDeps) {}

  /** The runner's results: a permanent failure opens an item; success closes the open ones. */
  onSendResult(row: OutboxRow, result: SendResult): void {
    const now = this.deps.clock.now();
    if (result.type === 'permanent') {
      this.deps.exceptions.open({ subjectKind: subjectOf(row), subjectRef: row.ref, outboxId: row.id, reason: result.reason, detail: result.error, blocking: true, now });
    } else if (result.type === 'done') {
      const closed = this.deps.exceptions.close(subjectOf(row), row.ref, 'resolved', 'system', 'posted to Stok.ly', now);
      if (closed) this.deps.audit.append({ at: now, actor: 'system', action: 'resolved', subjectKind: subjectOf(row), subjectRef: row.ref, after: { status: 'done', remoteId: row.remoteId }, detail: 'the cause was fixed; posted to Stok.ly' });
    }
  }

  /** Holds a waiting sale or refund for a person: its row becomes an exception and a blocking item opens. */
  hold(subjectKind: 'sale' | 'refund', outboxId: number, subjectRef: string, reason: ExceptionReason, detail: string): void {
    const now = this.deps.clock.now();
    const row = this.deps.outbox.get(outboxId);
    if (!row || row.status !== 'pending') return;
    this.deps.outbox.markException(outboxId, reason, detail, now);
    this.deps.exceptions.open({ subjectKind, subjectRef, outboxId, reason, detail, blocking: true, now });
  }

  /** A review item that does not hold the sale back (it is posted as paid). */
  openReview(subjectKind: SubjectKind, subjectRef: string, reason: ExceptionReason, detail: string, facts: string | null = null): void {
    this.deps.exceptions.open({ subjectKind, subjectRef, outboxId: null, reason, detail, blocking: false, now: this.deps.clock.now(), facts });
  }

  describe(e: ExceptionRow): { title: string; fix: string } {
    return exceptionHelp[e.reason as ExceptionReason] ?? { title: reasonTitle(e.reason), fix: 'Read the detail; retry once the cause is fixed, or void with a reason.' };
  }

  async act(id: number, a: ExceptionAction): Promise<ExceptionRow> {
    const e = this.deps.exceptions.get(id);
    if (!e) throw new DomainError('not_found', 'not_found', `No exception ${id}.`);
    if (e.status !== 'open' && a.action !== 'note') throw new DomainError('conflict', 'not_open', `Exception ${id} is ${e.status}; only notes can be added.`);
    const row = e.outboxId === null ? undefined : this.deps.outbox.get(e.outboxId);
    const now = this.deps.clock.now();
    const audit = (action: AuditAction, before: unknown, after: unknown, detail?: string): void =>
      this.deps.audit.append({ at: now, actor: a.actor, action, subjectKind: e.subjectKind, subjectRef: e.subjectRef, before, after, ...(detail ? { detail } : {}) });

    switch (a.action) {
      case 'retry': {
        this.requireRow(e, row);
        this.deps.outbox.retryNow(row!.id, now);
        // For a refund beyond its sale, this is the person's approval that lets the credit note go.
        audit(e.reason === 'refund_exceeds_sale' ? 'approve_refund' : 'retry', { status: row!.status }, { status: 'pending' });
        break;
      }
      case 'map_sku': {
        this.requireRow(e, row);
        if (!(await this.deps.itemExists(a.itemId))) throw new DomainError('unprocessable', 'unknown_item', `Stok.ly has no item ${a.itemId}; pick an existing item.`);
        const before = { sku: a.sku, itemId: this.deps.mappings.alias(a.sku) ?? null };
        if (a.scope === 'standing') this.deps.mappings.setAlias(a.sku, a.itemId, a.actor, now);
        else this.deps.mappings.setSaleOverride(row!.ref, a.sku, a.itemId);
        this.deps.outbox.retryNow(row!.id, now);
        audit(a.scope === 'standing' ? 'map_sku_standing' : 'map_sku_sale', before, { sku: a.sku, itemId: a.itemId });
        if (a.scope === 'standing') this.retryWhere(skuExceptionReasons, () => true);
        break;
      }
      case 'map_tender': {
        const before = this.deps.mappings.tender(a.tender) ?? null;
        this.deps.mappings.setTender(a.tender, a.method, a.ledger ?? null, a.actor, now);
        audit('map_tender', before, { tender: a.tender, method: a.method, ledger: a.ledger ?? null });
        this.retryUnmappedTenders();
        break;
      }
      case 'void': {
        if (row && !this.deps.outbox.markVoided(row.id, a.reason, now)) {
          throw new DomainError('conflict', 'not_voidable', `The ${row.kind} is ${row.status}; only waiting ones can be voided.`);
        }
        this.deps.exceptions.close(e.subjectKind, e.subjectRef, 'voided', a.actor, a.reason, now, false);
        audit('void', { status: row?.status ?? e.status }, { status: 'voided', reason: a.reason }, a.reason);
        break;
      }
      case 'set_delivery': {
        this.requireRow(e, row);
        if (row!.kind !== 'sale') throw new DomainError('conflict', 'not_a_sale', 'A delivery address belongs to a sale.');
        if (row!.status === 'done' || row!.status === 'voided') throw new DomainError('conflict', 'not_waiting', `The sale is ${row!.status}; its order cannot change here.`);
        const masked = this.deps.setDelivery(row!.ref, a.delivery);
        this.deps.outbox.retryNow(row!.id, now);
        // The audit log keeps only the masked form: it is kept for longer than the address may be.
        audit('set_delivery', { delivery: null }, { delivery: masked });
        break;
      }
      case 'note':
        this.deps.exceptions.addNote(id, a.actor, a.text, now);
        audit('note', null, null, a.text);
        break;
      case 'acknowledge':
        if (e.blocking) throw new DomainError('conflict', 'blocking', 'This item holds a sale back: retry, map or void it instead.');
        this.deps.exceptions.closeOne(id, 'resolved', a.actor, a.note ?? 'acknowledged', now);
        audit('acknowledge', { status: 'open' }, { status: 'resolved' }, a.note);
        break;
    }
    logger.info(`exception ${id} (${e.reason}, ${e.subjectKind} ${e.subjectRef}): ${a.action} by ${a.actor}`);
    this.deps.wakeRunner();
    return this.deps.exceptions.get(id) ?? e;
  }

  /** Tender now mapped (configuration or staff window): the sales waiting on it go again. */
  retryUnmappedTenders(): number {
    return this.retryWhere(['unmapped_tender'], (row) => {
      const doc = JSON.parse(row.payload) as { payments?: Array<{ tender: string }> };
      return (doc.payments ?? []).every((p) => this.deps.tenderMapped(p.tender));
    });
  }

  /**
   * Refunds whose sale has not arrived within the wait, or whose sale was voided, become work
   * items; a refund whose sale then arrives goes back to the queue by itself.
   */
  checkWaitingRefunds(): void {
    const now = this.deps.clock.now();
    for (const r of this.deps.outbox.waitingRefunds()) {
      const voided = r.saleStatus === 'voided';
      if (!voided && now - r.createdAt < this.deps.refundWaitForSaleMs) continue;
      const reason: ExceptionReason = voided ? 'sale_voided' : 'refund_without_sale';
      const detail = voided
        ? `sale ${r.parentRef} was voided, so refund ${r.ref} has nothing to credit in Stok.ly`
        : `refund ${r.ref} has waited ${Math.round((now - r.createdAt) / 60_000)} min for sale ${r.parentRef}, which has not arrived`;
      this.deps.outbox.markException(r.id, reason, detail, now);
      this.deps.exceptions.open({ subjectKind: 'refund', subjectRef: r.ref, outboxId: r.id, reason, detail, blocking: true, now });
    }
  }

  /**
   * After a catalogue pull: sales waiting because of a SKU whose every SKU now resolves to one
   * active product go back to the queue by themselves. Returns how many.
   */
  retryResolvedSkus(isActive: (sku: string) => boolean, lineSkus: (saleId: string) => readonly string[]): number {
    return this.retryWhere(SKU_REASONS, (row) => row.kind === 'sale' && lineSkus(row.ref).every(isActive));
  }

  /** After a sale is stored: refunds that gave up waiting for it go again. */
  saleArrived(saleId: string): void {
    this.retryRows(this.deps.outbox.exceptionsOfParent(saleId, ['refund_without_sale']), () => true);
  }

  private retryWhere(reasons: readonly string[], ok: (row: OutboxRow) => boolean): number {
    return this.retryRows(this.deps.outbox.exceptionsWithReason(reasons), ok);
  }

  private retryRows(rows: readonly OutboxRow[], ok: (row: OutboxRow) => boolean): number {
    const now = this.deps.clock.now();
    let n = 0;
    for (const row of rows) {
      if (ok(row) && this.deps.outbox.retryNow(row.id, now)) n++;
    }
    if (n) this.deps.wakeRunner();
    return n;
  }

  private requireRow(e: ExceptionRow, row: OutboxRow | undefined): void {
    if (!row) throw new DomainError('conflict', 'no_record', `Exception ${e.id} is not about a sale or refund waiting to be sent.`);
  }
}
