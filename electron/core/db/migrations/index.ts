import type { Migration } from '../migration.js';
import { migration0010 } from './0010-outbox.js';
import { migration0020 } from './0020-catalog-stock.js';
import { migration0030 } from './0030-cloudshelf-push.js';
import { migration0040 } from './0040-exceptions-refunds.js';
import { migration0050 } from './0050-reconciliation.js';
import { migration0060 } from './0060-cloudshelf-orders.js';
import { migration0070 } from './0070-pending-stock.js';
import { migration0100 } from './0100-kiosks.js';
import { migration0110 } from './0110-alerts.js';
import { migration0130 } from './0130-month-end.js';
import { migration0140 } from './0140-window-search.js';
import { migration0150 } from './0150-endless-aisle.js';
import { migration0160 } from './0160-sales-tab.js';
import { migration0170 } from './0170-exception-facts.js';

/** Every migration this build knows, in order. Append only. */
export const migrations: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070, migration0100, migration0110, migration0130, migration0140, migration0150, migration0160, migration0170];
