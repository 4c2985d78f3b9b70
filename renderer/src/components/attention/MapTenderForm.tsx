import { useId, useState } from 'react';
import { useStoreFacts } from '../../data/queries.js';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionCard } from './ActionCard.js';
import type { OnActionDone } from './ExceptionActions.js';

const other = 'other';

/** Give a kiosk tender one of the store's payment methods (with its ledger label); waiting sales go again. */
export function MapTenderForm({ id, onDone, tenders, detail }: {
  id: number;
  onDone: OnActionDone;
  tenders: readonly string[];
  detail: string;
}) {
  const action = useExceptionAction(id, onDone);
  const store = useStoreFacts();
  const methods = store.data?.paymentMethods ?? [];
  const [tender, setTender] = useState(tenders.find((t) => detail.includes(t)) ?? tenders[0] ?? '');
  const [choice, setChoice] = useState('');
  const [typedMethod, setTypedMethod] = useState('');
  const [ledger, setLedger] = useState('');
  const f = useId();
  const known = methods.find((m) => String(m.method) === choice);
  const method = choice === other ? typedMethod : choice;

  return (
    <ActionCard
      title="Map tender"
      failure={action.failure}
      onSubmit={() => {
        const name = tender.trim();
        const code = Number(method);
        const label = ledger.trim() || known?.ledgers[0] || '';
        void action.run(
          (actor) => ({ action: 'map_tender', actor, tender: name, method: code, ...(label ? { ledger: label } : {}) }),
          `Tender ${name} is now recorded as ${label ? `“${label}” (payment method ${code})` : `payment method ${code}`}. Sales waiting on it are sent again.`,
        );
      }}
    >
      <p className="hint">Say how Stok.ly should record this kind of payment. It applies to every sale from now on.</p>
      <label className="field-label" htmlFor={`${f}-tender`}>Tender on the sale</label>
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
      <fieldset className="choice">
        <legend>Record it in Stok.ly as</legend>
        {methods.map((m) => (
          <label key={m.method}>
            <input type="radio" name={`${f}-method`} value={m.method} checked={choice === String(m.method)} onChange={() => setChoice(String(m.method))} required />
            {' '}<strong>{m.ledgers[0] ?? `Payment method ${m.method}`}</strong>
            <span className="subtle"> — payment method {m.method}, used for {m.tenders.join(', ')}</span>
          </label>
        ))}
        <label>
          <input type="radio" name={`${f}-method`} value={other} checked={choice === other} onChange={() => setChoice(other)} required />
          {' '}Another payment method (type its Stok.ly code)
        </label>
      </fieldset>
      {store.isPending && <p className="hint" role="status">Loading the store&rsquo;s payment methods…</p>}
      {choice === other && (
        <>
          <label className="field-label" htmlFor={`${f}-method-code`}>Stok.ly payment method code</label>
          <input id={`${f}-method-code`} type="number" inputMode="numeric" step={1} required value={typedMethod} onChange={(e) => setTypedMethod(e.target.value)} />
        </>
      )}
      <label className="field-label" htmlFor={`${f}-ledger`}>Ledger label <span className="subtle">(optional{known?.ledgers[0] ? `; “${known.ledgers[0]}” if empty` : ''})</span></label>
      <input id={`${f}-ledger`} maxLength={100} value={ledger} onChange={(e) => setLedger(e.target.value)} />
      <button type="submit" disabled={action.busy}>{action.busy ? 'Mapping…' : 'Map tender'}</button>
    </ActionCard>
  );
}
