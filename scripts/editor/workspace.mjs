// Which folder the editor scripts open, and a disposable copy of it (tests
// and demos may write files; the repository's copy stays untouched).
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './ensure-editor.mjs';

/** The folder named on the command line, else the first default that exists. */
export function workspaceSource(argument) {
  if (argument) return resolve(argument);
  for (const candidate of ['test/fixtures/workspace', 'examples/workspace']) {
    if (existsSync(join(repoRoot, candidate))) return join(repoRoot, candidate);
  }
  return undefined;
}

/** Copies `source` (or nothing: an empty folder) to `destination`; returns a line to print. */
export function copyWorkspace(source, destination) {
  if (!source) {
    mkdirSync(destination, { recursive: true });
    return 'workspace: empty (no test/fixtures/workspace or examples/workspace)';
  }
  if (!existsSync(source)) throw new Error(`workspace ${source} does not exist`);
  cpSync(source, destination, { recursive: true });
  return `workspace: copy of ${source}`;
}
