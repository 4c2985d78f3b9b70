import type { z } from 'zod';
import {
  exceptionActionSchema, exceptionDetailSchema, exceptionListSchema,
  type ExceptionActionInput, type ExceptionItem, type ExceptionStatus,
} from '../../../shared/admin-api.js';
import { cloudshelfIssueListSchema, type CloudshelfIssue } from './schemas.js';
import { AdminApiError, type Transport } from './transport.js';

export type ExceptionDetail = z.infer<typeof exceptionDetailSchema>;
export type ExceptionStatusFilter = ExceptionStatus;

export interface ExceptionsApi {
  exceptions(status: ExceptionStatusFilter, limit?: number): Promise<ExceptionItem[]>;
  exception(id: number): Promise<ExceptionDetail>;
  /** Checked against the contract before sending, so a typo is explained here, not by a 400. */
  act(id: number, action: ExceptionActionInput): Promise<ExceptionDetail>;
  cloudshelfIssues(): Promise<CloudshelfIssue[]>;
}

export function exceptionsApi(t: Transport): ExceptionsApi {
  return {
    exceptions: async (status, limit = 200) => {
      const query = new URLSearchParams({ status, limit: String(limit) });
      return (await t.get(`/api/exceptions?${query.toString()}`, exceptionListSchema)).items;
    },
    exception: (id) => t.get(`/api/exceptions/${encodeURIComponent(String(id))}`, exceptionDetailSchema),
    act: async (id, action) => {
      const checked = exceptionActionSchema.safeParse(action);
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AdminApiError(0, `Please check: ${issues.map((i) => `${i.path || 'form'} ${i.message}`).join('; ')}.`, issues);
      }
      return t.postJson(`/api/exceptions/${encodeURIComponent(String(id))}/actions`, checked.data, exceptionDetailSchema);
    },
    cloudshelfIssues: async () => (await t.get('/api/cloudshelf/issues', cloudshelfIssueListSchema)).items,
  };
}
