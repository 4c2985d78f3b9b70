import { formatAmount } from '../../format.js';

/** Stok.ly minus kiosk, with a word: "matches", "Stok.ly short", "Stok.ly over". */
export function VarianceAmount({ minor, currency }: { minor: number; currency: string | null }) {
  if (minor === 0) return <span className="variance-none">{formatAmount(0, currency)} <span className="variance-word">matches</span></span>;
  const short = minor < 0;
  return (
    <span className="variance-bad">
      <span aria-hidden="true">{short ? '▼ ' : '▲ '}</span>
      {short ? '−' : '+'}{formatAmount(Math.abs(minor), currency)}{' '}
      <span className="variance-word">{short ? 'Stok.ly short' : 'Stok.ly over'}</span>
    </span>
  );
}
