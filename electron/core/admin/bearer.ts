import { timingSafeEqual } from 'node:crypto';

/** Whether an Authorization header carries exactly this bearer token (constant-time compare). */
export function bearerMatches(presented: string | undefined, expected: string): boolean {
  const match = /^Bearer (.+)$/i.exec(presented ?? '');
  if (!match?.[1]) return false;
  const a = Buffer.from(match[1]);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
