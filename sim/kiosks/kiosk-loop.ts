import { sleep } from '../../electron/core/clock.js';
import type { Refund, Sale } from '../../shared/kiosk-api.js';
import type { KioskProduct } from './catalogue.js';
import { KioskClient } from './kiosk-client.js';
import { SaleFactory } from './sale-factory.js';

/**
 * Kiosks that sell while the agent is killed again and again (`npm run chaos` and the SIGKILL
 * fault test): each keeps a document until the agent acknowledges it, resending on 503, 429
 * and no answer; some resend what was acknowledged (a lost answer on their side); some sales
 * are partly refunded at any kiosk. The books say what was acknowledged, for the comparison
 * with Stok.ly at the end.
 */
export interface KioskLoopOptions {
  baseUrl: string;
  kioskIds: readonly string[];
  token(kioskId: string): string;
  products: readonly KioskProduct[];
  /** Sale ids start with this and the kiosk's number (unique per run). */
  prefix: string;
  /** Sales per kiosk; without it a kiosk sells until `stop()`. */
  salesPerKiosk?: number;
  /** Chance that an acknowledged sale is sent again (must be answered 200). */
  resendRate?: number;
  /** Chance that a sale is partly refunded (one unit of its first line) at a random kiosk. */
  refundRate?: number;
  /** Every Nth sale of a kiosk is given up after one try, acknowledged or not (a kiosk wiped). */
  giveUpEvery?: number;
  /** Per request. */
  postTimeoutMs?: number;
  /** After stop(), a document still undelivered this long fails the run instead of hanging it. */
  finishWithinMs?: number;
  random?: () => number;
}

export interface KioskBooks {
  /** Every sale made, acknowledged or not. */
  made: Sale[];
  acknowledgedSales: Map<string, Sale>;
  acknowledgedRefunds: Map<string, Refund>;
  /** Sales a kiosk gave up on after one try (maybe stored, maybe not). */
  abandoned: Set<string>;
  /** Requests that got no answer (the agent was down). */
  interrupted: number;
  /** Resends of acknowledged sales, all answered 200. */
  resends: number;
}

export interface RunningKiosks {
  books: KioskBooks;
  /** No new documents; each kiosk finishes delivering what it holds. */
  stop(): void;
  /** Settles when every kiosk has finished: sales acknowledged per kiosk. Rejects on a contract breach. */
  done: Promise<number[]>;
}

export function startKiosks(options: KioskLoopOptions): RunningKiosks {
  const random = options.random ?? Math.random;
  const books: KioskBooks = { made: [], acknowledgedSales: new Map(), acknowledgedRefunds: new Map(), abandoned: new Set(), interrupted: 0, resends: 0 };
  let stopped = false;
  let stoppedAt = 0;
  const clients = new Map(options.kioskIds.map((id) => [id, new KioskClient(options.baseUrl, id, options.token(id))]));
  const finishWithinMs = options.finishWithinMs ?? 300_000;

  /** Resend until 201/200 (or once only); any other answer is a breach of the contract. */
  const deliver = async (client: KioskClient, path: string, doc: Sale | Refund, once = false): Promise<number | null> => {
    for (;;) {
      try {
        const res = await client.post(path, doc, options.postTimeoutMs ?? 3_000);
        if (res.status === 201 || res.status === 200) return res.status;
        if (res.status !== 503 && res.status !== 429) throw new ContractBreach(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      } catch (err) {
        if (err instanceof ContractBreach) throw err;
        books.interrupted++;
      }
      if (once) return null;
      if (stopped && Date.now() - stoppedAt > finishWithinMs) {
        throw new Error(`${client.kioskId} could not deliver ${path} ${JSON.stringify(doc).slice(0, 120)} within ${finishWithinMs / 1000} s of the stop`);
      }
      await sleep(50 + random() * 150);
    }
  };

  const loops = options.kioskIds.map(async (id, k) => {
    const client = clients.get(id)!;
    const factory = new SaleFactory(id, options.products, random, `${options.prefix}-${k}`);
    let acknowledged = 0;
    for (let n = 0; !stopped && (options.salesPerKiosk === undefined || n < options.salesPerKiosk); n++) {
      const sale = factory.make();
      books.made.push(sale);
      const once = options.giveUpEvery !== undefined && n % options.giveUpEvery === options.giveUpEvery - 1;
      const status = await deliver(client, '/v1/sales', sale, once);
      if (status === null) {
        books.abandoned.add(sale.saleId);
        continue;
      }
      books.acknowledgedSales.set(sale.saleId, sale);
      acknowledged++;
      if (random() < (options.resendRate ?? 0)) {
        const again = await deliver(client, '/v1/sales', sale);
        if (again !== 200) throw new ContractBreach(`a resend of ${sale.saleId} answered ${again}, not 200`);
        books.resends++;
      }
      if (random() < (options.refundRate ?? 0)) {
        const refund = partRefund(sale, options.kioskIds[Math.floor(random() * options.kioskIds.length)]!);
        await deliver(clients.get(refund.kioskId)!, '/v1/refunds', refund);
        books.acknowledgedRefunds.set(refund.refundId, refund);
      }
      await sleep(random() * 25);
    }
    return acknowledged;
  });

  return {
    books,
    stop: () => {
      if (stopped) return;
      stopped = true;
      stoppedAt = Date.now();
    },
    done: Promise.all(loops),
  };
}

/** One unit of the sale's first line back, within what it took (its discount spread over the units). */
export function partRefund(sale: Sale, kioskId: string): Refund {
  const line = sale.lines[0]!;
  const lineValue = line.unitPrice * line.quantity - line.discount;
  const amount = Math.floor(lineValue / line.quantity);
  return {
    refundId: `rf-${sale.saleId}`, saleId: sale.saleId, kioskId, occurredAt: new Date().toISOString(), currency: sale.currency,
    lines: [{ sku: line.sku, quantity: 1, amount, restock: false }],
    payments: [{ tender: 'card', amount }],
  };
}

class ContractBreach extends Error {
  override name = 'ContractBreach';
}
