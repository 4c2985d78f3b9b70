import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText } from './config-json-schema.js';

/** `npm run config:schema`: regenerate docs/config.schema.json after changing config.ts. */
const target = join(import.meta.dirname, '..', '..', 'docs', 'config.schema.json');
writeFileSync(target, configJsonSchemaText());
console.log(`wrote ${target}`);
