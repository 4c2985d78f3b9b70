/** Word lists for the generated shop: a small UK lifestyle store selling apparel and homeware. */

/** Tax classes are seed data, not an API (no tax-class endpoint is known). */
export const TAX_CLASSES = [
  { taxClassId: 'standard', name: 'Standard rate', ratePercent: 20 },
  { taxClassId: 'reduced', name: 'Reduced rate', ratePercent: 5 },
  { taxClassId: 'zero', name: 'Zero rate', ratePercent: 0 },
] as const;
export type TaxClassId = (typeof TAX_CLASSES)[number]['taxClassId'];

export function taxRatePercent(taxClassId: string): number {
  const found = TAX_CLASSES.find((c) => c.taxClassId === taxClassId);
  if (!found) throw new RangeError(`unknown tax class ${taxClassId}`);
  return found.ratePercent;
}

export interface Variant {
  code: string; // goes into the SKU
  name: string; // goes into the item name
}

export interface ProductFamily {
  code: string; // SKU stem
  name: string;
  typeName: string;
  department: string;
  taxClassId: TaxClassId;
  /**
   * Shelf prices in pence including VAT, chosen so that the ex-VAT price is a whole number of
   * pence (divisible by 6 at 20%, by 21 at 5%): ex-VAT × (1 + rate) gives the shelf price exactly.
   */
  shelfPrices: readonly number[];
  colours?: readonly Variant[];
  sizes?: readonly Variant[];
}

const c = (code: string, name: string): Variant => ({ code, name });
const APPAREL_COLOURS = [c('BLK', 'Black'), c('WHT', 'White'), c('NAVY', 'Navy'), c('RED', 'Red'), c('GRN', 'Forest Green'), c('OAT', 'Oatmeal')];
const HOME_COLOURS = [c('CHAR', 'Charcoal'), c('SAGE', 'Sage'), c('RUST', 'Rust'), c('IVORY', 'Ivory'), c('OCHRE', 'Ochre')];
const ADULT_SIZES = [c('XS', 'XS'), c('S', 'S'), c('M', 'M'), c('L', 'L'), c('XL', 'XL')];
const KIDS_SIZES = [c('34Y', '3-4 years'), c('56Y', '5-6 years'), c('78Y', '7-8 years'), c('910Y', '9-10 years')];

const STD_LOW = [450, 600, 750, 900, 1050, 1200, 1350, 1500];
const STD_MID = [1800, 2100, 2400, 2700, 3000, 3600];
const STD_HIGH = [4200, 4500, 4800, 5400, 6000, 7200, 7500, 9000];
const ZERO = [499, 799, 899, 999, 1299, 1499, 1699, 2000];
const REDUCED = [8400, 12600, 16800]; // divisible by 21

/** The first family is simple, so `items[0]` of a generated shop is always a plain sellable item. */
export const FAMILIES: readonly ProductFamily[] = [
  { code: 'TOTE', name: 'Canvas Tote Bag', typeName: 'Bags', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_LOW },
  { code: 'TEE', name: 'Organic Cotton Tee', typeName: 'T-Shirts', department: 'apparel', taxClassId: 'standard', shelfPrices: STD_MID, colours: APPAREL_COLOURS, sizes: ADULT_SIZES },
  { code: 'MUG', name: 'Stoneware Mug', typeName: 'Kitchen', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_LOW, colours: HOME_COLOURS },
  { code: 'HOOD', name: 'Heavyweight Hoodie', typeName: 'Sweatshirts', department: 'apparel', taxClassId: 'standard', shelfPrices: STD_HIGH, colours: APPAREL_COLOURS, sizes: ADULT_SIZES },
  { code: 'BK', name: 'Field Guide to British Birds', typeName: 'Books', department: 'books', taxClassId: 'zero', shelfPrices: ZERO },
  { code: 'CNDL', name: 'Soy Wax Candle', typeName: 'Home Fragrance', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_LOW, colours: [c('FIG', 'Fig'), c('CEDAR', 'Cedar'), c('LAV', 'Lavender')] },
  { code: 'KTEE', name: 'Kids Stripe Tee', typeName: 'Kidswear', department: 'kids', taxClassId: 'zero', shelfPrices: ZERO, colours: APPAREL_COLOURS.slice(0, 4), sizes: KIDS_SIZES },
  { code: 'CUSH', name: 'Linen Cushion Cover', typeName: 'Soft Furnishings', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_MID, colours: HOME_COLOURS },
  { code: 'SOCK', name: 'Merino Socks', typeName: 'Accessories', department: 'apparel', taxClassId: 'standard', shelfPrices: STD_LOW, sizes: [c('SM', '4-7'), c('ML', '7-11')] },
  { code: 'NOTE', name: 'Dot Grid Notebook', typeName: 'Stationery', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_LOW },
  { code: 'SCARF', name: 'Lambswool Scarf', typeName: 'Accessories', department: 'apparel', taxClassId: 'standard', shelfPrices: STD_MID, colours: APPAREL_COLOURS },
  { code: 'THROW', name: 'Wool Blanket Throw', typeName: 'Soft Furnishings', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_HIGH, colours: HOME_COLOURS },
  { code: 'CSEAT', name: 'Child Car Seat', typeName: 'Baby & Child', department: 'kids', taxClassId: 'reduced', shelfPrices: REDUCED },
  { code: 'JUMP', name: 'Fisherman Jumper', typeName: 'Knitwear', department: 'apparel', taxClassId: 'standard', shelfPrices: STD_HIGH, colours: APPAREL_COLOURS.slice(1, 4), sizes: ADULT_SIZES },
  { code: 'TTWL', name: 'Printed Tea Towel', typeName: 'Kitchen', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_LOW },
  { code: 'PLNT', name: 'Terracotta Planter', typeName: 'Garden', department: 'homeware', taxClassId: 'standard', shelfPrices: STD_MID, sizes: [c('S', 'Small'), c('M', 'Medium'), c('L', 'Large')] },
  { code: 'CAP', name: 'Waxed Canvas Cap', typeName: 'Accessories', department: 'apparel', taxClassId: 'standard', shelfPrices: STD_MID, colours: APPAREL_COLOURS },
  { code: 'BKCK', name: 'The Slow Kitchen Cookbook', typeName: 'Books', department: 'books', taxClassId: 'zero', shelfPrices: ZERO },
];

/** Collection names make later rounds of the same family distinct ("Harbour Organic Cotton Tee"). */
export const COLLECTIONS = [
  'Harbour', 'Heritage', 'Meadow', 'Coastal', 'Fell', 'Orchard', 'Highland', 'Estuary', 'Moorland', 'Hedgerow',
  'Saltmarsh', 'Woodland', 'Riverside', 'Chalk', 'Granite', 'Bracken', 'Thistle', 'Heather', 'Willow', 'Ashdown',
] as const;

export const EXTRA_TAGS = ['new-in', 'bestseller', 'gift-idea', 'sustainable', 'made-in-uk'] as const;
