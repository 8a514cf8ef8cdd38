// `npm test`: every suite, on one day (TEST_TODAY, see scripts/test-day.mjs).
//
//   npm test                              on the example's own day
//   TEST_TODAY=2027-02-28 npm test        as if it were that day
//   TEST_TODAY=2026-12-31T23:30-08:00 npm test
//
// Steps, two at a time where they do not depend on each other (2 cores):
//   1. build (extension, CLI, panels)      ‖ type check (TypeScript, then the
//                                            scripts' JavaScript)
//   2. unit tests                          ‖ bundle the integration tests
//   3. install the editor (code-server, once; cached in .vscode-test/)
//   4. the .vsix check, then the integration suites (trusted, untrusted,
//      multi-root)                         ‖ the browser suites (timeline,
//      review, insights, webview safety, the journey)
// Every process runs with the test day's clock (libfaketime) except Chromium.
// Prints each step's time; exits non-zero if any step failed.
//
//   --only a,b   only these steps (build, typecheck, unit, vsix, integration,
//                timeline, review, insights, safety, journey); the build and
//                the test bundle still run when a later step needs them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureEditor, ensureSystemPackages, repoRoot } from './editor/ensure-editor.mjs';
import { testDay, testDayEnvironment } from './test-day.mjs';

const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
const say = (message) => console.log(`[test] ${message}`);

let day;
try {
  ensureSystemPackages();
  day = testDay();
  const { env, faketime } = testDayEnvironment(day, { requireFaketime: Boolean(process.env.TEST_TODAY?.trim()) });
  Object.assign(process.env, env);
  say(`test day ${day.iso}${env.TZ ? ` (TZ ${env.TZ})` : ''}; ${faketime ? 'every process but Chromium runs on its clock (libfaketime)' : 'libfaketime is missing: only the extension and the tests are pinned'}`);
} catch (error) {
  console.error(`[test] ${error.message}`);
  process.exit(2);
}

// Screenshots the browser suites take go here, not over docs/images.
const shots = mkdtempSync(join(tmpdir(), 'incident-lens-shots-'));
const node = (name, script, ...args) => ({ name, command: process.execPath, args: [join(repoRoot, script), ...args] });
const STEPS = {
  build: node('build', 'scripts/build.mjs'),
  typecheck: node('typecheck', 'node_modules/typescript/bin/tsc', '--noEmit', '-p', repoRoot),
  typecheckScripts: node('typecheck scripts', 'node_modules/typescript/bin/tsc', '-p', join(repoRoot, 'tsconfig.scripts.json')),
  unit: node('unit', 'node_modules/mocha/bin/mocha.js'),
  bundleTests: node('bundle tests', 'scripts/editor/build-tests.mjs'),
  vsix: node('vsix', 'scripts/editor/check-vsix.mjs'),
  integration: node('integration', 'scripts/editor/run-integration.mjs', '--all'),
  timeline: node('e2e timeline', 'test/e2e/run.mjs', '--screenshot', join(shots, 'timeline.png')),
  review: node('e2e review', 'test/e2e/review.e2e.mjs', '--screenshot', join(shots, 'review.png')),
  insights: node('e2e insights', 'test/e2e/insights.e2e.mjs', '--screenshot', join(shots, 'insights.png')),
  safety: node('e2e webview safety', 'test/e2e/webview-safety.e2e.mjs'),
  journey: node('e2e journey', 'test/e2e/journey.e2e.mjs', '--screenshots', shots),
};

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !(name in STEPS));
if (unknown?.length) {
  console.error(`[test] no step ${unknown.join(', ')}; steps: ${Object.keys(STEPS).join(', ')}`);
  process.exit(2);
}
// The scripts' type check is part of the type check step.
const wanted = (key) => !only || only.includes(key === 'typecheckScripts' ? 'typecheck' : key);
const EDITOR_STEPS = ['vsix', 'integration', 'timeline', 'review', 'insights', 'safety', 'journey'];
const BROWSER_STEPS = ['timeline', 'review', 'insights', 'safety', 'journey'];

const results = [];

/** Runs one step, its output prefixed with its name; resolves to true when it passed. */
function run(step) {
  const since = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = `[${step.name}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop();
        for (const line of lines) (stream === child.stderr ? process.stderr : process.stdout).write(`${line.startsWith('[') ? '' : prefix}${line}\n`);
      });
      stream.on('end', () => pending && process.stdout.write(`${prefix}${pending}\n`));
    }
    child.on('close', (code, signal) => {
      const passed = code === 0;
      results.push({ name: step.name, passed, time: seconds(since) });
      say(`${step.name}: ${passed ? 'passed' : `FAILED (${signal ?? `exit code ${code}`})`} in ${seconds(since)}`);
      resolve(passed);
    });
  });
}

/** Runs the wanted steps one after another; all of them, even after a failure. */
async function lane(...keys) {
  let passed = true;
  for (const key of keys.filter(wanted)) passed = (await run(STEPS[key])) && passed;
  return passed;
}

/** Runs a step if wanted (or needed by a wanted one); true when it passed or did not run. */
async function step(key, neededBy = []) {
  return wanted(key) || neededBy.some(wanted) ? run(STEPS[key]) : true;
}

function finish(code) {
  rmSync(shots, { recursive: true, force: true });
  say(`${results.map((r) => `${r.name} ${r.passed ? 'ok' : 'FAILED'} (${r.time})`).join(', ')}`);
  say(`${code === 0 ? 'all passed' : 'FAILED'} on ${day.iso} in ${seconds(started)}`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(130));

const [built, typed] = await Promise.all([step('build', EDITOR_STEPS), lane('typecheck', 'typecheckScripts')]);
if (!built) finish(1);
const [unit, bundled] = await Promise.all([step('unit'), step('bundleTests', ['integration'])]);
if (EDITOR_STEPS.some(wanted)) {
  const since = Date.now();
  try {
    ensureEditor();
    say(`editor ready in ${seconds(since)}`);
  } catch (error) {
    console.error(`[test] the editor could not be installed: ${error.message}`);
    finish(1);
  }
}
const [editor, browser] = await Promise.all([lane('vsix', ...(bundled ? ['integration'] : [])), lane(...BROWSER_STEPS)]);
finish(typed && unit && bundled && editor && browser ? 0 : 1);
