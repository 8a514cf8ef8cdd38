// Which folder the editor scripts open, and a disposable copy of it (tests
// and demos may write files; the repository's copy stays untouched).
import { spawnSync } from 'node:child_process';
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
  // The example workspace becomes a git repository with its real history, so
  // commits and hotspots work as they do for a user.
  const maker = join(repoRoot, 'scripts', 'make-example-repo.mjs');
  if (resolve(source) === join(repoRoot, 'examples', 'workspace') && existsSync(maker)) {
    // Built for the test day (INCIDENT_LENS_NOW), else for now: it never ages.
    const now = process.env.INCIDENT_LENS_NOW ?? new Date().toISOString();
    const made = spawnSync(process.execPath, [maker, destination, '--now', now], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`make-example-repo failed: ${made.stderr || made.stdout}`);
    return `workspace: the example as of ${now}, with its git history`;
  }
  cpSync(source, destination, { recursive: true });
  return `workspace: copy of ${source}`;
}
