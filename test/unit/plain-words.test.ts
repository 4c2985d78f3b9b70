import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outboxStatusSchema, subjectKindSchema, syncKindSchema } from '../../shared/admin-api.js';
import { exceptionHelp, exceptionReasonSchema } from '../../shared/exceptions.js';
import { refundFlagSchema, saleFlagSchema } from '../../shared/kiosk-api.js';
import { lineReasonSchema, provisionalReasonSchema, reconciliationStatusSchema } from '../../shared/reconciliation.js';
import { saleStateSchema } from '../../shared/sales-api.js';
import { auditActionSchema, auditActionWord } from '../../shared/words/audit-actions.js';
import { flagLabel, flagMeaning, mainFlags } from '../../shared/words/flags.js';
import { outboxStatusWords } from '../../shared/words/outbox-status.js';
import { reasonMessage, reasonTitle } from '../../shared/words/reasons.js';
import { subjectKindWords } from '../../shared/words/subject-kinds.js';
import { syncKindWords } from '../../shared/words/sync-kinds.js';
import { describeChange } from '../../renderer/src/audit-format.js';
import { saleStateWords } from '../../renderer/src/components/sales/sale-words.js';
import { lineReasonWords, provisionalWords, statusWords } from '../../renderer/src/components/takings/words.js';

/** Every code the agent can put on screen has words, and no words carry a code. */

const code = /\b[a-z]+_[a-z_]+\b/;
const sentence = (words: string | null | undefined): void => {
  expect(words).toBeTruthy();
  expect(words).not.toMatch(code);
};

describe('every code has words (one mapping per kind of code)', () => {
  it.each(exceptionReasonSchema.options)('exception reason %s: a title and a fix', (reason) => {
    sentence(exceptionHelp[reason].title);
    sentence(exceptionHelp[reason].fix);
    expect(reasonTitle(reason)).toBe(exceptionHelp[reason].title);
  });

  it.each([...new Set([...saleFlagSchema.options, ...refundFlagSchema.options])])('flag %s: a label and a meaning', (flag) => {
    sentence(flagLabel(flag));
    sentence(flagMeaning(flag));
  });

  it.each(auditActionSchema.options)('audit action %s', (action) => {
    sentence(auditActionWord(action));
    expect(auditActionWord(action)).not.toBe(action);
  });

  it('outbox states, exception subjects, sync kinds, sale states and takings reasons', () => {
    for (const s of outboxStatusSchema.options) sentence(outboxStatusWords[s]);
    for (const k of subjectKindSchema.options) sentence(subjectKindWords[k]);
    for (const k of syncKindSchema.options) sentence(syncKindWords[k]);
    for (const s of saleStateSchema.options) sentence(saleStateWords[s].label);
    for (const r of lineReasonSchema.options) sentence(lineReasonWords[r]);
    for (const r of provisionalReasonSchema.options) sentence(provisionalWords[r]);
    for (const s of reconciliationStatusSchema.options) sentence(statusWords[s].label);
  });

  it('the handbook names every reason in the window\'s own words, and every flag button', () => {
    const handbook = readFileSync('docs/handbook.md', 'utf8').replace(/\s+/g, ' ');
    // Table "What needs you": each title in italics, as the item's heading says it.
    expect(exceptionReasonSchema.options.filter((r) => !handbook.includes(`*${exceptionHelp[r].title}*`))).toEqual([]);
    // The Stock tab's filter buttons.
    for (const flag of [...mainFlags, 'unmapped_tender'] as const) expect(handbook).toContain(`**${flagLabel(flag)}**`);
  });

  it('a code this build does not know is still shown without underscores', () => {
    expect(reasonTitle('brand_new_reason')).toBe('brand new reason');
    expect(flagLabel('brand_new_flag')).toBe('brand new flag');
    expect(auditActionWord('brand_new_action')).toBe('brand new action');
  });

  it('a recorded hold ("unknown_sku: …") reads with its reason in words; other messages are left alone', () => {
    expect(reasonMessage('unknown_sku: Stok.ly has no item with SKU NEW-1 (sale S-1)'))
      .toBe(`${exceptionHelp.unknown_sku.title}: Stok.ly has no item with SKU NEW-1 (sale S-1)`);
    expect(reasonMessage('timeout: Stok.ly did not answer')).toBe('timeout: Stok.ly did not answer');
  });

  it('an audit change names fields and states in words', () => {
    expect(describeChange({ status: 'exception' }, { status: 'pending' })).toBe('State: Exception → Waiting');
    expect(describeChange({ sku: 'A-1', itemId: null }, { sku: 'A-1', itemId: 'ITEM-7' })).toBe('Stok.ly item: — → ITEM-7');
  });
});
