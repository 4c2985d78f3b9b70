/** Runs `task` once, `ms` after the last call; a call while it runs schedules one more run. */
export function debounced(ms: number, task: () => Promise<unknown>): { (): void; cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  const fire = (): void => {
    timer = null;
    void task();
  };
  const call = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, ms);
    timer.unref();
  };
  call.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}
