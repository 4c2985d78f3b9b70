import { useState } from 'react';
import { ExceptionDetailView } from './ExceptionDetailView.js';
import { NeedsAttentionList } from './NeedsAttentionList.js';

/** The list of open items, or one item when its id is in the address. */
export function AttentionView({ exceptionId, onOpen }: {
  exceptionId: number | null;
  onOpen(id: number | null): void;
}) {
  // Back on the list, focus returns to the item that was open.
  const [lastOpened, setLastOpened] = useState<number | null>(null);
  if (exceptionId !== null) {
    return (
      <ExceptionDetailView
        key={exceptionId}
        id={exceptionId}
        onBack={() => {
          setLastOpened(exceptionId);
          onOpen(null);
        }}
      />
    );
  }
  return <NeedsAttentionList focusId={lastOpened} />;
}
