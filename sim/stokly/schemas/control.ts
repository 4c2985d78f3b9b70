import { z } from 'zod';

const nonEmpty = z.string().min(1);
const money = z.strictObject({ amount: z.number(), currency: z.string().regex(/^[A-Z]{3}$/) });

const itemFields = {
  sku: nonEmpty,
  name: nonEmpty,
  barcodes: z.array(nonEmpty),
  format: z.union([z.literal(0), z.literal(2)]),
  status: z.union([z.literal(0), z.literal(1)]),
  typeId: z.string(),
  typeName: z.string(),
  tags: z.array(z.string()),
  taxClassId: nonEmpty,
  salePrice: money,
  parentId: nonEmpty.nullable(),
};

export const addItemSchema = z.strictObject({
  itemId: nonEmpty, timeUpdated: z.iso.datetime({ offset: true }), ...itemFields,
}).partial();
/** timeUpdated is not patchable: an update always moves it to now. */
export const patchItemSchema = z.strictObject(itemFields).partial();

export const setStockSchema = z.strictObject({
  itemId: nonEmpty,
  locationId: nonEmpty,
  binId: nonEmpty.optional(),
  onHand: z.int(),
});
