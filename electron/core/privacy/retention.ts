import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import { scrubBackupFile, type PersonalDataRepo } from '../db/personal-data-repo.js';
import { scopedLogger } from '../logging/logger.js';

const logger = scopedLogger('privacy');
const DAY_MS = 86_400_000;

/**
 * Customer and delivery details are kept only while needed: `retentionDays` after the order is
 * confirmed in Stok.ly (0: at once), then erased from the row — the sale and its money stay. The
 * freed bytes are zeroed, the WAL emptied, and backup copies scrubbed, so no old copy outlives it.
 */
export class Retention {
  constructor(private readonly deps: {
    repo: PersonalDataRepo;
    clock: Clock;
    retentionDays: number;
    backupDir: string;
  }) {}

  eraseDue(): number {
    const { repo, clock } = this.deps;
    const cutoff = clock.now() - this.deps.retentionDays * DAY_MS;
    let erased = 0;
    for (let batch = repo.erasable(cutoff); batch.length > 0; batch = repo.erasable(cutoff)) {
      erased += repo.erase(batch, clock.now());
    }
    if (erased === 0) return 0;
    repo.scrubFiles();
    const scrubbed = this.scrubBackups();
    logger.info(`erased the customer and delivery details of ${erased} sale(s) past retention${scrubbed ? `; ${scrubbed} backup row(s) scrubbed` : ''}`);
    return erased;
  }

  private scrubBackups(): number {
    if (!existsSync(this.deps.backupDir)) return 0;
    let n = 0;
    for (const name of readdirSync(this.deps.backupDir).filter((f) => f.endsWith('.db'))) {
      try {
        n += scrubBackupFile(join(this.deps.backupDir, name), (saleId) => this.deps.repo.isKept(saleId));
      } catch (err) {
        logger.warn(`backup ${name} could not be scrubbed of erased customer details: ${(err as Error).message}`);
      }
    }
    return n;
  }
}
