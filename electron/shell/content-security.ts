/**
 * The Content-Security-Policy the shell adds as a header to every response the staff window
 * loads (the built page also carries it as a <meta>, see vite.config.ts; a header can also
 * forbid framing): scripts and connections only from the agent itself, no plugins, no framing, no
 * <base> tricks. React sets styles through the DOM, which CSP does not block, so no inline
 * script or style is allowed. QR codes are data: images.
 */
export const staffWindowCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The response headers with the policy set (replacing any the server sent, whatever its case). */
export function withStaffWindowCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...kept, 'Content-Security-Policy': [staffWindowCsp] };
}
