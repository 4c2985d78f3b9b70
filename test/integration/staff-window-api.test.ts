import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient, type AdminClient } from '../../renderer/src/api/admin-client.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';

/** The admin API as the staff window uses it, through the window's own client. */

let h: Harness;
afterEach(async () => h?.stop());

const windowClient = (): AdminClient =>
  createAdminClient({ adminUrl: h.agent.adminUrl, adminToken: h.agent.adminToken }, (url, init) => fetch(url, init));

describe('the window hears the agent (GET /api/events)', () => {
  it('hello on connect, "changed" when a sale is accepted, and the stream ends when the agent stops', async () => {
    h = await startHarness({ config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
    await h.agent.sync('catalog');
    const heard: string[] = [];
    const stop = new AbortController();
    const ended = windowClient().events((name) => heard.push(name), stop.signal);
    await waitFor(() => heard.includes('hello'), 5_000, 'hello');
    expect((await h.kiosk().postSale(h.sales().make({ lines: 1 }))).status).toBe(201);
    await waitFor(() => heard.includes('changed'), 5_000, 'changed after a sale');
    await h.agent.stop();
    await ended;
    stop.abort();
  });
});
