import { z } from 'zod';
import type { CloudshelfState, VariantRecord } from './state.js';

/** Fields a person can change on a variant in Cloudshelf's own back office. */
export interface VariantEdit {
  displayName?: string | null;
  sku?: string | null;
  barcode?: string | null;
  currentPrice?: number;
  originalPrice?: number;
  /** The variant's own flag (reported only while it has no stock levels). */
  isInStock?: boolean;
  availableToPurchase?: boolean;
  inventoryPolicy?: string | null;
  position?: number | null;
}

export const variantEditSchema = z
  .object({
    displayName: z.string().nullable(),
    sku: z.string().nullable(),
    barcode: z.string().nullable(),
    currentPrice: z.number().nonnegative(),
    originalPrice: z.number().nonnegative(),
    isInStock: z.boolean(),
    availableToPurchase: z.boolean(),
    inventoryPolicy: z.string().nullable(),
    position: z.number().int().nonnegative().nullable(),
  })
  .partial()
  .strict();

type Assert<T extends true> = T;
export type _VariantEditMatchesSchema = Assert<VariantEdit extends z.input<typeof variantEditSchema> ? true : false>;

/**
 * Simulate a change made by hand in Cloudshelf (the sync must overwrite it). `id` is the
 * variant's external or Cloudshelf gid. Throws for an unknown variant or an invalid patch.
 */
export function editVariant(state: CloudshelfState, id: string, edit: VariantEdit, now: number): VariantRecord {
  const variant = state.findVariant(id);
  if (!variant) throw new Error(`No variant ${id} in the Cloudshelf sandbox`);
  const parsed = variantEditSchema.safeParse(edit);
  if (!parsed.success) throw new Error(`Invalid variant edit: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  const edited: VariantRecord = {
    ...variant,
    displayName: d.displayName === undefined ? variant.displayName : d.displayName,
    sku: d.sku === undefined ? variant.sku : d.sku,
    barcode: d.barcode === undefined ? variant.barcode : d.barcode,
    currentPrice: d.currentPrice ?? variant.currentPrice,
    originalPrice: d.originalPrice ?? variant.originalPrice,
    isInStock: d.isInStock ?? variant.isInStock,
    availableToPurchase: d.availableToPurchase ?? variant.availableToPurchase,
    inventoryPolicy: d.inventoryPolicy === undefined ? variant.inventoryPolicy : d.inventoryPolicy,
    position: d.position === undefined ? variant.position : d.position,
    updatedAt: now,
  };
  state.variants.set(variant.platformProvidedId, edited);
  return edited;
}
