/** Epoch milliseconds → ISO 8601, or null: how every API shows an optional time. */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
