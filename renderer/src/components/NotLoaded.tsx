/** In place of a list not fetched yet: "Loading…", or why it is not coming (never "Loading…" forever). */
export function NotLoaded({ error }: { error: Error | null }) {
  return <p role="status">{error ? `Not loaded: ${error.message}` : 'Loading…'}</p>;
}
