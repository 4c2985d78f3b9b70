import { flagLabel, mainFlags } from '../../../../shared/words/flags.js';

/** Toggle buttons "Oversold 3" …; the counts are those of the day and state shown, so they match the list. */
export function FlagFilter({ counts, selected, onSelect }: {
  counts: Record<string, number>;
  selected: string | null;
  onSelect(flag: string | null): void;
}) {
  const others = Object.keys(counts).filter((f) => !(mainFlags as readonly string[]).includes(f)).sort();
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const options: Array<{ flag: string | null; label: string; count: number }> = [
    { flag: null, label: 'All', count: all },
    ...mainFlags.map((f) => ({ flag: f, label: flagLabel(f), count: counts[f] ?? 0 })),
    ...others.map((f) => ({ flag: f, label: flagLabel(f), count: counts[f] ?? 0 })),
  ];
  return (
    <div className="flag-filter" role="group" aria-label="Show flags of one kind">
      {options.map((o) => (
        <button
          key={o.flag ?? 'all'}
          type="button"
          className={`chip${selected === o.flag ? ' chip-on' : ''}`}
          aria-pressed={selected === o.flag}
          onClick={() => onSelect(o.flag)}
        >
          {o.label} <span className="chip-count">{o.count}</span>
        </button>
      ))}
    </div>
  );
}
