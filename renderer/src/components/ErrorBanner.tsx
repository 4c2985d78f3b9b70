import { useAgentState } from '../data/agent-state.js';

/** One request's failure; while the agent does not answer at all, the banner at the top says it once. */
export function ErrorBanner({ message, lastUpdated }: { message: string; lastUpdated: Date | null }) {
  const { unreachable } = useAgentState();
  if (unreachable) return null;
  return (
    <div className="error-banner" role="alert">
      <strong>Problem: </strong>
      {message}
      {lastUpdated && <span> Figures below are from {lastUpdated.toLocaleTimeString()}.</span>}
    </div>
  );
}
