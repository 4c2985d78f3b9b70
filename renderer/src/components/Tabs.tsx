import { useRef, type KeyboardEvent } from 'react';
import type { TabId } from '../hooks/useHashRoute.js';

export interface TabItem {
  id: TabId;
  label: string;
  /** A count shown after the label, e.g. open items; 0 shows nothing. */
  count?: number;
  /** Read with the count: "3 open". */
  countWord?: string;
}

export const tabId = (id: TabId): string => `tab-${id}`;
export const panelId = (id: TabId): string => `panel-${id}`;

/**
 * WAI-ARIA tabs: Tab reaches the selected tab, arrow keys / Home / End move and open the
 * others; every tab is also an ordinary button for the mouse.
 */
export function Tabs({ items, selected, onSelect }: { items: readonly TabItem[]; selected: TabId; onSelect(id: TabId): void }) {
  const refs = useRef(new Map<TabId, HTMLButtonElement>());

  const move = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = items.length - 1;
    const next = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
        : e.key === 'Home' ? 0
          : e.key === 'End' ? last
            : null;
    if (next === null) return;
    e.preventDefault();
    const item = items[next];
    if (!item) return;
    onSelect(item.id);
    refs.current.get(item.id)?.focus();
  };

  return (
    <nav className="tabs-bar" aria-label="Views">
      <div role="tablist" aria-label="Views" className="tabs">
        {items.map((item, index) => {
          const active = item.id === selected;
          return (
            <button
              key={item.id}
              ref={(el) => {
                if (el) refs.current.set(item.id, el);
                else refs.current.delete(item.id);
              }}
              type="button"
              role="tab"
              id={tabId(item.id)}
              aria-selected={active}
              aria-controls={panelId(item.id)}
              tabIndex={active ? 0 : -1}
              className={`tab${active ? ' tab-active' : ''}`}
              onClick={() => onSelect(item.id)}
              onKeyDown={(e) => move(e, index)}
            >
              {item.label}
              {item.count ? (
                <span className="tab-count">
                  {' '}{item.count}<span className="visually-hidden"> {item.countWord ?? ''}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
    </nav>
  );
}
