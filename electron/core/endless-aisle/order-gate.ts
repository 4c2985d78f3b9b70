/**
 * One at a time: a warehouse stock pull, or the creation (and recording) of a delivery order.
 * An order is then either wholly before a pull began (in its figure, settled) or wholly after it
 * (not in it, still pending), never in between — so `elsewhere` is exact, not merely cautious.
 */
export class OrderGate {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}
