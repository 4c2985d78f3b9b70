import { describe, expect, it } from 'vitest';
import type { Refund, Sale } from '../../shared/kiosk-api.js';
import { RunningFeatures } from '../../electron/core/features/running.js';
import { Signals } from '../../electron/core/signals.js';
import { skusRestockedBy, skusTakenBy } from '../../electron/core/stock/moved-skus.js';

describe('Signals', () => {
  it('calls listeners in the order they subscribed, with the arguments, until they unsubscribe', () => {
    const signals = new Signals();
    const heard: string[] = [];
    const off = signals.on('cataloguePulled', (skus) => heard.push(`a:${skus.join(',')}`));
    signals.on('cataloguePulled', (skus) => heard.push(`b:${skus.length}`));
    signals.emit('cataloguePulled', ['X', 'Y']);
    off();
    signals.emit('cataloguePulled', []);
    expect(heard).toEqual(['a:X,Y', 'b:2', 'b:0']);
  });

  it('an emit with no listener does nothing', () => {
    expect(() => new Signals().emit('outboxWork')).not.toThrow();
  });
});

describe('RunningFeatures', () => {
  it('stops features last-started-first, each once', async () => {
    const running = new RunningFeatures();
    const stopped: string[] = [];
    running.add({ stop: () => stopped.push('store') });
    running.add({ stop: async () => { stopped.push('runner'); } });
    running.add({ stop: () => stopped.push('api') });
    await running.stopAll();
    await running.stopAll();
    expect(stopped).toEqual(['api', 'runner', 'store']);
  });
});

describe('which SKUs a stored sale or refund moves', () => {
  const line = (sku: string, fulfilment: 'store' | 'ship') => ({ sku, quantity: 1, unitPrice: 100, tax: 0, discount: 0, fulfilment });
  it('a sale takes stock only for lines handed over in the store, each SKU once', () => {
    const sales = [{ lines: [line('A', 'store'), line('B', 'ship'), line('A', 'store')] }, { lines: [line('C', 'store')] }] as unknown as Sale[];
    expect(skusTakenBy(sales)).toEqual(['A', 'C']);
  });
  it('a refund moves stock only for lines put back on the shelf', () => {
    const refunds = [{ lines: [{ sku: 'A', restock: true }, { sku: 'B', restock: false }] }] as unknown as Refund[];
    expect(skusRestockedBy(refunds)).toEqual(['A']);
  });
});
