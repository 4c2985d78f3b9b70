import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { promtool } from '../support/promtool.js';

const dashboardSchema = z.object({
  uid: z.string(),
  title: z.string(),
  __inputs: z.array(z.object({ name: z.literal('DS_PROMETHEUS'), pluginId: z.literal('prometheus') })),
  panels: z.array(z.object({ title: z.string(), type: z.string(), targets: z.array(z.object({ expr: z.string().min(1) })).min(1) })),
});

const dashboard = (): z.infer<typeof dashboardSchema> =>
  dashboardSchema.parse(JSON.parse(readFileSync('deploy/grafana/shelfbridge-fleet.json', 'utf8')));

describe('Grafana fleet dashboard', { timeout: 60_000 }, () => {
  it('has the fleet overview panels: oldest pending age, exceptions, stale stock, versions', () => {
    const titles = dashboard().panels.map((p) => p.title);
    expect(titles).toEqual(expect.arrayContaining(['Stores by oldest waiting sale', 'Exceptions by store', 'Stock age by store', 'Versions']));
  });

  it('every query is valid PromQL (promtool checks them as recording rules)', () => {
    const exprs = dashboard().panels.flatMap((p) => p.targets.map((t) => t.expr));
    const rules = ['groups:', '  - name: dashboard', '    rules:', ...exprs.flatMap((e, i) => [`      - record: dashboard:q${i}`, `        expr: ${JSON.stringify(e)}`])].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'shelfbridge-dashboard-'));
    try {
      writeFileSync(join(dir, 'queries.yml'), `${rules}\n`);
      const r = promtool(['check', 'rules', join(dir, 'queries.yml')]);
      expect(r.output).toContain(`SUCCESS: ${exprs.length} rules found`);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
