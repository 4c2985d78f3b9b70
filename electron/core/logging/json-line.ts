import { format } from 'node:util';

export interface LogRecord {
  date: Date;
  level: string;
  scope?: string | undefined;
  data: readonly unknown[];
}

/** Fields every line carries so a log shipper can tell stores and versions apart. */
export interface LineContext {
  storeId: string;
  version: string;
}

/**
 * One JSON object per line for IT's log shipper. The message is printf-formatted like the text
 * log; an Error argument gives its message and stack as their own fields. JSON escaping keeps control characters from
 * forging lines.
 */
export function jsonLogLine(record: LogRecord, context: LineContext): string {
  const error = record.data.find((d): d is Error => d instanceof Error);
  const rest = record.data.filter((d) => d !== error);
  const line: Record<string, string> = {
    time: record.date.toISOString(),
    level: record.level,
    ...(record.scope ? { scope: record.scope } : {}),
    msg: rest.length ? format(...rest) : (error?.message ?? ''),
    store: context.storeId,
    version: context.version,
    ...(error ? { error: error.message, ...(error.stack ? { stack: error.stack } : {}) } : {}),
  };
  return JSON.stringify(line);
}
