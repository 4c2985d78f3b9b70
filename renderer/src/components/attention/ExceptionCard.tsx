import { useEffect, useRef } from 'react';
import type { ExceptionItem } from '../../../../shared/admin-api.js';
import { ageOf } from '../../format.js';
import { BlockingTag } from './BlockingTag.js';
import { priceReviewSentence } from './detail-words.js';
import { SubjectLabel } from './SubjectLabel.js';

/** One open item in the list: what, why in plain words, what to do, which sale, how long. */
export function ExceptionCard({ item, now, focus }: { item: ExceptionItem; now: number; focus: boolean }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focus) link.current?.focus();
  }, [focus]);
  return (
    <li className={`attention-item${item.blocking ? ' attention-blocking' : ''}`}>
      <div className="attention-top">
        <h3 className="attention-title">
          <a ref={link} href={`#/attention/${item.id}`}>{item.title}</a>
        </h3>
        <BlockingTag blocking={item.blocking} />
      </div>
      <p className="attention-meta">
        <SubjectLabel kind={item.subjectKind} reference={item.subjectRef} />
        {' · '}waiting {ageOf(item.createdAt, now)}
      </p>
      <p className="attention-detail">{item.priceReview ? priceReviewSentence(item.priceReview) : item.detail}</p>
      <p className="fix"><strong>What to do:</strong> {item.fix}</p>
    </li>
  );
}
