import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { SaleFactory } from '../../sim/kiosks/sale-factory.js';
import type { BenchKiosk } from './agent.js';
import type { FleetJob, FleetResult } from './kiosk-fleet.js';

const job = workerData as FleetJob;
const url = new URL(job.kioskUrl);

/** One POST /v1/sales on the kiosk's own keep-alive connection; resolves with the status once the answer is read. */
function post(agent: Agent, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/v1/sales',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const stopAt = measureFrom + job.measureMs;
  const result: FleetResult = {
    accepted: 0, latenciesMs: [], acceptedPerSecond: Array.from({ length: Math.ceil(job.measureMs / 1000) }, () => 0), total201: 0, otherStatuses: {}, errors: 0, firstError: null, windowMs: job.measureMs,
  };

  const kiosk = async (k: BenchKiosk): Promise<void> => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sales = new SaleFactory(k.id, job.products);
    try {
      while (performance.now() < stopAt) {
        const body = JSON.stringify(sales.make(job.saleOptions));
        const t0 = performance.now();
        let status: number;
        try {
          status = await post(agent, k.token, body);
        } catch (err) {
          result.errors++;
          result.firstError ??= (err as Error).message;
          continue;
        }
        const t1 = performance.now();
        if (status !== 201) {
          result.otherStatuses[status] = (result.otherStatuses[status] ?? 0) + 1;
          continue;
        }
        result.total201++;
        if (t1 >= measureFrom && t1 <= stopAt) {
          result.accepted++;
          result.latenciesMs.push(t1 - t0);
          const second = Math.min(result.acceptedPerSecond.length - 1, Math.floor((t1 - measureFrom) / 1000));
          result.acceptedPerSecond[second]! += 1;
        }
      }
    } finally {
      agent.destroy();
    }
  };

  await Promise.all(job.kiosks.map(kiosk));
  parentPort?.postMessage(result);
}

void main();
