export interface RequestLogEntry {
  method: string;
  path: string;
  /** Path and query string as sent (sandbox extension, for tests that check filters). */
  url: string;
  status: number | 'dropped';
  at: number;
}

/** API requests only (control routes are not logged), in the order they were answered. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  constructor(private readonly now: () => number) {}

  record(method: string, url: string, status: number | 'dropped'): void {
    const queryAt = url.indexOf('?');
    this.entries.push({ method, path: queryAt < 0 ? url : url.slice(0, queryAt), url, status, at: this.now() });
  }

  list(): ReadonlyArray<RequestLogEntry> {
    return [...this.entries];
  }

  summary(): { served: number; dropped: number; byStatus: Record<string, number> } {
    const byStatus: Record<string, number> = {};
    let dropped = 0;
    for (const entry of this.entries) {
      const key = String(entry.status);
      byStatus[key] = (byStatus[key] ?? 0) + 1;
      if (entry.status === 'dropped') dropped++;
    }
    return { served: this.entries.length - dropped, dropped, byStatus };
  }
}
