/**
 * Gives the focus back to the control a person acted from, once the window has drawn the result:
 * a submit button is disabled while its request is out (and a dialog closing hands the focus to
 * it while it is), so the focus would otherwise fall to the page and a keyboard user would start
 * again from the top. Only when nothing else has taken the focus meanwhile.
 */
export function returnFocusLater(to: Element | null): void {
  if (!(to instanceof HTMLElement)) return;
  let tries = 0;
  const attempt = (): void => {
    const now = document.activeElement;
    if (!to.isConnected || (now !== null && now !== document.body && now !== to) || tries++ > 10) return;
    to.focus();
    if (document.activeElement !== to) window.setTimeout(attempt, 30);
  };
  window.setTimeout(attempt, 0);
}
