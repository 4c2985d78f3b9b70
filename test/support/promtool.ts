import { spawnSync } from 'node:child_process';

/** Runs Debian's promtool (the prometheus package; .ci/run installs it) and returns its output. */
export function promtool(args: readonly string[], input?: string): { status: number | null; output: string } {
  const r = spawnSync('promtool', args, { input, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error(`promtool could not run (apt-get install -y prometheus): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** One sample's value from Prometheus text format, e.g. sample(text, 'shelfbridge_sends_total{result="done"}'). */
export function sample(text: string, series: string): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1).split(' ')[0]);
  }
  return undefined;
}
