import { useId } from 'react';
import type { ReconciliationVersion } from '../../../../shared/reconciliation.js';
import { formatTime } from '../../format.js';
import { statusWords } from './words.js';

/** "Latest" first, then every earlier version with when it was built and its status word. */
export function VersionSelect({ versions, selected, onSelect }: {
  versions: ReconciliationVersion[];
  selected: number | null;
  onSelect(version: number | null): void;
}) {
  const id = useId();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  return (
    <div className="version-select">
      <label htmlFor={id} className="field-label">Version</label>
      <select id={id} value={selected === null ? 'latest' : String(selected)} onChange={(e) => onSelect(e.target.value === 'latest' ? null : Number(e.target.value))}>
        <option value="latest">Latest{latest ? ` (version ${latest.version}, built ${formatTime(latest.builtAt)})` : ''}</option>
        {sorted.slice(1).map((v) => (
          <option key={v.version} value={String(v.version)}>
            Version {v.version}, built {formatTime(v.builtAt)}: {statusWords[v.status].label}
          </option>
        ))}
      </select>
      {sorted.length <= 1 && <p className="subtle">Only one version so far.</p>}
    </div>
  );
}
