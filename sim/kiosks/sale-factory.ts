import type { Sale } from '../../shared/kiosk-api.js';
import type { KioskProduct } from './catalogue.js';

export interface SaleOptions {
  unknownSku?: boolean;
  ship?: boolean;
  tender?: string;
  lines?: number;
  occurredAt?: string;
  /** With ship lines: leave out the delivery address (as a kiosk that cannot ask for it would). */
  noDelivery?: boolean;
}

const SAMPLE_DELIVERY = {
  name: 'Sam Sample', line1: '1 Example Street', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB', email: 'sam@example.com',
} as const;

/** Realistic kiosk sales: 1–3 lines, sometimes a discount, paid in full by one tender. */
export class SaleFactory {
  private counter = 0;

  constructor(
    private readonly kioskId: string,
    private readonly products: readonly KioskProduct[],
    private readonly random: () => number = Math.random,
    private readonly prefix = `${kioskId}-${Date.now().toString(36)}`,
  ) {
    if (products.length === 0) throw new Error('a kiosk needs at least one product to sell');
  }

  make(options: SaleOptions = {}): Sale {
    const n = options.lines ?? 1 + Math.floor(this.random() * 3);
    const lines = Array.from({ length: n }, (_, i) => {
      const p = this.products[Math.floor(this.random() * this.products.length)]!;
      const quantity = 1 + Math.floor(this.random() * 2);
      const discount = this.random() < 0.1 ? Math.floor(p.unitPrice * 0.1) : 0;
      const sku = options.unknownSku && i === 0 ? `NEW-${Math.floor(this.random() * 1e6)}` : p.sku;
      const fulfilment: 'store' | 'ship' = options.ship && i === 0 ? 'ship' : 'store';
      // Tax inside what was actually charged: the line value after its discount.
      const value = p.unitPrice * quantity - discount;
      const tax = p.unitPrice === 0 ? 0 : Math.round((value * p.unitTax) / p.unitPrice);
      return { sku, quantity, unitPrice: p.unitPrice, tax, discount, fulfilment };
    });
    const total = lines.reduce((s, l) => s + l.unitPrice * l.quantity - l.discount, 0);
    this.counter += 1;
    return {
      saleId: `${this.prefix}-${this.counter}`,
      kioskId: this.kioskId,
      occurredAt: options.occurredAt ?? new Date().toISOString().replace('Z', '+00:00'),
      currency: 'GBP',
      lines,
      payments: [{ tender: options.tender ?? (this.random() < 0.8 ? 'card' : 'cash'), amount: total }],
      ...(options.ship && !options.noDelivery ? { delivery: { ...SAMPLE_DELIVERY } } : {}),
    };
  }
}
