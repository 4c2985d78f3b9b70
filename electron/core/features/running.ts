/** The features started so far, stopped last-started-first (on stop, or when a later one fails to start). */
export class RunningFeatures {
  private readonly stops: Array<() => unknown> = [];

  add<F extends { stop(): unknown }>(feature: F): F {
    this.stops.push(() => feature.stop());
    return feature;
  }

  async stopAll(): Promise<void> {
    while (this.stops.length) await this.stops.pop()?.();
  }
}
