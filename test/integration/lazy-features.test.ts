import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

/** Which optional feature modules the agent has imported in this test file's process. */
const loaded = vi.hoisted(() => new Set<string>());

vi.mock('../../electron/core/cloudshelf/feature.js', async (importOriginal) => {
  loaded.add('cloudshelf');
  return importOriginal();
});
vi.mock('../../electron/core/reconcile/feature.js', async (importOriginal) => {
  loaded.add('reconciliation');
  return importOriginal();
});
vi.mock('../../electron/core/month-end/index.js', async (importOriginal) => {
  loaded.add('month-end');
  return importOriginal();
});

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

// In this order: a module once imported stays imported for the rest of the file.
describe('optional features are loaded only when the store has them', () => {
  it('a store without Cloudshelf and with reconciliation off loads neither, and serves none of their routes', async () => {
    h = await startHarness({ config: { reconciliation: { enabled: false } } });
    expect([...loaded]).toEqual([]);
    expect(h.agent.reconciler).toBeNull();
    const res = await fetch(`${h.agent.adminUrl}/api/reconciliation/2026-01-05`, { headers: { authorization: `Bearer ${h.agent.adminToken}` } });
    expect(res.status).toBe(404);
    const sync = await fetch(`${h.agent.adminUrl}/api/sync/cloudshelf`, { method: 'POST', headers: { authorization: `Bearer ${h.agent.adminToken}` } });
    expect(sync.status).toBe(409);
  });

  it('a store with both loads both (the mocks above do see an import)', async () => {
    h = await startHarness({ cloudshelf: true });
    expect([...loaded].sort()).toEqual(['cloudshelf', 'month-end', 'reconciliation']);
    expect(h.agent.reconciler).not.toBeNull();
  });
});
