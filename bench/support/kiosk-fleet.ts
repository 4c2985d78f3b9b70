import { Worker } from 'node:worker_threads';
import type { KioskProduct } from '../../sim/kiosks/catalogue.js';
import type { SaleOptions } from '../../sim/kiosks/sale-factory.js';
import type { BenchKiosk } from './agent.js';

/** What the fleet thread is asked to do: every kiosk posts, awaits the answer, posts the next. */
export interface FleetJob {
  kioskUrl: string;
  kiosks: BenchKiosk[];
  products: KioskProduct[];
  warmupMs: number;
  measureMs: number;
  /** What each sale looks like (e.g. endless aisle: a `ship` line with delivery details). */
  saleOptions?: SaleOptions;
}

export interface FleetResult {
  /** 201s answered inside the measured window. */
  accepted: number;
  /** Time to acknowledge of each of those, in ms (request written → answer read). */
  latenciesMs: number[];
  /** 201s per whole second of the window: a falling series means each sale costs more as the backlog grows. */
  acceptedPerSecond: number[];
  /** Every 201 of the run, warm-up and stragglers included: each must be a row in the database. */
  total201: number;
  otherStatuses: Record<string, number>;
  errors: number;
  firstError: string | null;
  windowMs: number;
}

/**
 * Runs the kiosks in a worker thread, so that on a 2-core machine the load generator uses the
 * other core and not the agent's event loop (real kiosks are other machines).
 */
export function runFleet(job: FleetJob): Promise<FleetResult> {
  const entry = new URL('./kiosk-fleet-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  // A worker does not inherit tsx's loader for a .ts entry: register it, then import the entry.
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: job });
  return new Promise<FleetResult>((resolve, reject) => {
    let settled = false;
    worker.once('message', (result: FleetResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`kiosk fleet thread exited with code ${code} before reporting`));
    });
  });
}
