import schedule from 'node-schedule';
import { scopedLogger } from './logging/logger.js';

const logger = scopedLogger('schedule');

interface Job {
  run: () => Promise<void>;
  running: Promise<void> | null;
  /** The run queued behind the current one; callers asking during a run wait for it. */
  queued: Promise<void> | null;
  cancel: () => void;
}

/**
 * Named recurring jobs: a plain interval in seconds (the next run starts that long after the
 * previous one ends, so runs never overlap) or a cron expression run by node-schedule.
 * `runNow` coalesces: asked while running, it runs once more afterwards.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private stopped = false;

  every(name: string, spec: number | string, task: () => Promise<unknown>, options: { runAtStart?: boolean } = {}): void {
    const job: Job = { run: async () => {}, running: null, queued: null, cancel: () => {} };
    let timer: NodeJS.Timeout | null = null;
    const arm = (): void => {
      if (this.stopped || typeof spec !== 'number') return;
      timer = setTimeout(() => void job.run(), spec * 1000);
      timer.unref();
    };
    job.run = async () => {
      if (this.stopped) return;
      if (job.running) {
        // A run already started may have read its data before the caller's change: run once more after it.
        job.queued ??= job.running.then(() => {
          job.queued = null;
          return job.run();
        });
        return job.queued;
      }
      if (timer) clearTimeout(timer);
      job.running = (async () => {
        try {
          await task();
        } catch (err) {
          logger.warn(`${name} failed: ${(err as Error).message}`);
        }
      })();
      await job.running;
      job.running = null;
      if (!job.queued) arm();
    };
    if (typeof spec === 'string') {
      const cron = schedule.scheduleJob(spec, () => void job.run());
      if (!cron) throw new Error(`${name}: "${spec}" is not a valid cron expression`);
      job.cancel = () => cron.cancel();
    } else {
      job.cancel = () => {
        if (timer) clearTimeout(timer);
      };
    }
    this.jobs.set(name, job);
    if (options.runAtStart ?? true) void job.run();
    else arm();
  }

  runNow(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) return Promise.reject(new Error(`no job named ${name}`));
    return job.run();
  }

  /** Cancels every schedule; waits up to `graceMs` for runs in progress (a pull may be mid-page). */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.values()) job.cancel();
    const running = Promise.allSettled([...this.jobs.values()].map((j) => j.running));
    await Promise.race([running, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }
}
