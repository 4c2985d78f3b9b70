import type { SyncIssue } from '../../cloudshelf/sync-issues-repo.js';
import type { RouteModule } from '../../http/typed-app.js';

/** Open Cloudshelf issues (refused updates, fields changed on Cloudshelf, a missing location). */
export function cloudshelfRoutes(openIssues: () => SyncIssue[]): RouteModule {
  return (app) => {
    app.get('/api/cloudshelf/issues', async () => ({ items: openIssues() }));
  };
}
