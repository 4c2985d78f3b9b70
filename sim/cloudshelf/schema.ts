import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType, type GraphQLSchema } from 'graphql';

/**
 * The sandbox serves Cloudshelf's own schema excerpt, unchanged (`schema.graphql`, a copy of
 * ../shared/reference/cloudshelf-ingest-schema.graphql).
 */

const CANDIDATES = [
  new URL('./schema.graphql', import.meta.url),
  // Compiled to dist/sim/cloudshelf/: the .graphql file stays beside the sources.
  new URL('../../../sim/cloudshelf/schema.graphql', import.meta.url),
];

export function schemaPath(): string {
  for (const url of CANDIDATES) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error('Cloudshelf sandbox: schema.graphql not found beside sim/cloudshelf/schema.ts');
}

let cached: GraphQLSchema | undefined;

export function cloudshelfSchema(): GraphQLSchema {
  cached ??= buildSchema(readFileSync(schemaPath(), 'utf8'));
  return cached;
}

/** The values of an enum of the schema (CurrencyCode, OrderStatus, ...). */
export function enumValues(typeName: string): ReadonlySet<string> {
  const type = cloudshelfSchema().getType(typeName);
  if (!isEnumType(type)) throw new Error(`${typeName} is not an enum of the Cloudshelf schema`);
  return new Set(type.getValues().map((v) => v.name));
}
