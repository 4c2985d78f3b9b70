import { alertListSchema, type AlertList } from '../../../shared/alerts-api.js';
import type { Transport } from './transport.js';

export interface AlertsApi {
  /** The newest alerts first, open or resolved, with what became of their webhook messages. */
  alerts(limit: number): Promise<AlertList>;
  /** The support bundle zip for IT (no secret, token or customer datum inside). */
  supportBundle(): Promise<Blob>;
}

export function alertsApi(t: Transport): AlertsApi {
  return {
    alerts: (limit) => t.get(`/api/alerts?limit=${limit}`, alertListSchema),
    supportBundle: () => t.download('/api/support-bundle'),
  };
}
