import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliverySchema, maskDelivery } from '../../shared/delivery.js';
import { saleSchema } from '../../shared/kiosk-api.js';
import { customerBarcode, customerKeyFrom } from '../../electron/core/endless-aisle/customer-key.js';
import { loadDataKey } from '../../electron/core/privacy/data-key.js';
import { newDataKey, open, seal } from '../../electron/core/privacy/sealing.js';
import { redactPersonal } from '../../electron/core/privacy/redact-personal.js';
import { personName } from '../../electron/core/stokly/customer-mapping.js';

const delivery = { name: 'A. Buyer', line1: '1 High St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' };

describe('delivery details', () => {
  it('are validated: required fields, ISO 3166-1 alpha-2 country, no control or bidi characters', () => {
    expect(deliverySchema.safeParse(delivery).success).toBe(true);
    for (const bad of [
      { ...delivery, name: undefined }, { ...delivery, line1: '' }, { ...delivery, city: ' ' }, { ...delivery, postcode: undefined },
      { ...delivery, country: 'UK' }, { ...delivery, country: 'GBR' }, { ...delivery, country: 'ZZ' },
      { ...delivery, line2: 'a\u0007b' }, { ...delivery, region: 'West \u2067Yorkshire' }, { ...delivery, extra: 1 },
    ]) expect(deliverySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    const sale = { saleId: 's', kioskId: 'k', occurredAt: '2026-11-26T10:15:00+00:00', currency: 'GBP', payments: [],
      lines: [{ sku: 'A', quantity: 1, unitPrice: 1, tax: 0, fulfilment: 'ship' }] };
    expect(saleSchema.safeParse({ ...sale, delivery }).success).toBe(true);
    expect(saleSchema.safeParse(sale).success).toBe(true); // accepted without: flagged, not refused
  });

  it('are masked for the staff window', () => {
    expect(maskDelivery(delivery)).toBe('A. B\u2022\u2022\u2022\u2022, LS1 \u2022\u2022\u2022');
    expect(maskDelivery({ name: 'Cher', postcode: 'SW1A2AA' })).toBe('C\u2022\u2022\u2022\u2022, SW1A \u2022\u2022\u2022');
    expect(maskDelivery({ name: 'Alexandra Bramwell-Quist', postcode: 'LS1 7QX' })).toBe('A. B\u2022\u2022\u2022\u2022, LS1 \u2022\u2022\u2022');
  });

  it('split a name into forename and surname for Stok.ly', () => {
    expect(personName(' Anne  Marie Buyer ')).toEqual({ forename: 'Anne Marie', surname: 'Buyer' });
    expect(personName('Cher')).toEqual({ forename: '', surname: 'Cher' });
  });
});

describe('customer key', () => {
  const key = customerKeyFrom('secret');
  it('is the same for an email in another case and spacing, and differs per key', () => {
    const a = customerBarcode(key, { customer: { email: 'A.Buyer@Example.com' } });
    expect(customerBarcode(key, { customer: { email: ' a.buyer@example.COM ' } })).toBe(a);
    expect(customerBarcode(key, { delivery: { ...delivery, email: 'a.buyer@example.com' } })).toBe(a);
    expect(customerBarcode(customerKeyFrom('other'), { customer: { email: 'a.buyer@example.com' } })).not.toBe(a);
    expect(a).not.toContain('buyer');
  });
  it('uses name and postcode when there is no email, and nothing when neither', () => {
    expect(customerBarcode(key, { delivery })).toBe(customerBarcode(key, { delivery: { ...delivery, name: 'a.  buyer', postcode: 'ls11aa' } }));
    expect(customerBarcode(key, { customer: { name: 'A. Buyer' } })).toBeNull();
  });
});

describe('an error that quotes personal data', () => {
  it('has the sale\'s customer and delivery values taken out before it is kept, shown or logged', () => {
    const data = { customer: { email: 'a.buyer@example.com', name: 'A. Buyer' }, delivery: { ...delivery, line2: 'Flat (2)+', phone: '+44 113 000 0000' } };
    const message = 'Stok.ly answered 422 to POST /v0/customers: shipping.address.postcode "ls1 1aa" is not valid for A. Buyer, 1 High St, Flat (2)+ (a.buyer@example.com, +44 113 000 0000) in GB';
    const redacted = redactPersonal(message, data);
    for (const value of ['ls1 1aa', 'A. Buyer', '1 High St', 'Flat (2)+', 'a.buyer@example.com', '+44 113 000 0000']) expect(redacted).not.toContain(value);
    // What tells staff what went wrong stays.
    expect(redacted).toContain('Stok.ly answered 422 to POST /v0/customers: shipping.address.postcode');
    expect(redactPersonal('nothing personal here', data)).toBe('nothing personal here');
  });
});

describe('sealing', () => {
  it('AES-256-GCM: opens with its key and sale id only; altered bytes do not open', () => {
    const k = newDataKey();
    const sealed = seal(k, 'LS1 1AA', 'sale-1');
    expect(sealed.includes(Buffer.from('LS1'))).toBe(false);
    expect(open(k, sealed, 'sale-1')).toBe('LS1 1AA');
    expect(open(k, sealed, 'sale-2')).toBeNull();
    expect(open(newDataKey(), sealed, 'sale-1')).toBeNull();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(open(k, altered, 'sale-1')).toBeNull();
  });

  it('headless key file: created 0600 on first run, reused, replaced with a warning when damaged', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-key-')), 'keys', 'personal-data.key');
    const first = loadDataKey({ keyFile: file });
    expect(first.warning).toBeNull();
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDataKey({ keyFile: file }).key.id).toBe(first.key.id);
    writeFileSync(file, 'not a key');
    const replaced = loadDataKey({ keyFile: file });
    expect(replaced.warning).toMatch(/must be entered again/);
    expect(replaced.key.id).not.toBe(first.key.id);
    expect(readFileSync(file, 'utf8').trim()).toBe(replaced.key.key.toString('base64'));
    const fromShell = loadDataKey({ keyFile: file, fromShell: first.key.key.toString('base64') });
    expect(fromShell.key.id).toBe(first.key.id);
    if (process.platform !== 'win32') expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
  });

  it('a damaged key from the shell falls back to the stable key file, never a new key each run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-key-')), 'keys', 'personal-data.key');
    const fileKey = loadDataKey({ keyFile: file }).key;
    const bad = loadDataKey({ keyFile: file, fromShell: 'c2hvcnQ=' });
    expect(bad.key.id).toBe(fileKey.id);
    expect(bad.warning).toMatch(/OS secret store .* key file/);
  });
});
