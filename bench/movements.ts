import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/connection.js';
import { migrate } from '../electron/core/db/migrate.js';
import { StockMovementsRepo } from '../electron/core/db/stock-movements-repo.js';
import { StockRepo } from '../electron/core/db/stock-repo.js';
import { silenceLogging } from '../electron/core/logging/logger.js';
import { StockMovements } from '../electron/core/month-end/stock-movements.js';
import type { Flags } from './support/args.js';
import { loadAverage } from './support/machine.js';
import { fmt, median, table } from './support/stats.js';

/**
 * What measuring stock movements adds to a stock pull's transaction: the snapshot replaced
 * alone, against the same with the movements measured (baseline read, compare, changed rows
 * written), for a shop of `items` items of which `changed` moved since the last pull.
 */
export async function movementsBench(flags: Flags): Promise<void> {
  silenceLogging();
  const items = flags.number('items', 50_000);
  const changed = flags.number('changed', 100);
  const rounds = flags.number('rounds', 5);
  const dir = mkdtempSync(join(tmpdir(), 'shelfbridge-bench-movements-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    migrate(db, { path: join(dir, 'bench.db'), backupDir: null });
    const insert = db.prepare('INSERT INTO products (item_id, sku, name, active, pulled_at) VALUES (?, ?, ?, 1, 0)');
    db.transaction(() => {
      for (let i = 0; i < items; i++) insert.run(`item-${i}`, `SKU-${i}`, `Product ${i}`);
    })();
    const stock = new StockRepo(db);
    const movements = new StockMovements({ repo: new StockMovementsRepo(db), alertUnits: 0, notify: () => {} });
    const snapshot = new Map<string, number>();
    for (let i = 0; i < items; i++) snapshot.set(`item-${i}`, 10 + (i % 7));
    stock.replaceSnapshot(snapshot, 1, () => movements.measure(1)); // the baseline

    const plain: number[] = [];
    const measured: number[] = [];
    let recorded = 0;
    for (let r = 0; r < rounds; r++) {
      for (let c = 0; c < changed; c++) {
        const id = `item-${(r * changed + c * 97) % items}`;
        snapshot.set(id, (snapshot.get(id) ?? 0) + (c % 2 === 0 ? 3 : -2));
      }
      let t = performance.now();
      stock.replaceSnapshot(snapshot, 10 + r);
      plain.push(performance.now() - t);
      // The plain replace above moved nothing in the baseline: the measured one sees the same change.
      t = performance.now();
      stock.replaceSnapshot(snapshot, 20 + r, () => movements.measure(20 + r));
      measured.push(performance.now() - t);
      movements.committed();
      recorded = (db.prepare('SELECT COUNT(*) AS n FROM stock_movements').get() as { n: number }).n;
    }
    db.close();
    console.log(`stock movements: ${fmt(items)} items, ${fmt(changed)} moved per pull, ${rounds} rounds; load average ${loadAverage()}`);
    console.log(table(['measure', 'median ms'], [
      ['snapshot replaced (the pull\'s transaction today)', fmt(median(plain), 1)],
      ['same, with movements measured', fmt(median(measured), 1)],
      ['added by movements', fmt(median(measured) - median(plain), 1)],
    ]));
    console.log(`movements recorded: ${fmt(recorded)} (expected ${fmt(rounds * changed)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
