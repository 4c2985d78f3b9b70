import { z } from 'zod';
import { alertListSchema, type AlertItem, type AlertList } from '../../../shared/alerts-api.js';
import type { AlertDeliveriesRepo, DeliveryRow } from '../db/alert-deliveries-repo.js';
import type { AlertsRepo } from '../db/alerts-repo.js';
import { errorResponses } from '../http/contract.js';
import type { RouteModule } from '../http/typed-app.js';

const iso = (ms: number): string => new Date(ms).toISOString();

function state(row: DeliveryRow | undefined): AlertItem['webhook']['opened'] {
  if (!row) return 'not_sent';
  return row.deliveredAt === null ? 'waiting' : 'delivered';
}

/** The alert history with each alert's webhook messages. */
export function alertList(alerts: AlertsRepo, deliveries: AlertDeliveriesRepo, options: { webhookConfigured: boolean; limit: number }): AlertList {
  const { webhookConfigured, limit } = options;
  const rows = alerts.recent(limit);
  const sent = deliveries.forAlerts(rows.map((r) => r.id));
  return {
    webhookConfigured,
    alerts: rows.map((a) => {
      const mine = sent.filter((d) => d.alertId === a.id);
      const opened = mine.find((d) => d.event === 'opened');
      const resolved = mine.find((d) => d.event === 'resolved');
      return {
        id: a.id, key: a.key, title: a.title, body: a.body, openedAt: iso(a.openedAt), resolvedAt: a.resolvedAt === null ? null : iso(a.resolvedAt),
        webhook: { opened: state(opened), resolved: state(resolved), lastError: (resolved ?? opened)?.lastError ?? null },
      };
    }),
  };
}

export function alertRoutes(list: (limit: number) => AlertList): RouteModule {
  return (app) => {
    app.get('/api/alerts', {
      schema: { querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }), response: { 200: alertListSchema, ...errorResponses(400, 401, 500) } },
    }, async (request) => list(request.query.limit));
  };
}
