import { useState } from 'react';
import type { AdminClient } from '../../api/admin-client.js';
import { ExceptionDetailView } from './ExceptionDetailView.js';
import { NeedsAttentionList } from './NeedsAttentionList.js';

/** The list of open items, or one item when its id is in the address. */
export function AttentionView({ client, exceptionId, onOpen, onChanged }: {
  client: AdminClient;
  exceptionId: number | null;
  onOpen(id: number | null): void;
  onChanged(): void;
}) {
  // Back on the list, focus returns to the item that was open.
  const [lastOpened, setLastOpened] = useState<number | null>(null);
  if (exceptionId !== null) {
    return (
      <ExceptionDetailView
        key={exceptionId}
        client={client}
        id={exceptionId}
        onBack={() => {
          setLastOpened(exceptionId);
          onOpen(null);
        }}
        onChanged={onChanged}
      />
    );
  }
  return <NeedsAttentionList client={client} focusId={lastOpened} />;
}
