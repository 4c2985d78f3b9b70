import type { ExceptionDetail } from '../../api/exceptions-api.js';
import { formatTime } from '../../format.js';

export function NotesList({ notes }: { notes: ExceptionDetail['notes'] }) {
  return (
    <section aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes</h3>
      {notes.length === 0 ? <p className="subtle">No notes yet.</p> : (
        <ul className="notes">
          {notes.map((n, i) => (
            <li key={`${n.createdAt}-${i}`}>
              <p className="note-text">{n.text}</p>
              <p className="subtle">{n.author}, {formatTime(n.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
