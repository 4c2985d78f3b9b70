import type { Db } from './connection.js';

/**
 * A `prepare` that compiles each SQL text once. Preparing costs more than running a short
 * statement, and some are built per call (an `IN (?, …)` list per length). Bounded, oldest
 * dropped first, so lists of many lengths cannot grow it without end. Not for statements that
 * are iterated while another call may run the same text.
 */
export function statementCache(db: Db, max = 256): Db['prepare'] {
  const statements = new Map<string, unknown>();
  return ((sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      if (statements.size >= max) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}
