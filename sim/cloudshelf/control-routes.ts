import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { faultsPatchSchema } from './faults.js';
import { variantEditSchema } from './manual-edits.js';
import { sandboxOrderSchema } from './order-factory.js';
import type { SandboxRuntime } from './server.js';
import { snapshotOf } from './snapshot.js';

/**
 * `/__sandbox/*`: control routes for tests and other processes (demo, fault tests). No auth and
 * no injected faults, so a test can always inspect and heal the sandbox.
 */
export const CONTROL_PREFIX = '/__sandbox';

function badRequest(error: unknown): { error: string } {
  if (error instanceof z.ZodError) return { error: z.prettifyError(error) };
  return { error: error instanceof Error ? error.message : String(error) };
}

export function registerControlRoutes(app: FastifyInstance, runtime: SandboxRuntime): void {
  app.get(`${CONTROL_PREFIX}/state`, async () => snapshotOf(runtime.state));

  app.get(`${CONTROL_PREFIX}/requests`, async () => runtime.log);

  app.get(`${CONTROL_PREFIX}/faults`, async () => runtime.faults());

  app.put(`${CONTROL_PREFIX}/faults`, async (request, reply) => {
    const parsed = faultsPatchSchema.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send(badRequest(parsed.error));
    runtime.setFaults(parsed.data);
    return runtime.faults();
  });

  app.post(`${CONTROL_PREFIX}/orders`, async (request, reply) => {
    const parsed = sandboxOrderSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(badRequest(parsed.error));
    try {
      const id = runtime.addOrder(parsed.data);
      return reply.code(201).send({ id });
    } catch (error) {
      return reply.code(400).send(badRequest(error));
    }
  });

  // The id is a gid, so URL-encode it: /__sandbox/variants/gid%3A%2F%2Fexternal%2F...
  app.patch<{ Params: { id: string } }>(`${CONTROL_PREFIX}/variants/:id`, async (request, reply) => {
    const parsed = variantEditSchema.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send(badRequest(parsed.error));
    if (!runtime.state.findVariant(request.params.id)) {
      return reply.code(404).send({ error: `No variant ${request.params.id} in the Cloudshelf sandbox` });
    }
    runtime.editVariant(request.params.id, parsed.data);
    return reply.code(204).send();
  });
}
