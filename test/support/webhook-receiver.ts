import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'ok' | 'fail' | 'hang';

export interface WebhookReceiver {
  url: string;
  /** Bodies it answered 2xx to, in order. */
  accepted: unknown[];
  /** Every request, whatever it was answered. */
  attempts: number;
  /** How the next requests are answered (the last entry repeats). */
  script(behaviours: Behaviour[]): void;
  stop(): Promise<void>;
}

/** A stand-in for a Slack/Teams incoming webhook that can fail or hang on cue. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let plan: Behaviour[] = ['ok'];
  const hanging = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: '',
    accepted: [],
    attempts: 0,
    script: (behaviours) => {
      plan = [...behaviours];
    },
    stop: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      receiver.attempts += 1;
      const behaviour = plan.length > 1 ? plan.shift()! : plan[0]!;
      if (behaviour === 'hang') {
        hanging.add(res);
        return;
      }
      if (behaviour === 'fail') {
        res.writeHead(500).end('receiver down');
        return;
      }
      receiver.accepted.push(JSON.parse(body) as unknown);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
