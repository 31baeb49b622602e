/** `pnpm schemas`: regenerate packages/core/schemas/*.schema.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderJsonSchemas } from '../src/json-schemas.js';

const dir = path.resolve(import.meta.dirname, '..', 'schemas');
for (const [name, text] of renderJsonSchemas()) {
  writeFileSync(path.join(dir, `${name}.schema.json`), text);
  process.stdout.write(`wrote schemas/${name}.schema.json\n`);
}
