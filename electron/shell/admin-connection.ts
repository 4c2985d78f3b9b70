import type { AdminConnectionState } from '../../shared/bridge-api.js';
import type { CoreState } from './core-supervisor.js';

/** What the window is told about the core: the admin URL and token only once it is ready. */
export function adminConnectionState(core: CoreState): AdminConnectionState {
  switch (core.kind) {
    case 'ready':
      return { state: 'ready', adminUrl: core.adminUrl, adminToken: core.adminToken };
    case 'starting':
      return { state: 'starting' };
    case 'restarting':
      return { state: 'failed', message: core.reason, retryAt: new Date(core.at).toISOString() };
    case 'stopping':
    case 'stopped':
      return { state: 'failed', message: 'Shelfbridge is shutting down.', retryAt: null };
    default: {
      const unreachable: never = core;
      return unreachable;
    }
  }
}
