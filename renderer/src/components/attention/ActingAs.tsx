import { useActor } from '../../hooks/useActor.js';

/** Whose name goes into the history; another person can take over. */
export function ActingAs() {
  const { name, change } = useActor();
  if (!name) return <p className="subtle">You will be asked for your name the first time you act.</p>;
  return (
    <p className="subtle">
      Recorded as <strong>{name}</strong>.{' '}
      <button type="button" className="button-link" onClick={change}>Not you? Change name</button>
    </p>
  );
}
