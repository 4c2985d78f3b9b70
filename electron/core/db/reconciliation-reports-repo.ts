import { createHash } from 'node:crypto';
import {
  reconciliationReportSchema, type ReconciliationReport, type ReconciliationStatus, type ReconciliationVersion,
} from '../../../shared/reconciliation.js';
import type { Db } from './connection.js';

/** A report as built, before it has a version. */
export type ReportContent = Omit<ReconciliationReport, 'version' | 'builtAt' | 'checkedAt'>;

interface Row {
  day: string;
  version: number;
  status: ReconciliationStatus;
  content_hash: string;
  report: string;
  built_at: number;
  checked_at: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Equal content, equal hash: objects are built in a fixed key order and lines are sorted. */
export function contentHash(content: ReportContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function fromRow(r: Row): ReconciliationReport {
  const stored = reconciliationReportSchema.parse(JSON.parse(r.report));
  return { ...stored, checkedAt: iso(r.checked_at) };
}

/** The versions of each day's report, in reconciliation_reports (migration 0050). */
export class ReportStore {
  constructor(private readonly db: Db) {}

  private latestRow(day: string): Row | undefined {
    return this.db.prepare<[string], Row>('SELECT * FROM reconciliation_reports WHERE day = ? ORDER BY version DESC LIMIT 1').get(day);
  }

  latest(day: string): ReconciliationReport | undefined {
    const r = this.latestRow(day);
    return r && fromRow(r);
  }

  version(day: string, version: number): ReconciliationReport | undefined {
    const r = this.db.prepare<[string, number], Row>('SELECT * FROM reconciliation_reports WHERE day = ? AND version = ?').get(day, version);
    return r && fromRow(r);
  }

  versions(day: string): ReconciliationVersion[] {
    return this.db.prepare<[string], Row>('SELECT * FROM reconciliation_reports WHERE day = ? ORDER BY version').all(day).map((r) => {
      const rep = fromRow(r);
      return {
        version: rep.version, status: rep.status, builtAt: rep.builtAt, checkedAt: rep.checkedAt,
        kioskNet: rep.totals.kiosk.net, stoklyNet: rep.totals.stokly.net, variance: rep.totals.variance, lines: rep.lines.length,
      };
    });
  }

  /**
   * Stores the build as a new version unless it equals the latest, whose check time then moves.
   * One transaction, so two builds cannot both take the same version number.
   */
  save(content: ReportContent, builtAt: number): { report: ReconciliationReport; created: boolean } {
    const hash = contentHash(content);
    return this.db.transaction(() => {
      const latest = this.latestRow(content.day);
      if (latest && latest.content_hash === hash) {
        const checkedAt = Math.max(latest.checked_at, builtAt);
        this.db.prepare('UPDATE reconciliation_reports SET checked_at = ? WHERE day = ? AND version = ?').run(checkedAt, latest.day, latest.version);
        return { report: fromRow({ ...latest, checked_at: checkedAt }), created: false };
      }
      const report: ReconciliationReport = { ...content, version: (latest?.version ?? 0) + 1, builtAt: iso(builtAt), checkedAt: iso(builtAt) };
      this.db.prepare(
        `INSERT INTO reconciliation_reports (day, version, status, content_hash, report, built_at, checked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(report.day, report.version, report.status, hash, JSON.stringify(report), builtAt, builtAt);
      return { report, created: true };
    }).immediate();
  }

  /** Each day's latest version: status and last check, for the schedule. */
  latestByDay(): Map<string, { status: ReconciliationStatus; checkedAt: number }> {
    const rows = this.db.prepare<[], { day: string; status: ReconciliationStatus; checked_at: number }>(
      `SELECT r.day, r.status, r.checked_at FROM reconciliation_reports r
        WHERE r.version = (SELECT MAX(x.version) FROM reconciliation_reports x WHERE x.day = r.day)`,
    ).all();
    return new Map(rows.map((r) => [r.day, { status: r.status, checkedAt: r.checked_at }]));
  }
}
