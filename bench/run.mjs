// `npm run bench`: writes (or reuses) the seeded corpus, then runs every
// bench/*.bench.ts through tsx, one after the other, forwarding their output.
//
//   node bench/run.mjs [--quick] [other flags passed on to each bench]
//
// Each bench runs in its own Node process (tsx passes --expose-gc on to it), so one bench's
// heap does not weigh on the next and benches can collect between phases.
// Exits non-zero when the generator or any bench fails (a MISS is not a failure).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const args = process.argv.slice(2);
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

function run(file, fileArgs) {
  const started = Date.now();
  console.log(`\n### ${relative(root, file)} ${fileArgs.join(' ')}`.trimEnd());
  const result = spawnSync(process.execPath, [tsx, '--expose-gc', file, ...fileArgs], { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) {
    console.error(`bench: could not start ${relative(root, file)}: ${result.error.message}`);
    return false;
  }
  if (result.status !== 0) {
    console.error(`bench: ${relative(root, file)} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    return false;
  }
  console.log(`### ${relative(root, file)}: ${seconds} s`);
  return true;
}

const benches = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()
  .map((name) => join(benchDir, name));

const started = Date.now();
let ok = run(join(benchDir, 'generate-corpus.ts'), []);
if (ok) {
  for (const bench of benches) ok = run(bench, args) && ok;
}
console.log(`\nbench: ${benches.length} bench file(s), ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
process.exitCode = ok ? 0 : 1;
