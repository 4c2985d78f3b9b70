import type { Refund, Sale } from '../../shared/kiosk-api.js';
import type { PushReport } from './cloudshelf/push.js';
import type { OutboxRow } from './db/outbox-repo.js';
import type { SendResult } from './outbox/send-result.js';

/**
 * What one feature tells the others, without knowing who listens: the features stay free of
 * each other's construction order, and the composition root wires nothing by hand.
 */
export interface AgentSignalMap {
  /** Rows became due in the outbox (enqueued, retried, mapped): the runner looks now. */
  outboxWork: [];
  /** The runner applied a send's result to its row (the exception queue, metrics). */
  sent: [row: OutboxRow, result: SendResult];
  /** A Cloudshelf push finished (metrics). */
  cloudshelfPushed: [report: PushReport];
  /** Sales committed by an ingest (kiosk or Cloudshelf), after their transaction. */
  salesStored: [sales: readonly Sale[]];
  refundsStored: [refunds: readonly Refund[]];
  /** A catalogue pull finished; `changedSkus` may be empty. */
  cataloguePulled: [changedSkus: readonly string[]];
  /** A stock pull finished. */
  stockPulled: [];
  /** The availability announced to kiosks changed for these SKUs. */
  availabilityChanged: [skus: readonly string[]];
}

type Listener<A extends unknown[]> = (...args: A) => void;

/** A typed, synchronous publish/subscribe: listeners run in the order they subscribed. */
export class Signals<M extends { [K in keyof M]: unknown[] } = AgentSignalMap> {
  private readonly listeners = new Map<keyof M, Array<Listener<never[]>>>();

  on<K extends keyof M>(name: K, listener: Listener<M[K]>): () => void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as unknown as Listener<never[]>);
    this.listeners.set(name, list);
    return () => {
      const at = list.indexOf(listener as unknown as Listener<never[]>);
      if (at >= 0) list.splice(at, 1);
    };
  }

  emit<K extends keyof M>(name: K, ...args: M[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) (listener as unknown as Listener<M[K]>)(...args);
  }
}
