import { useEffect, type RefObject } from 'react';

/**
 * When the control holding the focus inside `container` disappears (a flag acknowledged out of
 * "Not looked at yet", a check's form replaced by who did it), the focus goes to the container
 * (give it tabIndex -1) instead of falling to the top of the page, so a keyboard user carries on
 * from where they were. A person who moved the focus to another control is left alone.
 */
export function useKeepFocusIn(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = container.current;
    if (!box) return;
    let last: Element | null = null;
    const focusLost = (): boolean => document.activeElement === null || document.activeElement === document.body;
    const onFocusIn = (e: FocusEvent): void => {
      last = e.target instanceof Element ? e.target : null;
    };
    const onFocusOut = (e: FocusEvent): void => {
      const left = e.target;
      // The person moved the focus to another control outside: not ours to bring back. (Into a
      // dialog, such as "Who is doing this?", or to nowhere, it is still ours.)
      window.setTimeout(() => {
        const now = document.activeElement;
        if (left === last && now && now !== document.body && !box.contains(now) && !now.closest('dialog[open]')) last = null;
      }, 0);
    };
    const observer = new MutationObserver(() => {
      if (last && !last.isConnected && focusLost()) {
        last = null;
        box.focus();
      }
    });
    box.addEventListener('focusin', onFocusIn);
    box.addEventListener('focusout', onFocusOut);
    observer.observe(box, { childList: true, subtree: true });
    return () => {
      box.removeEventListener('focusin', onFocusIn);
      box.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
    };
  }, [container]);
}
