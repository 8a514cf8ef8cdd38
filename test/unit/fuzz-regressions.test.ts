/**
 * Inputs the fuzzer (test/fuzz, `npm run fuzz`) found that broke the
 * product, shrunk to what still showed the bug. Each test names the seed
 * that found it and says what was wrong; the fix is in the commit that added
 * the test.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { insertPerspective, insertSection } from '../../src/core/review/bodyEdits';

/** Generous: these were minutes, not milliseconds, and the machine may be busy. */
const QUICK_MS = 2_000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('fuzz regressions', () => {
  it('inserting a body section after a 200,000-character line is quick (seed 2: a regex scanned the line from every offset)', () => {
    const text = `${'-'.repeat(200_000)}\n${'---\n'.repeat(600)}## Narrative\nThe team rolled back.\n`;
    const section = timed(() => insertSection(text, 'Where we got lucky'));
    assert.ok(section.ms < QUICK_MS, `insertSection took ${section.ms.toFixed(0)} ms`);
    assert.equal(section.result.ok, true);
    const perspective = timed(() => insertPerspective(text, 'Support'));
    assert.ok(perspective.ms < QUICK_MS, `insertPerspective took ${perspective.ms.toFixed(0)} ms`);
    assert.equal(perspective.result.ok, true);
  });
});
