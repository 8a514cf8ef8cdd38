/**
 * Writes the input of one fuzz case to a file, to read it or to turn it
 * into a regression test: the seed and path come from a failure report of
 * `npm run fuzz` (test/fuzz/run.ts).
 *
 *   npx tsx test/fuzz/replay.ts SEED PATH OUT.md
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { fuzzInputArb } from './inputs';
import { opParamsArb } from './operations';

const [seed, path, out] = process.argv.slice(2);
if (!seed || !path || !out) {
  console.error('usage: replay.ts SEED PATH OUT.md');
  process.exit(2);
}
fc.check(
  fc.property(fuzzInputArb, opParamsArb, (input, params) => {
    writeFileSync(out, input.text);
    console.log(`${input.kind}${input.how ? ` (${input.how})` : ''}, ${input.text.length} characters written to ${out}\nparams: ${JSON.stringify(params)}`);
  }),
  { seed: Number(seed), path, numRuns: 1 },
);
