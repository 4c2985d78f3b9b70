import { useId, useState } from 'react';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionCard } from './ActionCard.js';
import type { OnActionDone } from './ExceptionActions.js';

/** Give a kiosk tender its Stok.ly payment method (and ledger label); waiting sales go again. */
export function MapTenderForm({ id, onDone, tenders, detail }: {
  id: number;
  onDone: OnActionDone;
  tenders: readonly string[];
  detail: string;
}) {
  const action = useExceptionAction(id, onDone);
  const [tender, setTender] = useState(tenders.find((t) => detail.includes(t)) ?? tenders[0] ?? '');
  const [method, setMethod] = useState('');
  const [ledger, setLedger] = useState('');
  const f = useId();

  return (
    <ActionCard
      title="Map tender"
      failure={action.failure}
      onSubmit={() => {
        const name = tender.trim();
        const code = Number(method);
        const label = ledger.trim();
        void action.run(
          (actor) => ({ action: 'map_tender', actor, tender: name, method: code, ...(label ? { ledger: label } : {}) }),
          `Tender ${name} mapped to Stok.ly payment method ${code}. Sales waiting on it are sent again.`,
        );
      }}
    >
      <p className="hint">Which Stok.ly payment method records this kind of payment. It applies to every sale from now on.</p>
      <label className="field-label" htmlFor={`${f}-tender`}>Tender name</label>
      <input
        id={`${f}-tender`}
        list={`${f}-tenders`}
        required
        pattern="[a-z0-9_]{1,64}"
        title="lower-case letters, digits and _ (as the kiosk sends it)"
        value={tender}
        onChange={(e) => setTender(e.target.value)}
        className="mono-input"
      />
      <datalist id={`${f}-tenders`}>{tenders.map((t) => <option key={t} value={t} />)}</datalist>
      <label className="field-label" htmlFor={`${f}-method`}>Stok.ly payment method code</label>
      <input id={`${f}-method`} type="number" inputMode="numeric" step={1} required value={method} onChange={(e) => setMethod(e.target.value)} />
      <label className="field-label" htmlFor={`${f}-ledger`}>Ledger label <span className="subtle">(optional)</span></label>
      <input id={`${f}-ledger`} maxLength={100} value={ledger} onChange={(e) => setLedger(e.target.value)} />
      <button type="submit" disabled={action.busy}>{action.busy ? 'Mapping…' : 'Map tender'}</button>
    </ActionCard>
  );
}
