import type { SyncKind } from '../admin-api.js';

/** The pulls and pushes the agent runs, as the Status and Stock tabs name them. */
export const syncKindWords: Record<SyncKind, string> = {
  stock: 'Stock',
  catalog: 'Catalogue',
  cloudshelf: 'Cloudshelf',
  cloudshelf_orders: 'Cloudshelf orders',
};
