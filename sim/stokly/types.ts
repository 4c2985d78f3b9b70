/**
 * Record shapes held by the Stok.ly sandbox. Field names follow ../shared/reference/stokly-api.md;
 * fields marked "sandbox" are not documented and exist so the sandbox can keep its books.
 */

/** `format` of an item: 0 simple, 2 variable parent (the only two values known). */
export const ITEM_FORMAT = { simple: 0, variableParent: 2 } as const;
export type ItemFormat = (typeof ITEM_FORMAT)[keyof typeof ITEM_FORMAT];

/** `status` of an item: 0 active, 1 deleted. */
export const ITEM_STATUS = { active: 0, deleted: 1 } as const;
export type ItemStatus = (typeof ITEM_STATUS)[keyof typeof ITEM_STATUS];

/** The bin id of the location-level inventory row. */
export const UNASSIGNED_BIN_ID = 'UNASSIGNED';

export interface Money {
  amount: number; // decimal, major units (ASSUMED ex-VAT)
  currency: string;
}

export interface Item {
  itemId: string;
  sku: string;
  name: string;
  barcodes: string[];
  format: ItemFormat;
  status: ItemStatus;
  typeId: string;
  typeName: string;
  tags: string[];
  taxClassId: string;
  salePrice: Money;
  timeUpdated: string;
  parentId: string | null;
}

export interface InventoryRecord {
  inventoryRecordId: string; // sandbox: a stable id to break sort ties
  itemId: string;
  itemSku: string;
  itemName: string;
  locationId: string;
  locationName: string;
  binId: string;
  binName: string;
  onHand: number;
  quarantined: number;
  onOrder: number;
  timeUpdated: string;
}

export interface Bin {
  binId: string;
  name: string;
  default: 0 | 1;
}

export interface Location {
  locationId: string;
  name: string;
  status: number; // 0 active
  bins: Bin[];
}

export interface Channel {
  channelId: string;
  name: string;
  type: string;
}

export type FulfilmentType = 'none' | 'delivery';

export interface SaleOrderLine {
  lineId: string;
  type: 'item';
  referenceId: string;
  itemSku: string;
  itemName: string;
  quantity: number;
  status: string;
  fulfilmentType: FulfilmentType;
  displayPrice: number;
  displayTax: number;
  displayDiscount: number;
  displayLinePrice: number;
  displayLineTax: number;
  displayLineDiscount: number;
  displayLineTotal: number;
  collectedQuantity: number; // sandbox: ASSUMED name; how much of the line collect-items has recorded
}

export interface Payment {
  paymentId: string; // sandbox
  method: number;
  amount: number;
}

/** One accepted collect-items call (sandbox bookkeeping, not a known API resource). */
export interface Collection {
  collectionId: string;
  locationId: string;
  items: Array<{ lineId: string; quantity: number }>;
  timeCreated: string;
}

export interface Invoice {
  invoiceId: string;
  timeCreated: string;
}

export interface SaleOrder {
  saleOrderId: string;
  niceId: number;
  stage: string;
  createdAt: string;
  currency: string;
  sourceType: string;
  sourceId: string;
  sourceReferenceId: string;
  customerReference: string | null;
  tags: string[];
  customer: { customerId?: string } | null;
  shipping: Shipping | null;
  timeCreated: string;
  timeUpdated: string;
  lines: SaleOrderLine[];
  payments: Payment[];
  collections: Collection[];
  invoices: Invoice[];
  allocations: Allocation[];
}

/** ASSUMED shape (reference, "Customers and delivery"). */
export interface Address {
  line1: string;
  line2?: string | undefined;
  city: string;
  region?: string | undefined;
  postcode: string;
  country: string;
}

export interface Customer {
  customerId: string;
  status: number; // sandbox: 0 active
  name: { forename: string; surname: string };
  fullName: string;
  type: number;
  barcode: string;
  address: Address;
  shippingAddresses: Address[];
  timeCreated: string;
  timeUpdated: string;
  visibleFrom: number; // sandbox: left out of lists before this time
}

export interface Shipping {
  name: { forename: string; surname: string };
  address: Address;
  option: string;
  cost: number;
  tax: number;
}

/** Which location a delivery line was taken from (sandbox bookkeeping; Stok.ly decides). */
export interface Allocation {
  lineId: string;
  locationId: string;
  quantity: number;
}

export interface Adjustment {
  adjustmentId: string;
  locationId: string;
  binId: string;
  reason: string;
  items: Array<{ itemId: string; quantity: number }>;
  timeCreated: string;
}

/** The credit-note body is ASSUMED (unknown upstream): kept as sent, plus ids. */
export interface CreditNote {
  creditNoteId: string;
  niceId: number;
  saleOrderId: string | null;
  timeCreated: string;
  body: Record<string, unknown>;
}

/** Status of a sale-order line when created (seen in the real API). */
export const OPEN_LINE_STATUS = 'open';
/**
 * ASSUMPTION: the status a line takes once collect-items has covered its whole quantity. The real
 * value is not known; keep every reference to it pointing here so one edit fixes sandbox and tests.
 */
export const COLLECTED_LINE_STATUS = 'collected';
