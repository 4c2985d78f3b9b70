import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_FAULTS, mergeFaults, type CloudshelfFaults } from './faults.js';
import { editVariant, type VariantEdit } from './manual-edits.js';
import { createOrder, type SandboxOrderInput } from './order-factory.js';
import type { RequestLogEntry } from './request-log.js';
import { buildServer, GRAPHQL_PATH } from './server.js';
import { snapshotOf, type CloudshelfSnapshot } from './snapshot.js';
import { CloudshelfState } from './state.js';

export type { CloudshelfFaults } from './faults.js';
export type { VariantEdit } from './manual-edits.js';
export type { SandboxOrderInput, SandboxOrderLineInput } from './order-factory.js';
export type { RequestLogEntry } from './request-log.js';
export type { CloudshelfSnapshot } from './snapshot.js';
export { CloudshelfState } from './state.js';
export type { OrderStatus } from './state.js';

export interface CloudshelfSandboxOptions {
  /** Default 'cloudshelf-sandbox-key'. */
  apiKey?: string;
  /** The organisation's safety stock number: in stock when quantity > safetyStock. Default 0. */
  safetyStock?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Clock for createdAt/updatedAt and the request log; default Date.now. */
  now?: () => number;
  /** Source of randomness for `errorRate`; default Math.random. */
  random?: () => number;
}

export const DEFAULT_SANDBOX_API_KEY = 'cloudshelf-sandbox-key';

/**
 * An in-memory stand-in for Cloudshelf's ingest GraphQL API (see ../shared/reference/cloudshelf.md),
 * served over real HTTP with the real schema excerpt.
 */
export class CloudshelfSandbox {
  readonly apiKey: string;
  readonly state: CloudshelfState;
  private faults: CloudshelfFaults = { ...DEFAULT_FAULTS };
  private readonly log: RequestLogEntry[] = [];
  private readonly now: () => number;
  private readonly app: FastifyInstance;
  private origin = '';

  private constructor(options: CloudshelfSandboxOptions) {
    const safetyStock = options.safetyStock ?? 0;
    if (!Number.isInteger(safetyStock) || safetyStock < 0) {
      throw new Error(`safetyStock must be a whole number of 0 or more, got ${safetyStock}`);
    }
    this.apiKey = options.apiKey ?? DEFAULT_SANDBOX_API_KEY;
    this.state = new CloudshelfState(safetyStock);
    this.now = options.now ?? Date.now;
    this.app = buildServer({
      apiKey: this.apiKey,
      state: this.state,
      now: this.now,
      random: options.random ?? Math.random,
      log: this.log,
      faults: () => this.currentFaults(),
      setFaults: (patch) => this.setFaults(patch),
      addOrder: (order) => this.addOrder(order),
      editVariant: (id, edit) => this.editVariant(id, edit),
    });
  }

  static async start(options: CloudshelfSandboxOptions = {}): Promise<CloudshelfSandbox> {
    const sandbox = new CloudshelfSandbox(options);
    const host = options.host ?? '127.0.0.1';
    await sandbox.app.listen({ host, port: options.port ?? 0 });
    const { port } = sandbox.app.server.address() as AddressInfo;
    sandbox.origin = `http://${urlHost(host)}:${port}`;
    return sandbox;
  }

  /** The GraphQL endpoint, e.g. http://127.0.0.1:1234/graphql. */
  get url(): string {
    return `${this.origin}${GRAPHQL_PATH}`;
  }

  /** Origin of the control routes, e.g. http://127.0.0.1:1234 (then /__sandbox/state). */
  get baseUrl(): string {
    return this.origin;
  }

  /** Merge into the current faults (validated; throws on invalid values). */
  setFaults(patch: Partial<CloudshelfFaults>): void {
    this.faults = mergeFaults(this.faults, patch);
  }

  currentFaults(): CloudshelfFaults {
    return { ...this.faults };
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  /** Create an order as a kiosk would (default status PAID); returns its Cloudshelf id. */
  addOrder(order: SandboxOrderInput): string {
    return createOrder(this.state, order, this.now()).id;
  }

  /** Simulate a change made by hand in Cloudshelf, which the sync must overwrite. */
  editVariant(id: string, patch: VariantEdit): void {
    editVariant(this.state, id, patch, this.now());
  }

  /** Every /graphql request in arrival order (control routes are not logged). */
  requestLog(): ReadonlyArray<RequestLogEntry> {
    return this.log.map((entry) => ({ ...entry, operationNames: [...entry.operationNames] }));
  }

  clearRequestLog(): void {
    this.log.length = 0;
  }

  /** The same plain-JSON picture as GET /__sandbox/state. */
  snapshot(): CloudshelfSnapshot {
    return snapshotOf(this.state);
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
