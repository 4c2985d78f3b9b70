import type { AlertRow } from '../db/alerts-repo.js';
import type { AlertEvent } from '../db/alert-deliveries-repo.js';

export type WebhookFormat = 'json' | 'slack' | 'teams';

/**
 * The message body for one alert event. json: Shelfbridge's own document, with a Slack-style
 * `text` so simple receivers show something; slack: only `text` (Slack incoming webhooks);
 * teams: an Adaptive Card message (Teams Workflows "when a webhook request is received").
 * `id` is the same on every retry of one message, so a receiver can drop a repeat.
 */
export function webhookMessage(format: WebhookFormat, storeId: string, alert: AlertRow, event: AlertEvent, resolvedText: string): unknown {
  const title = event === 'opened' ? `Store ${storeId}: ${alert.title}` : `Store ${storeId}: back to normal (${alert.title})`;
  const body = event === 'opened' ? alert.body : resolvedText;
  const text = `${event === 'opened' ? ':warning:' : ':white_check_mark:'} ${title}. ${body}`;
  switch (format) {
    case 'slack':
      return { text };
    case 'teams':
      return {
        type: 'message',
        attachments: [{
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true, color: event === 'opened' ? 'Attention' : 'Good' },
              { type: 'TextBlock', text: body, wrap: true },
            ],
          },
        }],
      };
    case 'json':
      return {
        id: `${storeId}/alert-${alert.id}/${event}`,
        text,
        store: storeId,
        event,
        alert: {
          id: alert.id, key: alert.key, title: alert.title, body: alert.body,
          openedAt: new Date(alert.openedAt).toISOString(),
          resolvedAt: alert.resolvedAt === null ? null : new Date(alert.resolvedAt).toISOString(),
        },
        ...(event === 'resolved' ? { resolution: resolvedText } : {}),
      };
  }
}
