/**
 * A seeded slice of the fuzzer (test/fuzz; `npm run fuzz` runs 100,000
 * cases): 2,000 generated and mutated incident files, random YAML and
 * random bytes through the linter and every other target, the same seed
 * every run so a failure here is a failure everywhere. Also checks that
 * every edit module has a fuzz target and that generated files mean what
 * their model says.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FrontMatterText } from '../../src/core/edits/frontMatterEdits';
import { analyzeText } from '../../src/core/lint';
import { describeFailure, FuzzStats, fuzzProperty, LIMIT_MS } from '../fuzz/harness';
import { expectedValue, generatedIncidentArb } from '../fuzz/incidents';
import { HELPER_MODULES, TARGETS } from '../fuzz/operations';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = 20261125;
const CASES = 2_000;

/** Modules that make edits: everything under src/core/edits, the review's *Edits.ts, the timeline's edits.ts, and code link edits. */
function editModules(): string[] {
  const under = (folder: string, keep: (name: string) => boolean) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && keep(path.basename(name)))
      .map((name) => `${folder}/${name.split(path.sep).join('/')}`);
  return [
    ...under('src/core/edits', () => true),
    ...under('src/core/review', (name) => /Edits\.ts$/.test(name)),
    ...under('src/core/timeline', (name) => /^edits\.ts$|Edits\.ts$/.test(name)),
    ...under('src/core', (name) => /^codeLinkEdit\.ts$/.test(name)),
  ].sort();
}

describe('fuzz', function () {
  // 2,000 cases take 10 to 20 s on two busy cores; the bound is for a machine that is busier still.
  this.timeout(120_000);

  it('every edit module has a fuzz target (add one to test/fuzz/operations.ts)', () => {
    const covered = new Set([...TARGETS.map((target) => target.module), ...HELPER_MODULES]);
    const missing = editModules().filter((module) => !covered.has(module));
    assert.deepEqual(missing, [], `edit modules without a fuzz target: ${missing.join(', ')}`);
  });

  it('generated incident files read back as their model, without errors', () => {
    fc.assert(
      fc.property(generatedIncidentArb, (generated) => {
        const fm = FrontMatterText.parse(generated.text);
        assert.ok(fm, generated.text);
        assert.deepEqual(fm.value, expectedValue(generated.model));
        const errors = analyzeText(generated.text).diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors, [], generated.text);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it(`${CASES} seeded cases: no exception, no broken invariant, none over ${LIMIT_MS} ms of CPU`, async () => {
    const stats = new FuzzStats();
    const details = await fc.check(fuzzProperty(stats), { seed: SEED, numRuns: CASES });
    assert.ok(!details.failed, describeFailure(details));
    // Every target ran on a fair share of the inputs.
    for (const target of TARGETS) assert.ok((stats.byTarget.get(target.name)?.calls ?? 0) >= 20, `${target.name} ran ${stats.byTarget.get(target.name)?.calls ?? 0} times`);
  });
});
