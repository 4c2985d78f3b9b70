import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const OPENAPI_PATH = '/v1/openapi.json';
export const CONTRACT_VERSION = '1.1';

/**
 * `GET /v1/openapi.json` (contract 1.1): the kiosk API as an OpenAPI 3.1 document, built from
 * the zod schemas the routes validate with, so a vendor's generated client cannot drift from
 * what the agent accepts. No token needed; every other route but /health needs one.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shelfbridge kiosk LAN API',
        version: CONTRACT_VERSION,
        description: 'Kiosks send sales and refunds and read stock and products. The contract in words: docs/kiosk-api.md.',
      },
      components: { securitySchemes: { kioskToken: { type: 'http', scheme: 'bearer', description: "This kiosk's own token (enrolled in the staff window)." } } },
      security: [{ kioskToken: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // The public routes say so, overriding the document-wide bearer requirement.
      return PUBLIC_ROUTES.has(input.url) ? { ...out, schema: { ...out.schema, security: [] } } : out;
    },
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}

const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['/health', OPENAPI_PATH]);
