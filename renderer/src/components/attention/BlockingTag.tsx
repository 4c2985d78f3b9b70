/** Whether the item holds a sale back, as a word and a shape, not only a colour. */
export function BlockingTag({ blocking }: { blocking: boolean }) {
  return blocking
    ? <span className="pill pill-exception"><span aria-hidden="true">■ </span>Holds the sale back</span>
    : <span className="pill pill-review"><span aria-hidden="true">○ </span>Review only</span>;
}
