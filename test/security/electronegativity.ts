import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * `npm run security:electron`: Electronegativity over the Electron code; fails on any HIGH or
 * CRITICAL finding that is not explained as a false positive in
 * test/security/electronegativity-false-positives.json.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'eneg-'));

/**
 * Electronegativity writes its CSV header and its rows with two unawaited fs.writeFile calls
 * (dist/util/file.js): when the rows land first, the header overwrites their first bytes. A
 * report whose every row does not start with a check id is such a race: run it again.
 */
function findings(): Array<Record<string, string>> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const out = join(dir, `findings-${attempt}.csv`);
    execFileSync(process.execPath, [join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', join(ROOT, 'electron'), '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    const text = readFileSync(out, 'utf8');
    const rows = text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '');
    if (rows.every((l) => /^[A-Z_]+,/.test(l))) return parse(text, { columns: true, trim: true }) as Array<Record<string, string>>;
    console.log(`electronegativity: report ${attempt} was garbled by its own write race; running it again`);
  }
  throw new Error('electronegativity: five garbled reports in a row');
}
const rows = findings();
const explained = (JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-false-positives.json'), 'utf8')) as { explained: Array<{ check: string; file: string }> }).explained;
const serious = rows.filter((r) => r.severity === 'HIGH' || r.severity === 'CRITICAL');
const unexplained = serious.filter((r) => {
  const file = r.filename && r.filename !== 'N/A' ? relative(ROOT, r.filename) : 'N/A';
  return !explained.some((e) => e.check === r.issue && e.file === file);
});
console.log(`electronegativity: ${rows.length} finding(s), ${serious.length} high/critical, ${serious.length - unexplained.length} explained as false positives`);
for (const r of unexplained) console.log(`  UNEXPLAINED ${r.severity} ${r.issue} ${r.filename}:${r.location} ${r.description}`);
process.exit(unexplained.length ? 1 : 0);
