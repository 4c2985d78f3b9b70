import type { Sale } from '../../../shared/kiosk-api.js';
import type { SendResult } from '../outbox/send-result.js';
import type { PersonalStore } from '../privacy/personal-store.js';
import { redactPersonal } from '../privacy/redact-personal.js';
import { shippingOfOrder, type ShippingBody } from '../stokly/customer-mapping.js';
import { customerBarcode } from './customer-key.js';
import type { CustomerResolver } from './customer-resolver.js';
import type { OrderGate } from './order-gate.js';

export interface OrderDelivery {
  customerId: string;
  shipping: ShippingBody;
}

export type PreparedDelivery = { type: 'ok'; delivery: OrderDelivery } | { type: 'hold'; result: SendResult };

/** What a sale with `ship` lines needs before its order can go: the address and the customer. */
export class DeliveryPreparer {
  constructor(private readonly deps: {
    personal: PersonalStore;
    customers: CustomerResolver;
    customerKey: Buffer;
    shippingOption: string;
    gate: OrderGate;
  }) {}

  get gate(): OrderGate {
    return this.deps.gate;
  }

  /** `message` with this sale's customer and delivery values taken out (errors that quote them). */
  redact(saleId: string, message: string): string {
    const opened = this.deps.personal.open(saleId);
    return opened.state === 'open' ? redactPersonal(message, opened.data) : message;
  }

  async prepare(sale: Sale): Promise<PreparedDelivery> {
    const opened = this.deps.personal.open(sale.saleId);
    const data = opened.state === 'open' ? opened.data : {};
    const delivery = data.delivery;
    if (!delivery) {
      const why = opened.state === 'lost'
        ? 'its delivery details were sealed with a personal-data key that is gone'
        : opened.state === 'erased' ? 'its delivery details were erased' : 'the kiosk sent no delivery address';
      return { type: 'hold', result: { type: 'permanent', reason: 'missing_delivery', error: `sale ${sale.saleId} has items to ship but ${why}` } };
    }
    const barcode = customerBarcode(this.deps.customerKey, data);
    if (barcode === null) throw new Error('a delivery always has a name and postcode');
    const customer = await this.deps.customers.resolve(barcode, delivery);
    if (customer.type === 'wait') return { type: 'hold', result: { type: 'retry', error: `sale ${sale.saleId}: ${customer.reason}`, outcomeUnknown: false } };
    return { type: 'ok', delivery: { customerId: customer.customerId, shipping: shippingOfOrder(delivery, this.deps.shippingOption) } };
  }
}
