/** Marks the line the problem is about, in words. */
export function ProblemMark() {
  return <span className="problem-mark"><span aria-hidden="true">⚠ </span>this SKU</span>;
}
