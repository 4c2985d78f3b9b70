import { createPrng, ean13, type Prng } from './prng.js';
import { COLLECTIONS, EXTRA_TAGS, FAMILIES, taxRatePercent, type ProductFamily, type Variant } from './seed-catalog.js';
import {
  ITEM_FORMAT, ITEM_STATUS, UNASSIGNED_BIN_ID,
  type Channel, type InventoryRecord, type Item, type Location,
} from './types.js';

export { TAX_CLASSES, taxRatePercent, type TaxClassId } from './seed-catalog.js';

/** Initial data of a sandbox. Sale orders, adjustments and credit notes start empty. */
export interface ShopSeed {
  currency: string;
  storeLocationId: string;
  warehouseLocationId: string;
  channelId: string;
  items: Item[];
  inventoryRecords: InventoryRecord[];
  locations: Location[];
  channels: Channel[];
}

export interface GenerateShopOptions {
  itemCount: number;
  seed?: number;
  currency?: string;
  storeLocationId?: string;
  channelId?: string;
  /** Items were last updated during the 90 days before this time (default 2026-01-01T00:00:00.000Z). */
  baseTime?: string;
}

export const DEFAULT_STORE_LOCATION_ID = 'LOC-STORE-001';
export const DEFAULT_WAREHOUSE_LOCATION_ID = 'LOC-WH-001';
export const DEFAULT_CHANNEL_ID = 'CH-KIOSK';
const DAY_MS = 86_400_000;

/** A deterministic, realistic small shop. Same options → same shop, byte for byte. */
export function generateShop(opts: GenerateShopOptions): ShopSeed {
  if (!Number.isInteger(opts.itemCount) || opts.itemCount < 0) throw new RangeError('itemCount must be a whole number ≥ 0');
  const prng = createPrng(opts.seed ?? 1);
  const currency = opts.currency ?? 'GBP';
  const storeLocationId = opts.storeLocationId ?? DEFAULT_STORE_LOCATION_ID;
  const channelId = opts.channelId ?? DEFAULT_CHANNEL_ID;
  const baseMs = Date.parse(opts.baseTime ?? '2026-01-01T00:00:00.000Z');
  if (Number.isNaN(baseMs)) throw new RangeError(`baseTime is not a time: ${opts.baseTime}`);

  const locations: Location[] = [
    location(storeLocationId, 'High Street Store', [['Shop floor', 1], ['Stockroom', 0]]),
    location(DEFAULT_WAREHOUSE_LOCATION_ID, 'Central Warehouse', [['Aisle A', 1], ['Aisle B', 0], ['Returns', 0]]),
  ];
  const channels: Channel[] = [
    { channelId, name: 'Kiosks', type: 'epos' },
    { channelId: 'CH-WEB', name: 'Online shop', type: 'website' },
  ];
  const typeIds = new Map<string, string>();
  for (const family of FAMILIES) if (!typeIds.has(family.typeName)) typeIds.set(family.typeName, prng.uuid());

  const ctx: BuildContext = {
    prng, currency, baseMs, typeIds,
    barcodeCounter: prng.int(1_000_000_000, 8_000_000_000),
    items: [],
  };
  for (let round = 0; ctx.items.length < opts.itemCount; round++) {
    for (const family of FAMILIES) {
      const room = opts.itemCount - ctx.items.length;
      if (room <= 0) break;
      const isVariable = family.colours !== undefined || family.sizes !== undefined;
      // A parent needs room for at least two children, else the last slots get simple items.
      if (isVariable && room >= 3) addVariableFamily(ctx, family, round, room);
      else addSimple(ctx, family, round, isVariable);
    }
  }

  const inventoryRecords: InventoryRecord[] = [];
  for (const item of ctx.items) {
    if (item.format === ITEM_FORMAT.variableParent) continue; // parents hold no stock
    for (const loc of locations) {
      const stocked = item.status === ITEM_STATUS.active && prng.next() > 0.08;
      inventoryRecords.push({
        inventoryRecordId: prng.uuid(),
        itemId: item.itemId, itemSku: item.sku, itemName: item.name,
        locationId: loc.locationId, locationName: loc.name,
        binId: UNASSIGNED_BIN_ID, binName: 'Unassigned',
        onHand: stocked ? prng.int(0, 40) : 0,
        quarantined: prng.next() < 0.02 ? prng.int(1, 3) : 0,
        onOrder: prng.next() < 0.1 ? prng.int(6, 24) : 0,
        timeUpdated: item.timeUpdated,
      });
    }
  }

  return {
    currency, storeLocationId, warehouseLocationId: DEFAULT_WAREHOUSE_LOCATION_ID, channelId,
    items: ctx.items, inventoryRecords, locations, channels,
  };
}

