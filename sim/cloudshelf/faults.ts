import { z } from 'zod';

/** Failures the sandbox injects into `/graphql` requests (never into `/__sandbox/` routes). */
export interface CloudshelfFaults {
  /** 0..1: the share of requests answered with `errorStatus` instead of being executed. */
  errorRate: number;
  /** The statuses Cloudshelf's own connector retries. */
  errorStatus: 499 | 502 | 503 | 504;
  /** Delay before anything else happens to the request. */
  latencyMs: number;
  /** Destroy the socket without answering (after the latency). */
  outage: boolean;
}

export const DEFAULT_FAULTS: Readonly<CloudshelfFaults> = { errorRate: 0, errorStatus: 503, latencyMs: 0, outage: false };

export const faultsPatchSchema = z
  .object({
    errorRate: z.number().min(0).max(1),
    errorStatus: z.union([z.literal(499), z.literal(502), z.literal(503), z.literal(504)]),
    latencyMs: z.number().int().min(0).max(600_000),
    outage: z.boolean(),
  })
  .partial()
  .strict();

export function mergeFaults(current: CloudshelfFaults, patch: Partial<CloudshelfFaults>): CloudshelfFaults {
  const parsed = faultsPatchSchema.safeParse(patch);
  if (!parsed.success) throw new Error(`Invalid Cloudshelf sandbox faults: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  return {
    errorRate: d.errorRate ?? current.errorRate,
    errorStatus: d.errorStatus ?? current.errorStatus,
    latencyMs: d.latencyMs ?? current.latencyMs,
    outage: d.outage ?? current.outage,
  };
}

/** What to do with a request once the latency has passed. */
export type FaultDecision = { kind: 'pass' } | { kind: 'drop' } | { kind: 'error'; status: CloudshelfFaults['errorStatus'] };

export function decideFault(faults: CloudshelfFaults, random: () => number): FaultDecision {
  if (faults.outage) return { kind: 'drop' };
  if (faults.errorRate > 0 && random() < faults.errorRate) return { kind: 'error', status: faults.errorStatus };
  return { kind: 'pass' };
}

const STATUS_TEXT: Record<CloudshelfFaults['errorStatus'], string> = {
  499: 'Client Closed Request',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function faultBody(status: CloudshelfFaults['errorStatus']): { errors: { message: string }[] } {
  return { errors: [{ message: `${status} ${STATUS_TEXT[status]} (injected by the Cloudshelf sandbox)` }] };
}
