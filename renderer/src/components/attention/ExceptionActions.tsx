import type { ExceptionDetail } from '../../api/exceptions-api.js';
import type { KioskDocument } from '../../api/schemas.js';
import { AcknowledgeForm } from './AcknowledgeForm.js';
import { ActingAs } from './ActingAs.js';
import { MapSkuForm } from './MapSkuForm.js';
import { MapTenderForm } from './MapTenderForm.js';
import { NoteForm } from './NoteForm.js';
import { RetryAction } from './RetryAction.js';
import { VoidForm } from './VoidForm.js';
import { DeliveryForm } from '../endless-aisle/DeliveryForm.js';

const skuReasons = new Set(['unknown_sku', 'inactive_sku', 'ambiguous_sku']);
/** Outbox states in which the agent still lets a person void the sale or refund. */
const voidable = new Set(['pending', 'exception']);

/** Told what was done, in words for the live message. */
export type OnActionDone = (message: string) => void;

/** The actions that fit this item's reason; a closed item takes notes only. */
export function ExceptionActions({ item, document, problemSkus, onDone }: {
  item: ExceptionDetail;
  document: KioskDocument | null;
  problemSkus: readonly string[];
  onDone: OnActionDone;
}) {
  const props = { id: item.id, onDone };
  const noun = item.subjectKind === 'refund' ? 'refund' : 'sale';
  const row = item.outbox;
  const open = item.status === 'open';
  return (
    <section aria-labelledby="actions-heading" className="actions">
      <h3 id="actions-heading">What you can do</h3>
      <ActingAs />
      {!open && <p>This item is {item.status}. You can still add a note.</p>}
      {open && skuReasons.has(item.reason) && row && (
        <MapSkuForm {...props} skus={document ? [...new Set(document.lines.map((l) => l.sku))] : []} suggested={problemSkus[0] ?? null} noun={noun} />
      )}
      {open && item.reason === 'unmapped_tender' && (
        <MapTenderForm {...props} tenders={document ? [...new Set(document.payments.map((p) => p.tender))] : []} detail={item.detail} />
      )}
      {open && item.reason === 'missing_delivery' && row && <DeliveryForm {...props} current={item.delivery ?? null} />}
      {open && item.blocking && row && <RetryAction {...props} noun={noun} approve={item.reason === 'refund_exceeds_sale'} />}
      {open && !item.blocking && <AcknowledgeForm {...props} />}
      {open && item.blocking && (!row || voidable.has(row.status)) && <VoidForm {...props} noun={noun} reference={item.subjectRef} />}
      <NoteForm {...props} />
    </section>
  );
}
