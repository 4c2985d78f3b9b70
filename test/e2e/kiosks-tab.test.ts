import { describe, expect, it } from 'vitest';
import { KioskClient } from '../../sim/kiosks/kiosk-client.js';
import { hasChromium, useStaffWindow } from './window-fixture.js';

/** The Kiosks tab in Chromium: enrol (token shown once, copy, QR code), the token works, revoke with confirmation. */
describe.skipIf(!hasChromium)('Kiosks tab (Chromium, built UI, real agent)', () => {
  const w = useStaffWindow({ pagePerTest: false, permissions: ['clipboard-read', 'clipboard-write'] });

  const saleFrom20 = () => ({ ...w.ui.sales().make(), kioskId: 'kiosk-20' });

  it('enrols a kiosk whose token works at once, then revokes it after a confirmation', async () => {
    await w.page.goto(`${w.ui.agent.adminUrl}/#token=${encodeURIComponent(w.ui.agent.adminToken)}`);
    await w.page.getByRole('tab', { name: 'Kiosks' }).click();
    // The file's kiosks are listed, not revocable here.
    await w.page.getByRole('row', { name: /kiosk-01/ }).getByText('In the configuration file').waitFor();

    await w.page.getByLabel(/Kiosk id/).fill('kiosk-20');
    await w.page.getByLabel(/Name staff recognise/).fill('Entrance');
    await w.page.getByRole('button', { name: 'Enrol kiosk' }).click();
    await w.page.getByRole('heading', { name: /Kiosk kiosk-20 \(Entrance\) is enrolled/ }).waitFor();
    const token = await w.page.getByLabel('Token', { exact: true }).inputValue();
    expect(token).toMatch(/^sbk_/);
    await w.page.getByRole('img', { name: /QR code of the token for kiosk kiosk-20/ }).waitFor();
    await w.page.getByRole('button', { name: 'Copy token' }).click();
    await w.page.getByText('Copied.').waitFor();
    // A string: this file is compiled without the DOM library.
    expect(await w.page.evaluate('navigator.clipboard.readText()')).toBe(token);

    const kiosk = new KioskClient(w.ui.agent.kioskUrl, 'kiosk-20', token);
    expect((await kiosk.postSale(saleFrom20())).status).toBe(201);

    await w.page.getByRole('button', { name: /Done/ }).click();
    // Gone from the screen once dismissed: it is never shown again.
    expect(await w.page.getByText(token).count()).toBe(0);
    const row = w.page.getByRole('row', { name: /kiosk-20/ });
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByText('Revoke Entrance? It can no longer send sales').waitFor();
    await row.getByRole('button', { name: 'Cancel' }).click();
    expect((await kiosk.postSale(saleFrom20())).status).toBe(201);
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await w.page.getByRole('row', { name: /kiosk-20/ }).waitFor({ state: 'detached' });
    expect((await kiosk.postSale(saleFrom20())).status).toBe(401);
    expect(w.problems).toEqual([]);
  });
});
