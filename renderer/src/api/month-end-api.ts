import {
  checklistSchema, monthTakingsSchema, movementListSchema,
  type Checklist, type CheckTickInput, type MonthSignOffInput, type MonthTakings, type MovementList,
} from '../../../shared/month-end.js';
import type { Transport } from './transport.js';

export interface MonthEndApi {
  /** The month's takings (the agent builds any day with no report, so this can take a while). */
  month(month: string): Promise<MonthTakings>;
  monthCsv(month: string): Promise<Blob>;
  signOffMonth(month: string, input: MonthSignOffInput): Promise<MonthTakings>;
  movements(from: string, to: string): Promise<MovementList>;
  movementsCsv(from: string, to: string): Promise<Blob>;
  checklist(): Promise<Checklist>;
  tickCheck(input: CheckTickInput): Promise<Checklist>;
}

export function monthEndApi(t: Transport): MonthEndApi {
  const month = (m: string): string => `/api/reconciliation/month/${encodeURIComponent(m)}`;
  const range = (from: string, to: string): string => new URLSearchParams({ from, to }).toString();
  return {
    month: async (m) => (await t.getSlow(month(m), monthTakingsSchema, 'x-reconciliation-stale')).data,
    monthCsv: (m) => t.download(`${month(m)}.csv`),
    signOffMonth: (m, input) => t.postJson(`${month(m)}/signoff`, input, monthTakingsSchema),
    movements: (from, to) => t.get(`/api/stock-movements?${range(from, to)}`, movementListSchema),
    movementsCsv: (from, to) => t.download(`/api/stock-movements.csv?${range(from, to)}`),
    checklist: () => t.get('/api/checks', checklistSchema),
    tickCheck: (input) => t.postJson('/api/checks', input, checklistSchema),
  };
}
