import { z } from 'zod';
import { CONFIG_EXAMPLES } from './config-examples.js';
import { configSchema } from './config.js';

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema; examples?: unknown[] };

/** The node for a dotted path ("kioskApi.kiosks.[].id") inside a generated schema. */
function nodeAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const part of path.split('.')) {
    node = part === '[]' ? node?.items : node?.properties?.[part];
  }
  return node;
}

/**
 * docs/config.schema.json: the configuration's JSON Schema (draft 2020-12), generated from
 * the zod schema the agent validates with, so editors and IT's tools check the same rules
 * (except the few refinements JSON Schema cannot say, such as a valid time zone).
 */
export function configJsonSchema(): JsonSchema {
  // "input": what a file may contain; keys with defaults are optional there.
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  for (const [path, example] of Object.entries(CONFIG_EXAMPLES)) {
    const node = nodeAt(schema, path);
    if (node) node.examples = [example];
  }
  return {
    $schema: schema.$schema,
    $id: 'https://shelfbridge.local/config.schema.json',
    title: 'Shelfbridge agent configuration',
    description: 'Generated from electron/core/config.ts by `npm run config:schema`; see docs/configuration.md.',
    ...schema,
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
