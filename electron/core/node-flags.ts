/**
 * V8 flags the agent process runs with, wherever it is started (the Electron shell's fork,
 * `npm run start:headless`, the systemd unit; a test keeps the last two in step with this list).
 * - A 1 MB young generation: about 10–20 MB less idle memory.
 * - A 384 MB old-generation cap: not a limit the agent comes near (its live heap is about 40 MB
 *   with 50,000 products), but V8 scales how far it lets the heap grow between full collections
 *   with this cap (×1.3 near 256 MB, ×4 with the default of several GB). It keeps the first sync
 *   of a 50,000-item shop under 150 MB without slowing it (docs/performance.md, Sync).
 */
export const AGENT_NODE_FLAGS = ['--max-semi-space-size=1', '--max-old-space-size=384'] as const;
