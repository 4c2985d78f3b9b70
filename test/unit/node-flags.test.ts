import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENT_NODE_FLAGS } from '../../electron/core/node-flags.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the agent runs with the same V8 flags however IT starts it', () => {
  const headless = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start:headless'] ?? '';
  const execStart = /^ExecStart=(.*)$/m.exec(read('deploy/shelfbridge.service'))?.[1] ?? '';

  it.each([['npm run start:headless', headless], ['the systemd unit', execStart]])('%s passes every flag before the script', (_, command) => {
    const beforeScript = command.slice(0, command.indexOf('headless.js'));
    for (const flag of AGENT_NODE_FLAGS) expect(beforeScript.split(/\s+/)).toContain(flag);
  });
});
