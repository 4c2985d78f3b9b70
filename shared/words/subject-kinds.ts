import type { SubjectKind } from '../admin-api.js';

/** What an exception is about, as its card and detail name it. */
export const subjectKindWords: Record<SubjectKind, string> = {
  sale: 'Sale',
  refund: 'Refund',
  cloudshelf_order: 'Cloudshelf order',
  cloudshelf_catalog: 'Cloudshelf catalogue',
};
