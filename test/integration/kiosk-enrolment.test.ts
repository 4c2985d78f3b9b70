import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolledKioskSchema, kioskListSchema } from '../../shared/kiosks-admin.js';
import { storeFactsSchema } from '../../shared/window-api.js';
import { KioskClient } from '../../sim/kiosks/kiosk-client.js';
import { kioskToken, startHarness, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());

const admin = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${h.agent.adminUrl}${path}`, {
    ...init,
    headers: { authorization: 'Bearer admin-token-for-tests-0123456789', ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
const enrol = (id: string, name: string): Promise<Response> => admin('/api/kiosks', { method: 'POST', body: JSON.stringify({ id, name }) });
const list = async () => kioskListSchema.parse(await (await admin('/api/kiosks')).json()).items;
const kioskAs = (id: string, token: string): KioskClient => new KioskClient(h.agent.kioskUrl, id, token);

describe('kiosk enrolment from the admin API, without a restart', () => {
  it('enrol → the token works at once → listed → revoke → 401 at once', async () => {
    const res = await enrol('kiosk-07', 'Back wall');
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token } = enrolledKioskSchema.parse(await res.json());
    expect(token).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);

    const sale = h.sales('kiosk-07').make();
    expect((await kioskAs('kiosk-07', token).postSale(sale)).status).toBe(201);

    const listed = await list();
    const mine = listed.find((k) => k.id === 'kiosk-07');
    expect(mine).toMatchObject({ name: 'Back wall', source: 'enrolled', salesToday: 1 });
    expect(mine?.enrolledAt).not.toBeNull();
    expect(mine?.lastSeenAt).not.toBeNull();
    // The file's kiosks are listed too, and nothing secret is.
    expect(listed.map((k) => k.id)).toEqual(expect.arrayContaining(['kiosk-01', 'kiosk-02', 'kiosk-07']));
    const text = JSON.stringify(listed);
    expect(text).not.toContain(token);
    expect(text).not.toContain(createHash('sha256').update(token).digest('hex'));
    // The window's pickers (GET /api/store) know it too, after the file's kiosks.
    const storeKiosks = async () => storeFactsSchema.parse(await (await admin('/api/store')).json()).kiosks;
    expect((await storeKiosks()).map((k) => k.id)).toEqual(['kiosk-01', 'kiosk-02', 'kiosk-07']);
    expect((await storeKiosks()).at(-1)).toEqual({ id: 'kiosk-07', name: 'Back wall' });

    expect((await admin('/api/kiosks/kiosk-07', { method: 'DELETE' })).status).toBe(200);
    // Revoked, its sales stay in the history the pickers filter.
    expect((await storeKiosks()).map((k) => k.id)).toContain('kiosk-07');
    expect((await kioskAs('kiosk-07', token).postSale(h.sales('kiosk-07').make())).status).toBe(401);
    expect((await list()).some((k) => k.id === 'kiosk-07')).toBe(false);
  });

  it('keeps only the SHA-256 of the token, in the database, and the enrolment survives a restart', async () => {
    const { token } = enrolledKioskSchema.parse(await (await enrol('kiosk-08', 'Till side')).json());
    const row = dbQueries(h.agent.db).kiosk('kiosk-08')!;
    expect(row.tokenSha256).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    await h.restart();
    expect((await kioskAs('kiosk-08', token).postSale(h.sales('kiosk-08').make())).status).toBe(201);
    // The file's kiosks keep working beside enrolled ones.
    expect((await kioskAs('kiosk-01', kioskToken('kiosk-01')).postSale(h.sales('kiosk-01').make())).status).toBe(201);
  });

  it('refuses a second kiosk with an id in use, a revoke of a kiosk from the file, and an unknown id', async () => {
    await enrol('kiosk-09', 'Entrance');
    expect((await enrol('kiosk-09', 'Entrance again')).status).toBe(409);
    expect((await enrol('kiosk-01', 'Clash with the file')).status).toBe(409);
    const fromFile = await admin('/api/kiosks/kiosk-01', { method: 'DELETE' });
    expect(fromFile.status).toBe(409);
    expect(((await fromFile.json()) as { error: { code: string } }).error.code).toBe('kiosk_in_config');
    expect((await admin('/api/kiosks/nobody', { method: 'DELETE' })).status).toBe(404);
    expect((await enrol('bad id with spaces', 'x')).status).toBe(400);
  });

  it('a revoked kiosk can be enrolled again under a new token; the old one stays refused', async () => {
    const first = enrolledKioskSchema.parse(await (await enrol('kiosk-10', 'Pop-up')).json());
    await admin('/api/kiosks/kiosk-10', { method: 'DELETE' });
    const second = enrolledKioskSchema.parse(await (await enrol('kiosk-10', 'Pop-up')).json());
    expect(second.token).not.toBe(first.token);
    expect((await kioskAs('kiosk-10', first.token).postSale(h.sales('kiosk-10').make())).status).toBe(401);
    expect((await kioskAs('kiosk-10', second.token).postSale(h.sales('kiosk-10').make())).status).toBe(201);
  });

  it("revoking ends the kiosk's open event stream", async () => {
    const { token } = enrolledKioskSchema.parse(await (await enrol('kiosk-11', 'Screen')).json());
    const stream = await fetch(`${h.agent.kioskUrl}/v1/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await reader.read(); // the first status frame
    await admin('/api/kiosks/kiosk-11', { method: 'DELETE' });
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
  });

  it('needs the admin token', async () => {
    expect((await fetch(`${h.agent.adminUrl}/api/kiosks`)).status).toBe(401);
  });
});
