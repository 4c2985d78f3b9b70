import { describe, expect, it } from 'vitest';
import type { Baseline, MovementRow, StockMovementsRepo } from '../../electron/core/db/stock-movements-repo.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { StockMovements, summarise } from '../../electron/core/month-end/stock-movements.js';
import type { Alert } from '../../electron/core/monitor/alerts.js';
import { measureMovements, type MeasureInput } from '../../electron/core/stock/movements.js';

const item = (onHand: number, sku = 'SKU-A') => ({ onHand, sku, name: `name of ${sku}` });
const input = (over: Partial<MeasureInput>): MeasureInput => ({
  at: 1_000, snapshot: new Map(), baselines: new Map(), explained: new Map(), uncertain: new Set(), describe: (id) => ({ sku: id, name: '' }), ...over,
});

describe('measuring stock movements', () => {
  it('an item new since the baseline moved by all it holds (a first receipt)', () => {
    const r = measureMovements(input({ snapshot: new Map([['i1', item(10)]]) }));
    expect(r.movements.map((m) => m.movement)).toEqual([10]);
    expect(r.baselines.get('i1')).toEqual({ onHand: 10, explained: 0 });
  });

  it('a settled kiosk sale explains its drop; what is left is the movement, with its sign', () => {
    const baselines = new Map<string, Baseline>([['i1', { onHand: 10, explained: 0 }], ['i2', { onHand: 5, explained: 0 }]]);
    const r = measureMovements(input({
      baselines,
      snapshot: new Map([['i1', item(8)], ['i2', item(2, 'SKU-B')]]),
      explained: new Map([['i1', -2]]),
    }));
    expect(r.movements).toEqual([expect.objectContaining({ itemId: 'i2', sku: 'SKU-B', movement: -3, onHandBefore: 5, onHandAfter: 2 })]);
  });

  it('a sale collected while a pull ran (its figure already lower, not yet settled) shows at no pull', () => {
    // Pull 1: Stok.ly's figure already holds the −2, but the sale is not settled by this pull.
    let baselines = new Map<string, Baseline>([['i1', { onHand: 10, explained: 0 }]]);
    const first = measureMovements(input({ baselines, snapshot: new Map([['i1', item(8)]]), uncertain: new Set(['i1']) }));
    expect(first.movements).toEqual([]);
    baselines = new Map([...baselines, ...first.baselines]);
    expect(baselines.get('i1')).toEqual({ onHand: 10, explained: 0 });
    // Pull 2 settles it; a receipt of 4 arrived meanwhile.
    const second = measureMovements(input({ baselines, snapshot: new Map([['i1', item(12)]]), explained: new Map([['i1', -2]]) }));
    expect(second.movements.map((m) => m.movement)).toEqual([4]);
    expect(second.baselines.get('i1')).toEqual({ onHand: 12, explained: 0 });
  });

  it('what a pull settles while the item is still uncertain is carried to the pull that measures it', () => {
    const baselines = new Map<string, Baseline>([['i1', { onHand: 10, explained: 0 }]]);
    const first = measureMovements(input({ baselines, snapshot: new Map([['i1', item(7)]]), explained: new Map([['i1', -1]]), uncertain: new Set(['i1']) }));
    expect(first.baselines.get('i1')).toEqual({ onHand: 10, explained: -1 });
    const second = measureMovements(input({ baselines: first.baselines, snapshot: new Map([['i1', item(7)]]), explained: new Map([['i1', -2]]) }));
    expect(second.movements).toEqual([]);
  });

  it('summarises per SKU: net, count, the largest by size, biggest net first', () => {
    const row = (sku: string, movement: number, at: number): MovementRow => ({ itemId: sku, sku, name: sku, movement, onHandBefore: 0, onHandAfter: 0, explained: 0, at });
    expect(summarise([row('A', 5, 1), row('A', -9, 2), row('B', -30, 3), row('C', 1, 4)])).toEqual([
      { sku: 'B', name: 'B', net: -30, count: 1, largest: -30, lastAt: new Date(3).toISOString() },
      { sku: 'A', name: 'A', net: -4, count: 2, largest: -9, lastAt: new Date(2).toISOString() },
      { sku: 'C', name: 'C', net: 1, count: 1, largest: 1, lastAt: new Date(4).toISOString() },
    ]);
  });
});

describe('movement alerts', () => {
  silenceLogging();
  const fakeRepo = (moved: number) => ({
    hasBaseline: () => true, startBaseline: () => {}, explainedBySettling: () => new Map<string, number>(), uncertainItems: () => new Set<string>(),
    candidates: () => ({ snapshot: new Map([['x', { onHand: moved, sku: 'SKU-X', name: 'Scarf' }]]), baselines: new Map([['x', { onHand: 0, explained: 0 }]]) }),
    describe: () => ({ sku: '', name: '' }), saveBaselines: () => {}, record: () => {},
  });
  const run = (alertUnits: number, moved: number): Alert[] => {
    const alerts: Alert[] = [];
    const repo = fakeRepo(moved);
    const m = new StockMovements({ repo: repo as unknown as StockMovementsRepo, alertUnits, notify: (a) => alerts.push(a) });
    m.measure(1);
    m.committed();
    return alerts;
  };

  it('a movement beyond stock.movementAlertUnits raises one alert naming the SKU; at or below it, or with 0, none', () => {
    expect(run(20, -21)).toEqual([expect.objectContaining({ body: expect.stringContaining('SKU-X (Scarf) -21') })]);
    expect(run(20, 20)).toEqual([]);
    expect(run(0, 500)).toEqual([]);
  });
});
