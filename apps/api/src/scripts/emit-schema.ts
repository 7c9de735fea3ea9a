/** Writes apps/api/schema.graphql from the code-first schema. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printSdl } from '../schema';

const file = join(import.meta.dirname, '..', '..', 'schema.graphql');
await writeFile(file, await printSdl());
console.log(`wrote ${file}`);
