import type { SaleState } from '../../../../shared/sales-api.js';
import { saleStateWords } from './sale-words.js';

export function SaleStatePill({ state }: { state: SaleState }) {
  const words = saleStateWords[state];
  return <span className={`pill ${words.pill}`}>{words.label}</span>;
}
