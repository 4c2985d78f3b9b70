import { useId, useState } from 'react';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionCard } from './ActionCard.js';
import type { OnActionDone } from './ExceptionActions.js';

type Scope = 'sale' | 'standing';

/** Point a kiosk SKU at an existing Stok.ly item, for this sale or from now on. */
export function MapSkuForm({ id, onDone, skus, suggested, noun }: {
  id: number;
  onDone: OnActionDone;
  skus: readonly string[];
  suggested: string | null;
  noun: string;
}) {
  const action = useExceptionAction(id, onDone);
  const [sku, setSku] = useState(suggested ?? skus[0] ?? '');
  const [itemId, setItemId] = useState('');
  const [scope, setScope] = useState<Scope>('sale');
  const f = useId();

  return (
    <ActionCard
      title="Map SKU"
      failure={action.failure}
      onSubmit={() => {
        const chosen = { sku: sku.trim(), itemId: itemId.trim(), scope };
        const where = scope === 'sale' ? `for this ${noun} only` : 'for all future sales (standing alias)';
        void action.run(
          (actor) => ({ action: 'map_sku', actor, ...chosen }),
          `SKU ${chosen.sku} mapped to Stok.ly item ${chosen.itemId} ${where}. The agent is sending the ${noun} again.`,
        );
      }}
    >
      <p className="hint">The product exists in Stok.ly under another SKU? Say which Stok.ly item this SKU is.</p>
      <label className="field-label" htmlFor={`${f}-sku`}>SKU on the {noun}</label>
      <input id={`${f}-sku`} list={`${f}-skus`} required value={sku} onChange={(e) => setSku(e.target.value)} className="mono-input" />
      <datalist id={`${f}-skus`}>{skus.map((s) => <option key={s} value={s} />)}</datalist>
      <label className="field-label" htmlFor={`${f}-item`}>Stok.ly item id</label>
      <p className="hint" id={`${f}-item-hint`}>The item&rsquo;s id in Stok.ly, not its SKU. The agent checks that Stok.ly has it.</p>
      <input id={`${f}-item`} aria-describedby={`${f}-item-hint`} required value={itemId} onChange={(e) => setItemId(e.target.value)} className="mono-input" autoComplete="off" />
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
      <button type="submit" disabled={action.busy}>{action.busy ? 'Mapping…' : 'Map SKU'}</button>
    </ActionCard>
  );
}
