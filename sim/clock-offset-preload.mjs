/**
 * A clock jump for the agent process, faketime-like, without a line of it in the product:
 * `node --import ./sim/clock-offset-preload.mjs …` shifts Date.now() and `new Date()` by
 * SHELFBRIDGE_SIM_CLOCK_OFFSET_MS (negative: the clock is behind). `npm run chaos` starts
 * each agent process with the offset of its phase, so the agent's clock jumps between runs
 * as a machine's does when NTP corrects it. Timers (setTimeout) and performance.now() keep
 * real time, as they do under a real clock step. Plain JS: it loads before any TypeScript.
 */
const offset = Number(globalThis.process?.env?.SHELFBRIDGE_SIM_CLOCK_OFFSET_MS ?? 0);
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = globalThis.Date;
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + offset);
      else super(...args);
    }

    static now() {
      return realNow() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
