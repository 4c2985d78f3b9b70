import type { Db } from './connection.js';

/** One forward-only step of the schema; `version` is a multiple of 10 (0010, 0020, …). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
