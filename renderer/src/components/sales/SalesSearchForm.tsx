import type { SalesSearch } from '../../api/sales-api.js';
import { useKioskChoices } from '../../hooks/useKioskName.js';

/** What to look for: text (sale id, SKU, order number, amount), a kiosk, a day. */
export function SalesSearchForm({ search, onChange }: { search: SalesSearch; onChange(next: SalesSearch): void }) {
  const kiosks = useKioskChoices();
  return (
    <form className="sales-search" role="search" aria-label="Find sales" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label className="field-label" htmlFor="sales-q">Sale, SKU, order number or amount</label>
        <input id="sales-q" type="search" value={search.q} placeholder="e.g. S-1042, TSHIRT-M, 12.50"
          onChange={(e) => onChange({ ...search, q: e.target.value })} />
      </div>
      <div>
        <label className="field-label" htmlFor="sales-kiosk">Kiosk</label>
        <select id="sales-kiosk" value={search.kiosk ?? ''} onChange={(e) => onChange({ ...search, kiosk: e.target.value || null })}>
          <option value="">All kiosks</option>
          {kiosks.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
        </select>
      </div>
      <div>
        <label className="field-label" htmlFor="sales-day">Received on</label>
        <input id="sales-day" type="date" value={search.day ?? ''} onChange={(e) => onChange({ ...search, day: e.target.value || null })} />
      </div>
      {(search.q || search.kiosk || search.day) && (
        <button type="button" className="button-secondary" onClick={() => onChange({ q: '', kiosk: null, day: null })}>Show all sales</button>
      )}
    </form>
  );
}
