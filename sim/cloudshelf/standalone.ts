import { CloudshelfSandbox } from './sandbox.js';

/**
 * Run the Cloudshelf sandbox on its own: `npx tsx sim/cloudshelf/standalone.ts`.
 * Environment: CLOUDSHELF_SANDBOX_HOST (127.0.0.1), CLOUDSHELF_SANDBOX_PORT (4790),
 * CLOUDSHELF_SANDBOX_API_KEY (cloudshelf-sandbox-key), CLOUDSHELF_SANDBOX_SAFETY_STOCK (0).
 */

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

const sandbox = await CloudshelfSandbox.start({
  host: process.env.CLOUDSHELF_SANDBOX_HOST ?? '127.0.0.1',
  port: intFromEnv('CLOUDSHELF_SANDBOX_PORT', 4790),
  apiKey: process.env.CLOUDSHELF_SANDBOX_API_KEY ?? undefined,
  safetyStock: intFromEnv('CLOUDSHELF_SANDBOX_SAFETY_STOCK', 0),
});

process.stdout.write(`Cloudshelf sandbox: ${sandbox.url} (Authorization: token ${sandbox.apiKey}); control routes under ${sandbox.baseUrl}/__sandbox/\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.stop().then(() => process.exit(0));
  });
}
