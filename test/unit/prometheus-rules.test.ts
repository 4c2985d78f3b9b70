import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promtool } from '../support/promtool.js';

const RULES = 'deploy/prometheus/shelfbridge-rules.yml';
const ALERTS = ['ShelfbridgeAgentDown', 'ShelfbridgeSalesStalled', 'ShelfbridgeStoklyUnreachable', 'ShelfbridgeStockStale', 'ShelfbridgeExceptionsWaiting', 'ShelfbridgeReconciliationVariance'];

describe('shipped Prometheus alert rules', { timeout: 60_000 }, () => {
  it('pass promtool check rules', () => {
    const r = promtool(['check', 'rules', RULES]);
    expect(r.output).toContain('SUCCESS: 6 rules found');
    expect(r.status).toBe(0);
  });

  it('pass their promtool unit tests (fire when they should, not before, and clear)', () => {
    const r = promtool(['test', 'rules', 'deploy/prometheus/shelfbridge-rules.test.yml']);
    expect(r.output).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it('each alert has an owner, a summary and a handbook section that exists', () => {
    const rules = readFileSync(RULES, 'utf8');
    const handbook = readFileSync('docs/handbook.md', 'utf8');
    const anchors = new Set([...handbook.matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    const links = [...rules.matchAll(/runbook_url: "docs\/handbook\.md#([a-z0-9-]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(ALERTS.length);
    for (const anchor of links) expect(anchors, `handbook section #${anchor}`).toContain(anchor);
    for (const name of ALERTS) expect(rules).toContain(`alert: ${name}\n`);
    expect([...rules.matchAll(/owner: (\w+)/g)]).toHaveLength(ALERTS.length);
  });

  it('a rule unit test that expects the wrong thing fails (the tests can fail)', () => {
    const broken = readFileSync('deploy/prometheus/shelfbridge-rules.test.yml', 'utf8').replace('exp_labels: { severity: critical, owner: it, store: store-001 }', 'exp_labels: { severity: info, owner: it, store: store-001 }');
    const dir = mkdtempSync(join(tmpdir(), 'shelfbridge-rules-'));
    try {
      copyFileSync(RULES, join(dir, 'shelfbridge-rules.yml'));
      writeFileSync(join(dir, 'broken.test.yml'), broken);
      const r = promtool(['test', 'rules', join(dir, 'broken.test.yml')]);
      expect(r.output).toMatch(/FAILED/);
      expect(r.output).toContain('ShelfbridgeSalesStalled');
      expect(r.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
