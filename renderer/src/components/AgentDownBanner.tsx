import { useAgentState } from '../data/agent-state.js';
import { useStoreFacts } from '../data/queries.js';
import { fetchedAt } from '../data/query-client.js';
import { formatClock, formatTime } from '../format.js';

/**
 * Full width, above everything, while the agent does not answer: what is happening, what it
 * means for the kiosks, and what to do, with the store's support contact.
 */
export function AgentDownBanner() {
  const { unreachable, asOf } = useAgentState();
  const store = useStoreFacts();
  if (!unreachable) return null;
  const contact = store.data?.supportContact ?? null;
  // After a reload while down, the contact is the one kept from the last answer: say from when.
  const contactAsOf = fetchedAt(store);
  return (
    <div className="agent-down" role="alert">
      <h2 className="agent-down-title">The sync agent is not answering</h2>
      <p>
        It restarts by itself, usually within a minute. The kiosks keep selling and keep their sales until it is back; nothing is lost.
        Buttons are off until then{asOf ? `, and the figures below are as of ${formatClock(asOf)}` : ''}.
      </p>
      <p>
        <strong>If this stays for more than 5 minutes:</strong> restart this PC.
        {' '}If it is still here after the restart, call {contact ? <strong>{contact}</strong> : 'IT'}
        {contact && contactAsOf && <span className="subtle"> (from the agent&rsquo;s settings as of {formatTime(contactAsOf.toISOString())})</span>}.
      </p>
    </div>
  );
}
