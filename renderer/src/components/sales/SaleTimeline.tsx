import type { SaleDetail } from '../../../../shared/sales-api.js';
import { formatAmount, formatTime } from '../../format.js';
import { useKioskName } from '../../hooks/useKioskName.js';
import { timelineWords } from './sale-words.js';

/** Everything that happened to a sale, oldest first: received, flags, each try, who did what, refunds. */
export function SaleTimeline({ sale }: { sale: SaleDetail }) {
  const kioskName = useKioskName();
  const money = (minor: number): string => formatAmount(minor, sale.summary.currency);
  const kept = sale.timeline.filter((e) => e.kind === 'attempt').length;
  return (
    <section aria-labelledby="sale-timeline-heading">
      <h4 id="sale-timeline-heading">What happened</h4>
      <ol className="timeline">
        {sale.timeline.map((e, i) => {
          const words = timelineWords(e, { kioskName, money });
          return (
            <li key={i} className={`timeline-item timeline-${e.kind}`}>
              <p className="timeline-when">{formatTime(e.at)}</p>
              <p className="timeline-what">{words.title}</p>
              {words.detail && <p className="cell-note">{words.detail}</p>}
            </li>
          );
        })}
      </ol>
      {sale.attempts > kept && kept > 0 && (
        <p className="subtle">Only the latest {kept} of {sale.attempts} tries are listed.</p>
      )}
    </section>
  );
}