interface BuildContext {
  prng: Prng;
  currency: string;
  baseMs: number;
  typeIds: Map<string, string>;
  barcodeCounter: number;
  items: Item[];
}

function location(locationId: string, name: string, bins: Array<[string, 0 | 1]>): Location {
  return {
    locationId, name, status: 0,
    bins: bins.map(([binName, isDefault], i) => ({ binId: `${locationId}-B${String(i + 1).padStart(2, '0')}`, name: binName, default: isDefault })),
  };
}

function styleOf(family: ProductFamily, round: number): { code: string; name: string } {
  if (round === 0) return { code: family.code, name: family.name };
  const collection = COLLECTIONS[(round - 1) % COLLECTIONS.length] ?? 'Classic';
  const edition = Math.floor((round - 1) / COLLECTIONS.length);
  return {
    code: `${family.code}${round + 1}`,
    name: `${collection} ${family.name}${edition > 0 ? ` ${edition + 1}` : ''}`,
  };
}

function priceOf(ctx: BuildContext, family: ProductFamily): number {
  const shelfPence = ctx.prng.pick(family.shelfPrices);
  const rate = taxRatePercent(family.taxClassId);
  const exPence = (shelfPence * 100) / (100 + rate);
  if (!Number.isInteger(exPence)) throw new RangeError(`${family.code}: shelf price ${shelfPence} has no whole-pence ex-VAT price`);
  return exPence / 100;
}

function baseItem(ctx: BuildContext, family: ProductFamily, sku: string, name: string, amount: number): Item {
  const { prng } = ctx;
  const tags: string[] = [family.department];
  if (prng.next() < 0.3) tags.push(prng.pick(EXTRA_TAGS));
  return {
    itemId: prng.uuid(),
    sku, name,
    barcodes: [],
    format: ITEM_FORMAT.simple,
    status: ITEM_STATUS.active,
    typeId: ctx.typeIds.get(family.typeName) ?? '',
    typeName: family.typeName,
    tags,
    taxClassId: family.taxClassId,
    salePrice: { amount, currency: ctx.currency },
    timeUpdated: new Date(ctx.baseMs - prng.int(1, 90 * DAY_MS)).toISOString(),
    parentId: null,
  };
}

function sellable(ctx: BuildContext, item: Item): Item {
  item.barcodes = [ean13(`50${String(ctx.barcodeCounter++).padStart(10, '0')}`)];
  // A few discontinued items, never among the first ten so simple tests can take items[0..9].
  if (ctx.items.length >= 10 && ctx.prng.next() < 0.02) item.status = ITEM_STATUS.deleted;
  return item;
}

function addSimple(ctx: BuildContext, family: ProductFamily, round: number, fromVariableFamily: boolean): void {
  const style = styleOf(family, round);
  const sku = fromVariableFamily ? `${style.code}-ONE` : style.code;
  ctx.items.push(sellable(ctx, baseItem(ctx, family, sku, style.name, priceOf(ctx, family))));
}

function addVariableFamily(ctx: BuildContext, family: ProductFamily, round: number, room: number): void {
  const style = styleOf(family, round);
  const amount = priceOf(ctx, family);
  const parent = baseItem(ctx, family, style.code, style.name, amount);
  parent.format = ITEM_FORMAT.variableParent;
  ctx.items.push(parent);

  const combos: Array<{ colour?: Variant; size?: Variant }> = [];
  for (const colour of family.colours ?? [undefined]) {
    for (const size of family.sizes ?? [undefined]) combos.push({ colour, size });
  }
  // Not every colour comes in every size: drop about a fifth, but keep at least two.
  const kept = combos.filter((_, i) => i < 2 || ctx.prng.next() > 0.2).slice(0, room - 1);
  for (const { colour, size } of kept) {
    const sku = [style.code, colour?.code, size?.code].filter((p) => p !== undefined).join('-');
    const label = [colour?.name, size?.name].filter((p) => p !== undefined).join(' / ');
    const child = sellable(ctx, baseItem(ctx, family, sku, `${style.name} - ${label}`, amount));
    child.parentId = parent.itemId;
    child.typeId = parent.typeId;
    ctx.items.push(child);
  }
}
