import { Dashboard } from './components/Dashboard.js';
import { Notice } from './components/Notice.js';
import { formatTime } from './format.js';
import { useAdminConnection } from './hooks/useAdminConnection.js';

export function App() {
  const { view, forgetToken } = useAdminConnection();
  switch (view.kind) {
    case 'loading':
      return <Notice tone="info" title="Shelfbridge — store sync">Connecting to the agent…</Notice>;
    case 'waiting':
      return (
        <Notice tone="warn" title="The sync agent is not running">
          <p className="pre-line">{view.message}</p>
          {view.retryAt && <p>Next attempt: {formatTime(view.retryAt)}. Kiosks keep their sales and hand them over when it runs again.</p>}
        </Notice>
      );
    case 'no-token':
      return (
        <Notice tone="warn" title="Sign-in link needed">
          <p>Open this page with the link that includes the admin token (it ends in <code>#token=…</code>).</p>
          <p>IT finds the token in the agent&rsquo;s data folder, in the file <code>admin-token</code>.</p>
        </Notice>
      );
    case 'refused':
      return (
        <Notice tone="bad" title="The agent refused this sign-in link">
          <p>The admin token in the link is not the agent&rsquo;s: it was changed, or the agent was installed again.</p>
          <p>Open the window again from the agent (on the PC running it, the Shelfbridge icon or shortcut). If you use a bookmarked link, ask IT for the new one: it ends in <code>#token=…</code>.</p>
        </Notice>
      );
    case 'error':
      return <Notice tone="bad" title="Something is wrong with the app">{view.message}</Notice>;
    case 'connected':
      return <Dashboard connection={view.connection} inElectron={view.inElectron} onUnauthorized={forgetToken} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
