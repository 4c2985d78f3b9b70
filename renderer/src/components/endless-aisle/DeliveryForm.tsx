import { useId, useState } from 'react';
import type { Delivery } from '../../../../shared/delivery.js';
import { useExceptionAction } from '../../hooks/useExceptionAction.js';
import { ActionCard } from '../attention/ActionCard.js';
import type { OnActionDone } from '../attention/ExceptionActions.js';

type Field = keyof Delivery;
const FIELDS: ReadonlyArray<{ key: Field; label: string; required: boolean; autoComplete: string; max: number }> = [
  { key: 'name', label: 'Name', required: true, autoComplete: 'off', max: 256 },
  { key: 'line1', label: 'Address line 1', required: true, autoComplete: 'off', max: 256 },
  { key: 'line2', label: 'Address line 2', required: false, autoComplete: 'off', max: 256 },
  { key: 'city', label: 'Town or city', required: true, autoComplete: 'off', max: 128 },
  { key: 'region', label: 'County or region', required: false, autoComplete: 'off', max: 128 },
  { key: 'postcode', label: 'Postcode', required: true, autoComplete: 'off', max: 32 },
  { key: 'country', label: 'Country code (GB, IE, FR…)', required: true, autoComplete: 'off', max: 2 },
  { key: 'phone', label: 'Phone', required: false, autoComplete: 'off', max: 64 },
  { key: 'email', label: 'Email', required: false, autoComplete: 'off', max: 320 },
];

/**
 * Endless aisle: a sale to ship came without an address. The address typed here is sent to the
 * agent (which seals it) and cleared from the form; the window only ever shows it masked.
 */
export function DeliveryForm({ id, onDone, current }: { id: number; onDone: OnActionDone; current: string | null }) {
  const action = useExceptionAction(id, onDone);
  const empty: Record<Field, string> = { name: '', line1: '', line2: '', city: '', region: '', postcode: '', country: 'GB', phone: '', email: '' };
  const [values, setValues] = useState(empty);
  const f = useId();
  return (
    <ActionCard
      title="Enter delivery address"
      failure={action.failure}
      onSubmit={() => {
        const delivery: Delivery = {
          name: values.name.trim(), line1: values.line1.trim(), city: values.city.trim(),
          postcode: values.postcode.trim(), country: values.country.trim().toUpperCase(),
        };
        for (const key of ['line2', 'region', 'phone', 'email'] as const) {
          const v = values[key].trim();
          if (v) delivery[key] = v;
        }
        void action.run((actor) => ({ action: 'set_delivery', actor, delivery }), 'Delivery address saved: the order goes to the warehouse.').then((ok) => {
          if (ok) setValues(empty);
        });
      }}
    >
      <p className="hint">
        Where the warehouse sends the items (from the customer or the kiosk receipt).
        {current ? <> Held now: <span className="mono">{current}</span>.</> : null}
      </p>
      {FIELDS.map((field) => (
        <div key={field.key}>
          <label className="field-label" htmlFor={`${f}-${field.key}`}>{field.label}{field.required ? '' : ' (optional)'}</label>
          <input
            id={`${f}-${field.key}`}
            required={field.required}
            maxLength={field.max}
            autoComplete={field.autoComplete}
            value={values[field.key]}
            onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
          />
        </div>
      ))}
      <button type="submit" disabled={action.busy}>{action.busy ? 'Saving…' : 'Save address and send'}</button>
    </ActionCard>
  );
}
