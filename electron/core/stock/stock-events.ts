import type { EventHub } from '../kiosk/event-hub.js';
import type { AvailabilityService } from './availability.js';

/**
 * Remembers the availability last announced per SKU and announces only changes, so a pull of
 * 50,000 items sends events for the handful that moved.
 */
export class StockEvents {
  /** "available" or "available/elsewhere": an event when either changes. */
  private readonly announced = new Map<string, string>();
  private primed = false;

  constructor(
    private readonly availability: AvailabilityService,
    private readonly hub: EventHub,
    private readonly onChange: (skus: string[]) => void = () => {},
  ) {}

  /** Recompute the given SKUs (or all) and publish those whose availability changed. */
  refresh(skus?: readonly string[]): string[] {
    const items = skus ? this.availability.forSkus(skus) : this.availability.all();
    const changed: string[] = [];
    for (const a of items) {
      const before = this.announced.get(a.sku);
      const now = a.elsewhere ? `${a.available}/${a.elsewhere.available}` : String(a.available);
      this.announced.set(a.sku, now);
      if (before === now || (!this.primed && !skus)) continue;
      changed.push(a.sku);
      this.hub.publish({ event: 'stock', data: { sku: a.sku, available: a.available, ...(a.elsewhere ? { elsewhere: a.elsewhere.available } : {}) } });
    }
    if (!skus) this.primed = true;
    if (changed.length) this.onChange(changed);
    return changed;
  }
}
