import { subjectKindSchema } from '../../../../shared/admin-api.js';
import { subjectKindWords } from '../../../../shared/words/subject-kinds.js';

const kindWord = (kind: string): string => {
  const known = subjectKindSchema.safeParse(kind);
  return known.success ? subjectKindWords[known.data] : kind.replace(/_/g, ' ');
};

/** "Sale S-1234" with the reference in monospace (it is read aloud or typed elsewhere). */
export function SubjectLabel({ kind, reference }: { kind: string; reference: string }) {
  return (
    <span>
      {kindWord(kind)}{' '}<span className="mono">{reference}</span>
    </span>
  );
}
