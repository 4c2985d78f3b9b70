import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { answerCommitted, type SandboxContext } from '../context.js';
import { notFound, parseBody } from '../errors.js';
import { listEnvelope, parseListQuery } from '../list-query.js';
import { createCustomerSchema } from '../schemas/customers.js';
import type { Customer } from '../types.js';

type CustomerParams = { Params: { customerId: string } };

/**
 * `/v0/customers`. A new customer is left out of lists for `customerVisibilityDelayMs` (sandbox
 * control; the real service's eventual consistency is ASSUMED possible), as a client must tolerate.
 */
export function registerCustomerRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.post('/v0/customers', async (request, reply) => {
    const body = parseBody(createCustomerSchema, request.body);
    const now = state.nowIso();
    const customer: Customer = { customerId: randomUUID(), status: 0, ...body, timeCreated: now, timeUpdated: now, visibleFrom: ctx.now() + state.customerVisibilityDelayMs };
    state.customers.set(customer.customerId, customer);
    return answerCommitted(ctx, request, reply, 201, { data: { id: customer.customerId } });
  });

  app.get('/v0/customers', async (request) => {
    const visible = [...state.customers.values()].filter((c) => c.visibleFrom <= ctx.now());
    return listEnvelope(visible, parseListQuery(request.query), 'customerId', customerView);
  });

  app.get<CustomerParams>('/v0/customers/:customerId', async (request) => {
    const customer = state.customers.get(request.params.customerId);
    if (!customer) throw notFound(`Customer ${request.params.customerId} not found`);
    return { data: customerView(customer) };
  });
}

function customerView(c: Customer): Omit<Customer, 'visibleFrom'> {
  const { visibleFrom: _visibleFrom, ...view } = c;
  return view;
}
