import type { Health } from '../../shared/kiosk-api.js';
import type { CoreState } from './core-supervisor.js';

export type TrayTone = 'ok' | 'degraded' | 'down' | 'starting';

/** Windows cuts tray tooltips at 127 characters. */
const maxTooltip = 127;

function age(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function clip(text: string): string {
  return text.length <= maxTooltip ? text : `${text.slice(0, maxTooltip - 1)}…`;
}

/** The tray's tooltip and icon colour: what a passer-by needs to know at a glance. */
export function trayView(core: CoreState, health: Health | null, now: number): { tooltip: string; tone: TrayTone } {
  switch (core.kind) {
    case 'starting':
      return { tooltip: 'Shelfbridge: starting the agent…', tone: 'starting' };
    case 'stopping':
    case 'stopped':
      return { tooltip: 'Shelfbridge: stopping', tone: 'down' };
    case 'restarting': {
      const firstLine = core.reason.split('\n')[0] ?? core.reason;
      const wait = Math.max(0, Math.ceil((core.at - now) / 1000));
      return { tooltip: clip(`Shelfbridge: NOT RUNNING, retry in ${age(wait)}. ${firstLine}`), tone: 'down' };
    }
    case 'ready': {
      if (!health) return { tooltip: 'Shelfbridge: running', tone: 'starting' };
      const { backlog } = health;
      const parts = [
        `Shelfbridge: ${health.status.toUpperCase()}`,
        health.online ? 'Stok.ly online' : 'Stok.ly OFFLINE',
        backlog.pending === 0 ? 'nothing waiting' : `${backlog.pending} waiting (oldest ${age(backlog.oldestPendingAgeSeconds)})`,
        `${backlog.exceptions} exception${backlog.exceptions === 1 ? '' : 's'}`,
      ];
      return { tooltip: clip(parts.join(' · ')), tone: health.status };
    }
    default: {
      const unreachable: never = core;
      return unreachable;
    }
  }
}
