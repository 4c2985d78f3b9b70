import type { ExceptionDetail } from '../../api/exceptions-api.js';
import { auditActionWord } from '../../../../shared/words/audit-actions.js';
import { describeChange } from '../../audit-format.js';
import { formatTime } from '../../format.js';

/** Everything people and the agent did to this sale or refund, oldest first. */
export function AuditHistory({ entries }: { entries: ExceptionDetail['audit'] }) {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  return (
    <section aria-labelledby="audit-heading">
      <h3 id="audit-heading">History</h3>
      {sorted.length === 0 ? <p className="subtle">Nobody has acted on it yet.</p> : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">What was done, oldest first</caption>
            <thead>
              <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Details</th></tr>
            </thead>
            <tbody>
              {sorted.map((e) => {
                const change = describeChange(e.before, e.after);
                return (
                  <tr key={e.id}>
                    <td className="nowrap">{formatTime(e.at)}</td>
                    <td>{e.actor}</td>
                    <td>{auditActionWord(e.action)}</td>
                    <td>
                      {e.detail && <p className="cell-line">{e.detail}</p>}
                      {change && <p className="cell-line subtle">{change}</p>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
