/**
 * Money is held in integer minor units everywhere inside Shelfbridge. Decimals exist only at
 * the Stok.ly and Cloudshelf boundary, and are converted here, exactly.
 */

const exponentCache = new Map<string, number>();

/** Number of minor-unit digits of an ISO 4217 currency (GBP 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  const cached = exponentCache.get(currency);
  if (cached !== undefined) return cached;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const exponent = digits ?? 2;
  exponentCache.set(currency, exponent);
  return exponent;
}

let knownCurrencies: ReadonlySet<string> | null = null;

/** ISO 4217 codes this runtime knows; the list is built once (every sale is checked against it). */
export function isKnownCurrency(currency: string): boolean {
  if (!/^[A-Z]{3}$/.test(currency)) return false;
  try {
    knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return false;
  }
  return knownCurrencies.has(currency);
}

/**
 * Minor units → the decimal number a JSON API expects. IEEE division is correctly rounded, so
 * the result is the double nearest the exact decimal and serialises as that decimal.
 */
export function minorToMajor(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${minor} is not an integer of minor units`);
  return minor / 10 ** currencyExponent(currency);
}

export class MoneyPrecisionError extends Error {
  constructor(readonly value: number, readonly currency: string) {
    super(`${value} ${currency} has more decimal places than ${currency} allows`);
    this.name = 'MoneyPrecisionError';
  }
}

/** A decimal from an API → minor units; refuses values that are not whole minor units. */
export function majorToMinor(major: number, currency: string): number {
  if (!Number.isFinite(major)) throw new RangeError(`amount ${major} is not a finite number`);
  const scaled = major * 10 ** currencyExponent(currency);
  const minor = Math.round(scaled);
  // A decimal with at most `exponent` places lands within float noise of an integer.
  if (Math.abs(scaled - minor) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    throw new MoneyPrecisionError(major, currency);
  }
  return minor === 0 ? 0 : minor; // no negative zero
}

/** For people: 1250 GBP → "£12.50". */
export function formatMoney(minor: number, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minorToMajor(minor, currency));
}
