import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { notFound } from '../errors.js';
import { identity, listEnvelope, parseListQuery } from '../list-query.js';
import { ITEM_FORMAT, type Item } from '../types.js';

type ItemParams = { Params: { itemId: string } };

/** ASSUMED shape of an item-barcode row (only the `barcode` filter is known). */
interface ItemBarcode {
  itemBarcodeId: string;
  itemId: string;
  barcode: string;
}

export function registerItemRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;
  // Deleted items (status 1) stay listed: an incremental pull must be able to see deletions.
  app.get('/v0/items', async (request) => listEnvelope(state.items.values(), parseListQuery(request.query), 'itemId', identity));

  app.get<ItemParams>('/v0/items/:itemId', async (request) => ({ data: requireItem(ctx, request.params.itemId) }));

  app.get<ItemParams>('/v0/items/:itemId/children', async (request) => {
    const query = parseListQuery(request.query);
    const parent = requireItem(ctx, request.params.itemId);
    const children = [...state.items.values()].filter((item) => item.parentId === parent.itemId);
    return listEnvelope(children, query, 'itemId', identity);
  });

  app.get('/v0/variable-items', async (request) => {
    const query = parseListQuery(request.query);
    const parents = [...state.items.values()].filter((item) => item.format === ITEM_FORMAT.variableParent);
    return listEnvelope(parents, query, 'itemId', identity);
  });

  app.get('/v0/item-barcodes', async (request) => {
    const query = parseListQuery(request.query);
    const rows: ItemBarcode[] = [];
    for (const item of state.items.values()) {
      for (const barcode of item.barcodes) rows.push({ itemBarcodeId: `${item.itemId}:${barcode}`, itemId: item.itemId, barcode });
    }
    return listEnvelope(rows, query, 'itemBarcodeId', identity);
  });
}

function requireItem(ctx: SandboxContext, itemId: string): Item {
  const item = ctx.state.item(itemId);
  if (!item) throw notFound(`Item ${itemId} not found`);
  return item;
}
