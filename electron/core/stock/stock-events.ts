import type { EventHub } from '../kiosk/event-hub.js';
import type { Availability } from '../catalog/types.js';
import type { AvailabilityService } from './availability.js';

const ALL_PAGE_SIZE = 1_000;

/**
 * Remembers the availability last announced per SKU and announces only changes, so a pull of
 * 50,000 items sends events for the handful that moved.
 */
export class StockEvents {
  /** The figure announced per SKU ("available/elsewhere" with endless aisle): an event when it changes. */
  private readonly announced = new Map<string, number | string>();
  private primed = false;

  constructor(
    private readonly availability: AvailabilityService,
    private readonly hub: EventHub,
    private readonly onChange: (skus: string[]) => void = () => {},
  ) {}

  /** Recompute the given SKUs (or all, a page at a time) and publish those whose availability changed. */
  refresh(skus?: readonly string[]): string[] {
    const changed: string[] = [];
    if (skus) this.compare(this.availability.forSkus(skus), changed, true);
    else {
      // Page by page: a 50,000-item shop never holds every figure as objects at once.
      let cursor: string | null = null;
      do {
        const page = this.availability.page(cursor, ALL_PAGE_SIZE);
        this.compare(page.items, changed, this.primed);
        cursor = page.nextCursor;
      } while (cursor !== null);
      this.primed = true;
    }
    if (changed.length) this.onChange(changed);
    return changed;
  }

  private compare(items: readonly Availability[], changed: string[], announce: boolean): void {
    for (const a of items) {
      const before = this.announced.get(a.sku);
      const now = a.elsewhere ? `${a.available}/${a.elsewhere.available}` : a.available;
      this.announced.set(a.sku, now);
      if (before === now || !announce) continue;
      changed.push(a.sku);
      this.hub.publish({ event: 'stock', data: { sku: a.sku, available: a.available, ...(a.elsewhere ? { elsewhere: a.elsewhere.available } : {}) } });
    }
  }
}
