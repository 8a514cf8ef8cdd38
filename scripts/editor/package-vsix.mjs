// Packages the extension as a .vsix with @vscode/vsce, offline.
//
//   node scripts/editor/package-vsix.mjs [--out FILE]
//
// Default output: incident-lens-<version>.vsix in the repository (git-ignored).
// --no-dependencies: dist/extension.js is an esbuild bundle that already
// contains the runtime dependencies, so node_modules stays out of the .vsix.
// vsce runs package.json's "vscode:prepublish" script first when there is one.
// Files left out: the repository's .vscodeignore, or, while it has none,
// scripts/editor/vsix.vscodeignore (without any, vsce packs the whole tree,
// benchmark corpus included, and takes minutes).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from './ensure-editor.mjs';

export function manifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

/** Builds the .vsix; returns its absolute path. Throws with vsce's output on failure. */
export function packageVsix(out) {
  const { name, version } = manifest();
  const file = resolve(out ?? join(repoRoot, `${name}-${version}.vsix`));
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const ownIgnore = join(repoRoot, '.vscodeignore');
  const ignoreFile = existsSync(ownIgnore) ? ownIgnore : join(repoRoot, 'scripts', 'editor', 'vsix.vscodeignore');
  const result = spawnSync(
    process.execPath,
    [
      vsce, 'package',
      '--no-dependencies',
      '--allow-missing-repository',
      // README links stay relative: there is no public repository URL to
      // rewrite them against, and vsce refuses to guess one.
      '--no-rewrite-relative-links',
      '--ignoreFile', ignoreFile,
      '--out', file,
    ],
    // A bound, so a runaway crawl fails instead of hanging the caller.
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 5 * 60_000 },
  );
  if (result.error) throw new Error(`vsce package: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
  }
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  try {
    console.log(`[vsix] ${packageVsix(values.out)}`);
  } catch (error) {
    console.error(`[vsix] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
