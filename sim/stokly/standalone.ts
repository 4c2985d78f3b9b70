/**
 * Run the Stok.ly sandbox on its own:
 *   npx tsx sim/stokly/standalone.ts [--port 4790] [--items 300] [--seed 1] [--host 127.0.0.1] [--rate-limit 600]
 * --rate-limit is requests per minute; 0 turns the limit off (benchmarks).
 */
import { parseArgs } from 'node:util';
import { StoklySandbox } from './sandbox.js';
import { generateShop } from './seed.js';

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, got ${text}`);
  return Number(text);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    items: { type: 'string' },
    seed: { type: 'string' },
    host: { type: 'string' },
    'rate-limit': { type: 'string' },
  },
});

const port = wholeNumber('port', values.port, 4790);
const itemCount = wholeNumber('items', values.items, 300);
const seed = wholeNumber('seed', values.seed, 1);
const perMinute = wholeNumber('rate-limit', values['rate-limit'], 600);
const sandbox = await StoklySandbox.start({
  port, host: values.host ?? '127.0.0.1', seed: generateShop({ itemCount, seed }),
  rateLimit: perMinute === 0 ? null : { limit: perMinute, windowMs: 60_000 },
});

console.log(`Stok.ly sandbox listening on ${sandbox.url} (${itemCount} items, seed ${seed})`);
console.log(`  accountKey ${sandbox.credentials.accountKey}`);
console.log(`  clientId   ${sandbox.credentials.clientId}`);
console.log(`  secretKey  ${sandbox.credentials.secretKey}`);
console.log(`  controls   ${sandbox.url}/__sandbox/faults, /__sandbox/stats, /__sandbox/sale-orders`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  sandbox.stop().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
