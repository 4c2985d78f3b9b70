import { useId, useState, type KeyboardEvent } from 'react';
import type { ProductHit } from '../../../../shared/window-api.js';
import { productPageSize, useProductSearch } from '../../data/queries.js';
import { formatAmount } from '../../format.js';
import { useDebounced } from '../../hooks/useDebounced.js';

const typingPauseMs = 200;

function stockWords(hit: ProductHit): string {
  if (hit.onHand === null) return 'stock not known';
  return `${hit.onHand} in stock`;
}

/**
 * Finds a Stok.ly product by typing any part of its name, SKU or barcode (an ARIA combobox:
 * arrows move, Enter picks, Escape clears). Shows name, SKU, price and stock for each.
 */
export function ProductPicker({ label, hint, picked, onPick, disabled = false }: {
  label: string;
  hint: string;
  picked: ProductHit | null;
  onPick(hit: ProductHit | null): void;
  disabled?: boolean;
}) {
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);
  const [active, setActive] = useState(0);
  const q = useDebounced(text, typingPauseMs);
  const results = useProductSearch(q, page);
  const id = useId();
  const hits = q.trim() ? results.data?.items ?? [] : [];
  const expanded = hits.length > 0 && picked === null;

  const choose = (hit: ProductHit | undefined): void => {
    if (!hit) return;
    onPick(hit);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!expanded) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((n) => (n + step + hits.length) % hits.length);
    } else if (e.key === 'Enter' && expanded) {
      // Enter picks the highlighted product; it does not send the form.
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      setText('');
    }
  };

  if (picked) {
    return (
      <div className="picked" aria-live="polite">
        <p className="field-label">{label}</p>
        <p className="picked-product">
          <strong>{picked.name}</strong>
          <span className="subtle"> SKU <span className="mono">{picked.sku}</span> · {picked.price === null ? 'no price' : formatAmount(picked.price, picked.currency)} · {stockWords(picked)}</span>
        </p>
        <button type="button" className="button-link" onClick={() => onPick(null)} disabled={disabled}>Choose another product</button>
      </div>
    );
  }

  return (
    <div className="picker">
      <label className="field-label" htmlFor={`${id}-input`}>{label}</label>
      <p className="hint" id={`${id}-hint`}>{hint}</p>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setPage(0);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={`${label}: results`} className="picker-list" hidden={!expanded}>
        {hits.map((hit, n) => (
          <li
            key={hit.itemId}
            id={`${id}-opt-${n}`}
            role="option"
            aria-selected={n === active}
            className={n === active ? 'picker-option picker-active' : 'picker-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(hit)}
          >
            <span className="picker-name">{hit.name}{!hit.active && <span className="subtle"> (no longer sold)</span>}</span>
            <span className="picker-facts">
              SKU <span className="mono">{hit.sku}</span> · {hit.price === null ? 'no price' : formatAmount(hit.price, hit.currency)} · {stockWords(hit)}
            </span>
          </li>
        ))}
      </ul>
      <p className="picker-status" role="status">
        {q.trim() === '' ? '' : results.isError ? `Search failed: ${results.error.message}` : results.data && hits.length === 0 ? `No product matches “${q.trim()}”.` : hits.length > 0 ? `Showing ${page * productPageSize + 1}–${page * productPageSize + hits.length}. Use the arrow keys and Enter, or click one.` : 'Searching…'}
      </p>
      {(page > 0 || results.data?.more) && (
        <div className="button-row">
          {page > 0 && <button type="button" className="button-secondary button-small" onClick={() => setPage((p) => p - 1)}>Previous results</button>}
          {results.data?.more && <button type="button" className="button-secondary button-small" onClick={() => setPage((p) => p + 1)}>More results</button>}
        </div>
      )}
    </div>
  );
}
