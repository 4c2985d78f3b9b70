import type { Timers } from './core-supervisor.js';

/** Real timers behind the small interface the shell modules take (tests pass fakes). */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
