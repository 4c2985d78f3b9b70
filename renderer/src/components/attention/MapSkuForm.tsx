import { useId, useState } from 'react';
import type { ProductHit } from '../../../../shared/window-api.js';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ProductPicker } from '../pickers/ProductPicker.js';
import { ActionCard } from './ActionCard.js';
import type { OnActionDone } from './ExceptionActions.js';

type Scope = 'sale' | 'standing';

/** Point a kiosk SKU at a Stok.ly product, found by name, SKU or barcode; the item id stays possible for experts. */
export function MapSkuForm({ id, onDone, skus, suggested, noun }: {
  id: number;
  onDone: OnActionDone;
  skus: readonly string[];
  suggested: string | null;
  noun: string;
}) {
  const action = useExceptionAction(id, onDone);
  const [sku, setSku] = useState(suggested ?? skus[0] ?? '');
  const [picked, setPicked] = useState<ProductHit | null>(null);
  const [typedId, setTypedId] = useState('');
  const [scope, setScope] = useState<Scope>('sale');
  const f = useId();
  const itemId = picked?.itemId ?? typedId.trim();

  return (
    <ActionCard
      title="Map SKU"
      failure={action.failure}
      onSubmit={() => {
        const chosen = { sku: sku.trim(), itemId, scope };
        const what = picked ? `${picked.name} (Stok.ly SKU ${picked.sku})` : `Stok.ly item ${itemId}`;
        const where = scope === 'sale' ? `for this ${noun} only` : 'for all future sales (standing alias)';
        void action.run(
          (actor) => ({ action: 'map_sku', actor, ...chosen }),
          `SKU ${chosen.sku} mapped to ${what} ${where}. The agent is sending the ${noun} again.`,
        );
      }}
    >
      <p className="hint">The kiosk sold a SKU Stok.ly does not know. Find the product it really is, and the agent sends the {noun} with it.</p>
      <label className="field-label" htmlFor={`${f}-sku`}>SKU on the {noun}</label>
      <input id={`${f}-sku`} list={`${f}-skus`} required value={sku} onChange={(e) => setSku(e.target.value)} className="mono-input" />
      <datalist id={`${f}-skus`}>{skus.map((s) => <option key={s} value={s} />)}</datalist>
      <ProductPicker
        label="Product in Stok.ly"
        hint="Type part of its name, its SKU or its barcode."
        picked={picked}
        onPick={setPicked}
      />
      {!picked && (
        <details className="expert">
          <summary>Know the Stok.ly item id?</summary>
          <label className="field-label" htmlFor={`${f}-item`}>Stok.ly item id</label>
          <p className="hint" id={`${f}-item-hint`}>The item&rsquo;s id in Stok.ly, not its SKU. The agent checks that Stok.ly has it.</p>
          <input id={`${f}-item`} aria-describedby={`${f}-item-hint`} value={typedId} onChange={(e) => setTypedId(e.target.value)} className="mono-input" autoComplete="off" />
        </details>
      )}
      <fieldset className="choice">
        <legend>Apply to</legend>
        <label>
          <input type="radio" name={`${f}-scope`} value="sale" checked={scope === 'sale'} onChange={() => setScope('sale')} />
          {' '}This {noun} only
        </label>
        <label>
          <input type="radio" name={`${f}-scope`} value="standing" checked={scope === 'standing'} onChange={() => setScope('standing')} />
          {' '}All future sales (standing alias)
        </label>
      </fieldset>
      {!itemId && <p className="hint" id={`${f}-need`}>Choose a product first.</p>}
      <button type="submit" disabled={action.busy || !itemId} aria-describedby={itemId ? undefined : `${f}-need`}>{action.busy ? 'Mapping…' : 'Map SKU'}</button>
    </ActionCard>
  );
}
