import { z } from 'zod';
import { auditListSchema, exceptionActionSchema, exceptionDetailSchema, exceptionListSchema, exceptionQuerySchema, type ExceptionItem } from '../../../../shared/admin-api.js';
import type { AuditRepo } from '../../db/audit-repo.js';
import type { ExceptionRow, ExceptionsRepo } from '../../db/exceptions-repo.js';
import type { OutboxRepo } from '../../db/outbox-repo.js';
import type { ExceptionService } from '../../exceptions/service.js';
import { DomainError } from '../../domain-errors.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { adminErrors } from '../responses.js';
import { toOutboxItem } from './outbox.js';
import { isoOrNull as iso } from '../../../../shared/time.js';
import { readPriceFacts } from '../../kiosk/price-review.js';
import { detailSource } from '../../exceptions/detail-source.js';


/** The exception queue for staff: list, open one, act on it; the audit log read-only. */
export function exceptionRoutes(deps: {
  exceptions: ExceptionsRepo; service: ExceptionService; outbox: OutboxRepo; audit: AuditRepo;
  /** A sale's delivery address, masked (never the address itself). */
  maskedDelivery(saleId: string): string | null;
  /** A SKU's product name in the catalogue, for the words beside it. */
  productName(sku: string): string | null;
}): RouteModule {
  const priceReview = (e: ExceptionRow): ExceptionItem['priceReview'] => {
    if (e.reason !== 'price_mismatch') return null;
    const facts = readPriceFacts(e.facts);
    return facts && { ...facts, productName: deps.productName(facts.sku) };
  };
  const toItem = (e: ExceptionRow): ExceptionItem => ({
    id: e.id, subjectKind: e.subjectKind, subjectRef: e.subjectRef, reason: e.reason, ...deps.service.describe(e),
    detail: e.detail, blocking: e.blocking, status: e.status, createdAt: new Date(e.createdAt).toISOString(),
    resolvedAt: iso(e.resolvedAt), resolvedBy: e.resolvedBy, resolution: e.resolution, priceReview: priceReview(e),
  });
  const params = z.object({ id: z.coerce.number().int().positive() });
  const detail = (e: ExceptionRow) => {
    // A review item (a price review) is not tied to the row that sends the sale; it is about that sale all the same.
    const row = e.outboxId !== null
      ? deps.outbox.get(e.outboxId)
      : e.subjectKind === 'sale' || e.subjectKind === 'refund' ? deps.outbox.byRef(e.subjectKind, e.subjectRef) : undefined;
    return {
      ...toItem(e),
      notes: deps.exceptions.notes(e.id),
      audit: deps.audit.forSubject(e.subjectKind, e.subjectRef),
      document: row ? (JSON.parse(row.payload) as unknown) : null,
      outbox: row ? toOutboxItem(row, deps.outbox.waitsForSale(row)) : null,
      delivery: row?.kind === 'sale' ? deps.maskedDelivery(row.ref) : null,
      detailSource: detailSource(e, e.outboxId === null ? [] : deps.outbox.attemptsOf(e.outboxId)),
      heldBy: deps.exceptions.openBlockingFor(e.subjectKind, e.subjectRef, e.id).map((b) => ({ id: b.id, title: deps.service.describe(b).title })),
    };
  };
  // An action may find the item gone (404), closed or not waiting (409), or name an item Stok.ly lacks (422).
  const actionErrors = { ...errorResponses(400, 404, 409, 413, 415, 422), ...adminErrors };
  return (app) => {
    app.get('/api/exceptions', { schema: { querystring: exceptionQuerySchema, response: { 200: exceptionListSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => ({
      items: deps.exceptions.list(request.query).map(toItem),
    }));
    app.get('/api/exceptions/:id', { schema: { params, response: { 200: exceptionDetailSchema, ...errorResponses(400, 404), ...adminErrors } } }, async (request) => {
      const e = deps.exceptions.get(request.params.id);
      if (!e) throw new DomainError('not_found', 'not_found', `No exception ${request.params.id}.`);
      return detail(e);
    });
    app.post('/api/exceptions/:id/actions', { schema: { params, body: exceptionActionSchema, response: { 200: exceptionDetailSchema, ...actionErrors } } }, async (request) =>
      detail(await deps.service.act(request.params.id, request.body)));
    app.get('/api/audit', { schema: { querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }), response: { 200: auditListSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => ({
      items: deps.audit.recent(request.query.limit),
    }));
  };
}
