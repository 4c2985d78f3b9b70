const kinds: Record<string, string> = { sale: 'Sale', refund: 'Refund' };

/** "Sale S-1234" with the reference in monospace (it is read aloud or typed elsewhere). */
export function SubjectLabel({ kind, reference }: { kind: string; reference: string }) {
  return (
    <span>
      {kinds[kind] ?? kind}{' '}<span className="mono">{reference}</span>
    </span>
  );
}
