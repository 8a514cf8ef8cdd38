// Bundles the integration suite for the editor's extension host:
// test/integration/index.ts and every test/integration/**/*.test.ts become
// out/test/integration/**.js (CommonJS, one self-contained file each, so a
// test may import src/ modules without a separate compile step).
// `vscode` is provided by the extension host and mocha is loaded from
// node_modules at run time, so both stay external.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceDir = join(repoRoot, 'test', 'integration');
const outDir = join(repoRoot, 'out', 'test', 'integration');

const testFiles = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => join(sourceDir, file))
  .sort();

// A fresh folder: a deleted test must not linger as a stale bundle that the
// index would still find and run.
rmSync(outDir, { recursive: true, force: true });

await esbuild.build({
  entryPoints: [join(sourceDir, 'index.ts'), ...testFiles],
  outbase: sourceDir,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

console.log(`[build-tests] ${testFiles.length} test file(s) -> ${relative(repoRoot, outDir)}/`);
