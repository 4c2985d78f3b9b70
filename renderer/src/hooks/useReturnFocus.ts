import { useEffect, useRef, type RefObject } from 'react';

/**
 * For a button that opens something in its place (a confirmation, a small form): when that
 * closes again (Cancel), the focus goes back to the button, not to the top of the page.
 */
export function useReturnFocus(open: boolean): RefObject<HTMLButtonElement | null> {
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}
