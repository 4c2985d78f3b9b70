import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** A port nobody listens on now (Prometheus cannot be given port 0). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const vectorSchema = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })) }),
});

export interface PrometheusServer {
  url: string;
  /** Its configuration and database; removed by stop(). */
  dir: string;
  /** Process id, to check it is gone after stop(). */
  pid: number;
  /** The instant vector's values, keyed by nothing: one number per series. */
  query(promql: string): Promise<number[]>;
  stop(): Promise<void>;
}

/** Debian's prometheus on loopback, scraping one target every second, in a tmp dir removed on stop. */
export async function startPrometheus(target: { url: string; token: string; job: string; labels?: Record<string, string> }): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shelfbridge-prometheus-'));
  const targetUrl = new URL(target.url);
  writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify({
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    scrape_configs: [{
      job_name: target.job,
      metrics_path: targetUrl.pathname,
      authorization: { credentials: target.token },
      static_configs: [{ targets: [targetUrl.host], labels: target.labels ?? {} }],
    }],
  }));
  let child: ChildProcess | null = null;
  let output = '';
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      const proc = spawn('prometheus', [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      const url = `http://127.0.0.1:${port}`;
      const ready = await waitReady(url, proc);
      if (ready) {
        return {
          url,
          dir,
          pid: proc.pid ?? -1,
          query: async (promql) => {
            const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
            return vectorSchema.parse(await res.json()).data.result.map((r) => Number(r.value[1]));
          },
          stop,
        };
      }
      // Exited at once: most likely the port was taken between our check and its bind.
      if (attempt >= 2) throw new Error(`prometheus did not start:\n${output.slice(-2000)}`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitReady(url: string, proc: ChildProcess): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (proc.exitCode !== null || proc.signalCode !== null) return false;
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('prometheus did not become ready within 60 s');
}
