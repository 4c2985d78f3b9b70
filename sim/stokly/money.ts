/**
 * Currency checks for the sandbox. Written independently of the agent's shared/money.ts on
 * purpose: the yardstick must not share a bug with what it measures.
 */

export function isSupportedCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** Minor-unit digits of a currency (GBP 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Decimal places of a number as JSON wrote it (JS prints the shortest round-tripping form). */
export function decimalPlaces(value: number): number {
  const text = String(Math.abs(value));
  const [mantissa = '', exponentText] = text.split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  return Math.max(0, fraction.length - exponent);
}

export function fitsMinorUnits(value: number, currency: string): boolean {
  return Number.isFinite(value) && decimalPlaces(value) <= minorDigits(currency);
}
