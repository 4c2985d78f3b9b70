import type { Clock } from '../clock.js';
import { scopedLogger } from '../logging/logger.js';
import type { StoklyClient } from '../stokly/client.js';
import { eq } from '../stokly/filter.js';
import { listEnvelope } from '../stokly/schemas.js';
import { z } from 'zod';

const logger = scopedLogger('connectivity');

const locationSchema = z.object({ locationId: z.string(), name: z.string().nullish() });

/**
 * When nothing else has talked to Stok.ly for a while, ask for the store's location: it tells
 * staff whether Stok.ly is reachable and IT whether the configured location exists.
 */
export class ConnectivityProbe {
  private timer: NodeJS.Timeout | null = null;
  private warnedMissingLocation = false;

  constructor(
    private readonly client: StoklyClient,
    private readonly locationId: string,
    private readonly clock: Clock,
    private readonly intervalMs = 60_000,
    /** While Stok.ly is down: ask this often, so the backlog goes within seconds of its return. */
    private readonly offlineIntervalMs = 5_000,
  ) {}

  start(): void {
    void this.probe();
    let sinceProbe = 0;
    this.timer = setInterval(() => {
      sinceProbe += this.offlineIntervalMs;
      const last = this.client.lastContact;
      const due = this.client.offline || last === null || this.clock.now() - last >= this.intervalMs;
      if (due && (this.client.offline || sinceProbe >= this.intervalMs)) {
        sinceProbe = 0;
        void this.probe();
      }
    }, this.offlineIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async probe(): Promise<void> {
    try {
      const res = await this.client.get('/v0/locations', listEnvelope(locationSchema.loose()), {
        filter: eq('locationId', this.locationId),
        query: { page: 0, size: 1 },
      });
      if (res.data.length === 0 && !this.warnedMissingLocation) {
        this.warnedMissingLocation = true;
        logger.error(`Stok.ly has no location ${this.locationId}: check stokly.locationId in the configuration`);
      }
    } catch (err) {
      logger.warn(`Stok.ly not reachable: ${(err as Error).message}`);
    }
  }
}
