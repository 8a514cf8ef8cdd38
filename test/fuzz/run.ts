/**
 * `npm run fuzz`: 100,000 fuzz cases (generated, mutated, random YAML,
 * random bytes) through every parser, the linter, the index, the importer,
 * the panels' models and every edit. Fails on an exception, a broken
 * invariant or a case over 100 ms; prints counts per input kind and target,
 * and the slowest case.
 *
 *   npx tsx test/fuzz/run.ts [--runs N] [--seed N] [--path P] [--target NAME] [--stall SECONDS]
 *
 * A failure prints its seed and path: replay it with the same --seed and
 * --path, and put the shrunk input into test/unit/fuzz-regressions.test.ts.
 *
 * The cases run in a child process watched by this one: code that is
 * quadratic (or worse) in its input cannot be interrupted from inside, so a
 * case that makes no progress for --stall seconds (default 30) is stopped
 * from outside and reported with the seed and path that replay it.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describeFailure, FuzzStats, fuzzProperty, LIMIT_MS } from './harness';
import { TARGETS } from './operations';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    target: { type: 'string' },
    stall: { type: 'string', default: '30' },
  },
});

/** Where the child writes what it is running; only the watchdog reads it. */
const STATUS_FILE = process.env.INCIDENT_LENS_FUZZ_STATUS;

async function runCases(seed: number, runs: number): Promise<number> {
  const targets = values.target ? TARGETS.filter((target) => target.name.includes(values.target!)) : undefined;
  if (targets?.length === 0) {
    console.error(`no target matches ${values.target}; targets: ${TARGETS.map((target) => target.name).join(', ')}`);
    return 2;
  }
  console.log(`fuzz: ${runs} cases, seed ${seed}, ${targets ? `${targets.length} targets on every case` : `${TARGETS.length} targets (the linter and one other on each case)`}, limit ${LIMIT_MS} ms of CPU per target and case`);
  const stats = new FuzzStats();
  stats.onFirstFailure = (message) => console.log(`  failure in ${message}; shrinking (at most a minute)`);
  const status = STATUS_FILE ? openSync(STATUS_FILE, 'w') : undefined;
  const started = Date.now();
  let lastReport = started;
  const details = await fc.check(
    fuzzProperty(stats, targets, (caseIndex, target, input) => {
      if (status !== undefined) writeSync(status, `${caseIndex}\t${target.name}\t${input.kind}\t${input.text.length}\t${input.how ?? ''}`.padEnd(600).slice(0, 600), 0);
      const now = Date.now();
      if (now - lastReport >= 30_000) {
        lastReport = now;
        console.log(`  ${stats.cases} cases, ${((now - started) / 1000).toFixed(0)} s`);
      }
    }),
    { numRuns: runs, seed, ...(values.path ? { path: values.path } : {}) },
  );
  if (status !== undefined) closeSync(status);
  const seconds = (Date.now() - started) / 1000;

  console.log(`\ncases: ${stats.cases} in ${seconds.toFixed(1)} s (${(stats.cases / seconds) | 0} per second)`);
  console.log(`by input: ${[...stats.byKind].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  console.log('by target (runs, mean and max CPU ms):');
  for (const [name, entry] of [...stats.byTarget].sort((a, b) => b[1].maxMs - a[1].maxMs)) {
    console.log(`  ${name.padEnd(38)} ${String(entry.calls).padStart(7)} ${(entry.totalMs / entry.calls).toFixed(3).padStart(8)} ${entry.maxMs.toFixed(1).padStart(8)}`);
  }
  const slow = stats.slowest;
  console.log(`slowest: ${slow.ms.toFixed(1)} ms of CPU, ${slow.target} on a ${slow.kind} input of ${slow.length} characters${slow.how ? ` (${slow.how.slice(0, 300)})` : ''}`);
  console.log(`longest wall clock of any target run: ${stats.maxWallMs.toFixed(1)} ms (other processes on the machine included)`);
  console.log(`re-timed: ${stats.retried} target runs over ${LIMIT_MS} ms of CPU once were under it on a re-run (garbage collection, compilation)`);
  if (details.failed) {
    console.error(`\nFAILED after ${details.numRuns} cases (shrunk ${details.numShrinks} times):\n${describeFailure(details)}`);
    return 1;
  }
  console.log('fuzz: no exception, no broken invariant, no case over the limit');
  return 0;
}

/** Runs the cases in a child process and stops it when a case stalls. */
function watch(seed: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-fuzz-'));
  const statusFile = path.join(dir, 'status');
  const stallMs = Number(values.stall) * 1000;
  const child = spawn(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2), '--seed', String(seed)], {
    stdio: 'inherit',
    env: { ...process.env, INCIDENT_LENS_FUZZ_STATUS: statusFile },
  });
  let last = '';
  let lastChange = Date.now();
  let stalled: string | undefined;
  const timer = setInterval(() => {
    let now = '';
    try {
      now = readFileSync(statusFile, 'utf8');
    } catch {
      // Not written yet.
    }
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs && !stalled) {
      stalled = now.trim();
      child.kill('SIGKILL');
    }
  }, 1000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      rmSync(dir, { recursive: true, force: true });
      if (stalled !== undefined) {
        const [caseIndex, target, kind, length, how] = stalled.split('\t');
        console.error(`\nFAILED: case ${caseIndex} made no progress for ${values.stall} s: ${target} on a ${kind} input of ${length} characters${how ? ` (${how})` : ''}.`);
        console.error(`Replay it: npx tsx test/fuzz/run.ts --seed ${seed} --path ${caseIndex} --runs 1 --target '${target}'  (during shrinking the path is not the case number)`);
        resolve(1);
      } else resolve(code ?? 1);
    });
  });
}

function main(): Promise<number> {
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  if (!(runs > 0) || !Number.isInteger(seed) || !(Number(values.stall) > 0)) {
    console.error('usage: run.ts [--runs N] [--seed N] [--path P] [--target NAME] [--stall SECONDS]');
    return Promise.resolve(2);
  }
  return STATUS_FILE ? runCases(seed, runs) : watch(seed);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
