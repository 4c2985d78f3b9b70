import type { CloudshelfIssue } from '../../api/schemas.js';
import { formatTime } from '../../format.js';

const shown = 20;

/** The count of open Cloudshelf issues, with the list one click away. */
export function CloudshelfIssuesSummary({ issues, error }: { issues: CloudshelfIssue[] | null; error: Error | null }) {
  return (
    <section aria-labelledby="cloudshelf-heading" className="cloudshelf-summary">
      <h2 id="cloudshelf-heading">Cloudshelf</h2>
      {error && !issues && <p className="text-bad">Could not read Cloudshelf issues: {error.message}</p>}
      {issues === null ? (
        !error && <p role="status">Loading…</p>
      ) : issues.length === 0 ? (
        <p><span aria-hidden="true">✓ </span>No open Cloudshelf issues.</p>
      ) : (
        <details>
          <summary>
            <strong>{issues.length}</strong> open Cloudshelf {issues.length === 1 ? 'issue' : 'issues'}: the kiosk catalogue may differ from Stok.ly. Show them
          </summary>
          <ul className="plain-list">
            {issues.slice(0, shown).map((i) => (
              <li key={i.id}>
                {i.sku && <span className="mono">{i.sku}: </span>}
                {i.message} <span className="subtle">(since {formatTime(new Date(i.firstSeenAt).toISOString())})</span>
              </li>
            ))}
          </ul>
          {issues.length > shown && <p className="subtle">…and {issues.length - shown} more.</p>}
        </details>
      )}
    </section>
  );
}
