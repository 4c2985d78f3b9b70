import { randomUUID } from 'node:crypto';
import type { ShopSeed } from './seed.js';
import {
  ITEM_FORMAT, ITEM_STATUS, UNASSIGNED_BIN_ID,
  type Adjustment, type Channel, type CreditNote, type Customer, type InventoryRecord, type Item, type Location, type SaleOrder,
} from './types.js';

export type ItemPatch = Partial<Omit<Item, 'itemId'>>;

/**
 * The sandbox's live data. Every collection is a Map keyed by the record's id, in insertion
 * order; tests may read and change records directly. Helpers keep derived fields (timeUpdated,
 * denormalised names on inventory records) in step the way the real service would.
 */
export class SandboxState {
  readonly currency: string;
  readonly items = new Map<string, Item>();
  /** Keyed by inventoryKey(itemId, locationId, binId). */
  readonly inventoryRecords = new Map<string, InventoryRecord>();
  readonly locations = new Map<string, Location>();
  readonly channels = new Map<string, Channel>();
  readonly saleOrders = new Map<string, SaleOrder>();
  readonly adjustments = new Map<string, Adjustment>();
  readonly creditNotes = new Map<string, CreditNote>();
  readonly customers = new Map<string, Customer>();
  /** Locations that dispatch delivery lines (ASSUMED: Stok.ly picks one holding the item). */
  readonly fulfilmentLocationIds: string[] = [];
  /** A new customer shows in lists only after this long (sandbox control). */
  customerVisibilityDelayMs = 0;
  private lastNiceId = 0;
  private lastCreditNoteNiceId = 0;

  constructor(private readonly now: () => number, seed?: ShopSeed) {
    this.currency = seed?.currency ?? 'GBP';
    if (!seed) return;
    // A copy: the seed object may be reused by the test that made it.
    const copy = structuredClone(seed);
    for (const item of copy.items) this.items.set(item.itemId, item);
    for (const location of copy.locations) this.locations.set(location.locationId, location);
    for (const channel of copy.channels) this.channels.set(channel.channelId, channel);
    this.fulfilmentLocationIds.push(copy.warehouseLocationId);
    for (const record of copy.inventoryRecords) {
      this.inventoryRecords.set(inventoryKey(record.itemId, record.locationId, record.binId), record);
    }
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  nextNiceId(): number {
    return ++this.lastNiceId;
  }

  nextCreditNoteNiceId(): number {
    return ++this.lastCreditNoteNiceId;
  }

  addItem(partial: Partial<Item> = {}): Item {
    const itemId = partial.itemId ?? randomUUID();
    if (this.items.has(itemId)) throw new RangeError(`item ${itemId} already exists`);
    const item: Item = {
      itemId,
      sku: partial.sku ?? `SKU-${itemId.slice(0, 8).toUpperCase()}`,
      name: partial.name ?? 'Sandbox item',
      barcodes: partial.barcodes ?? [],
      format: partial.format ?? ITEM_FORMAT.simple,
      status: partial.status ?? ITEM_STATUS.active,
      typeId: partial.typeId ?? '',
      typeName: partial.typeName ?? 'General',
      tags: partial.tags ?? [],
      taxClassId: partial.taxClassId ?? 'standard',
      salePrice: partial.salePrice ?? { amount: 10, currency: this.currency },
      timeUpdated: partial.timeUpdated ?? this.nowIso(),
      parentId: partial.parentId ?? null,
    };
    this.items.set(itemId, item);
    return item;
  }

  updateItem(itemId: string, patch: ItemPatch): Item {
    const item = this.requireItem(itemId);
    Object.assign(item, patch, { itemId, timeUpdated: this.nowIso() });
    for (const record of this.inventoryRecords.values()) {
      if (record.itemId === itemId) { record.itemSku = item.sku; record.itemName = item.name; }
    }
    return item;
  }

  deleteItem(itemId: string): Item {
    return this.updateItem(itemId, { status: ITEM_STATUS.deleted });
  }

  item(itemId: string): Item | undefined {
    return this.items.get(itemId);
  }

  inventoryRecord(itemId: string, locationId: string, binId: string = UNASSIGNED_BIN_ID): InventoryRecord | undefined {
    return this.inventoryRecords.get(inventoryKey(itemId, locationId, binId));
  }

  /** Sets the location-level (UNASSIGNED) row unless a bin is named; creates the row if missing. */
  setOnHand(itemId: string, locationId: string, onHand: number, binId: string = UNASSIGNED_BIN_ID): InventoryRecord {
    const record = this.ensureRecord(itemId, locationId, binId);
    record.onHand = onHand;
    record.timeUpdated = this.nowIso();
    return record;
  }

  adjustOnHand(itemId: string, locationId: string, binId: string, delta: number): InventoryRecord {
    const record = this.ensureRecord(itemId, locationId, binId);
    record.onHand += delta;
    record.timeUpdated = this.nowIso();
    return record;
  }

  ordersByReference(sourceReferenceId: string): SaleOrder[] {
    return [...this.saleOrders.values()].filter((o) => o.sourceReferenceId === sourceReferenceId);
  }

  /** Whether binId names a bin of the location (UNASSIGNED always does). */
  hasBin(locationId: string, binId: string): boolean {
    if (binId === UNASSIGNED_BIN_ID) return this.locations.has(locationId);
    return this.locations.get(locationId)?.bins.some((b) => b.binId === binId) ?? false;
  }

  counts(): Record<string, number> {
    return {
      items: this.items.size,
      inventoryRecords: this.inventoryRecords.size,
      locations: this.locations.size,
      channels: this.channels.size,
      saleOrders: this.saleOrders.size,
      adjustments: this.adjustments.size,
      creditNotes: this.creditNotes.size,
      customers: this.customers.size,
    };
  }

  private requireItem(itemId: string): Item {
    const item = this.items.get(itemId);
    if (!item) throw new RangeError(`item ${itemId} not found`);
    return item;
  }

  private ensureRecord(itemId: string, locationId: string, binId: string): InventoryRecord {
    const existing = this.inventoryRecord(itemId, locationId, binId);
    if (existing) return existing;
    const item = this.requireItem(itemId);
    const location = this.locations.get(locationId);
    if (!location) throw new RangeError(`location ${locationId} not found`);
    const bin = binId === UNASSIGNED_BIN_ID ? { name: 'Unassigned' } : location.bins.find((b) => b.binId === binId);
    if (!bin) throw new RangeError(`bin ${binId} not found at ${locationId}`);
    const record: InventoryRecord = {
      inventoryRecordId: randomUUID(),
      itemId, itemSku: item.sku, itemName: item.name,
      locationId, locationName: location.name,
      binId, binName: bin.name,
      onHand: 0, quarantined: 0, onOrder: 0,
      timeUpdated: this.nowIso(),
    };
    this.inventoryRecords.set(inventoryKey(itemId, locationId, binId), record);
    return record;
  }
}

export function inventoryKey(itemId: string, locationId: string, binId: string): string {
  return `${itemId}\u0000${locationId}\u0000${binId}`;
}
