// Bundles the extension, the command-line tool and the webview scripts with
// esbuild, after writing the JSON Schemas (scripts/schemas.mjs).
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { writeJsonSchemas } from './schemas.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's default entry is UMD, whose require() calls esbuild cannot follow: the bundle would
  // look for jsonc-parser's own files at run time. Its ES module entry bundles whole.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// Each webview's script, src/webviews/<name>/main.ts, runs in the browser as
// media/<name>.js (git-ignored: built, never committed). No source maps: the
// panel's CSP and localResourceRoots serve only what the page needs.
const webviews = existsSync('src/webviews')
  ? readdirSync('src/webviews', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`src/webviews/${entry.name}/main.ts`))
      .map((entry) => /** @type {import('esbuild').BuildOptions} */ ({
        ...common,
        platform: 'browser',
        target: 'chrome114',
        format: 'iife',
        sourcemap: false,
        entryPoints: [`src/webviews/${entry.name}/main.ts`],
        outfile: `media/${entry.name}.js`,
      }))
  : [];

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  ...webviews,
];

// The JSON Schemas ship in the package too, and are committed: say when the
// zod schemas changed them.
for (const file of await writeJsonSchemas()) console.log(`[build] wrote ${file}: commit it with the schema change`);

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755);
}
