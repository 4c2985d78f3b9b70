import {
  reconciliationReportSchema, reconciliationVersionsSchema,
  type ReconciliationReport, type ReconciliationVersions,
} from '../../../shared/reconciliation.js';
import type { Transport } from './transport.js';

export interface LoadedReport {
  report: ReconciliationReport;
  /** Set when Stok.ly could not be read and the agent answered its latest stored version. */
  stale: string | null;
}

export interface ReconciliationApi {
  /** The day's report (the agent builds it now); the stored `version` when given. */
  report(day: string, version: number | null): Promise<LoadedReport>;
  versions(day: string): Promise<ReconciliationVersions>;
  csv(day: string, version: number | null): Promise<Blob>;
}

const versionQuery = (version: number | null): string => (version === null ? '' : `?version=${encodeURIComponent(String(version))}`);

export function reconciliationApi(t: Transport): ReconciliationApi {
  const base = (day: string): string => `/api/reconciliation/${encodeURIComponent(day)}`;
  return {
    report: async (day, version) => {
      const { data, header } = await t.getSlow(`${base(day)}${versionQuery(version)}`, reconciliationReportSchema, 'x-reconciliation-stale');
      return { report: data, stale: header };
    },
    versions: (day) => t.get(`${base(day)}/versions`, reconciliationVersionsSchema),
    csv: (day, version) => t.download(`${base(day)}.csv${versionQuery(version)}`),
  };
}
