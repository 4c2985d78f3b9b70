const REMOVED = '[removed]';
/** Keys whose values are credentials or carry one (a webhook URL is its own secret). */
const SECRET_KEY = /secret|token|password|apikey|api_key|accountkey|credential|^url$/i;

/** The configuration with every secret and token replaced, for a support bundle. */
export function redactConfig(value: unknown, key = ''): unknown {
  if (key && SECRET_KEY.test(key)) return REMOVED;
  if (Array.isArray(value)) return value.map((v) => redactConfig(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactConfig(v, k)]));
  }
  return value;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/** Log text with known secret values, bearer tokens and e-mail addresses taken out. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join(REMOVED);
  return out.replace(BEARER, `$1${REMOVED}`).replace(EMAIL, '[email removed]');
}

/** Every string value found under a secret key of the configuration (to scrub them from logs). */
export function secretValues(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key && SECRET_KEY.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => secretValues(v, key));
  if (value && typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => secretValues(v, k));
  return [];
}
