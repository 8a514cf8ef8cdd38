// Writes the JSON Schemas of the incident front matter and of catalog.yaml to
// schemas/, from the zod schemas (src/core/jsonSchemas.ts). The build runs
// it. The files are committed, so other tools can link to them in the
// repository; test/unit/json-schemas.test.ts fails when they differ from what
// this writes.
//
//   node scripts/schemas.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Writes the files that changed; returns their paths relative to the repository. */
export async function writeJsonSchemas() {
  const { JSON_SCHEMA_FOLDER, jsonSchemaFiles } = await tsImport('../src/core/jsonSchemas.ts', import.meta.url);
  const folder = join(repoRoot, JSON_SCHEMA_FOLDER);
  mkdirSync(folder, { recursive: true });
  const written = [];
  for (const [name, text] of Object.entries(jsonSchemaFiles())) {
    const file = join(folder, name);
    // Unchanged files keep their time stamps, so watchers and vsce see no change.
    if (readIfPresent(file) === text) continue;
    writeFileSync(file, text);
    written.push(`${JSON_SCHEMA_FOLDER}/${name}`);
  }
  return written;
}

function readIfPresent(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await writeJsonSchemas();
  console.log(written.length > 0 ? `[schemas] wrote ${written.join(', ')}` : '[schemas] up to date');
}
