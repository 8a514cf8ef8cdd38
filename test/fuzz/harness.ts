/**
 * One fuzz case: an input through the linter and one other target (the
 * case's `pick` chooses which, so 100,000 cases give every target thousands
 * of inputs in minutes rather than hours), each timed. Shared by the
 * long run (`npm run fuzz`, test/fuzz/run.ts) and the seeded slice in the
 * unit tests (test/unit/fuzz.test.ts).
 *
 * Time limit: what counts is the CPU time this process spent on the target
 * (user and system, all its threads), not the wall clock: on a shared
 * machine other processes stretch the wall clock three- or fourfold without
 * the code doing more work. On an idle machine the two agree. A target over
 * LIMIT_MS is run twice more and judged by its fastest run, so one garbage
 * collection does not make a slow case; slow three times in a row does.
 * The wall clock is reported too.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { fuzzInputArb, type FuzzInput, type InputKind } from './inputs';
import { InvariantError, opParamsArb, type OpParams, TARGETS, type Target } from './operations';

export const LIMIT_MS = 100;

export interface Slowest {
  ms: number;
  target: string;
  kind: InputKind;
  length: number;
  how?: string;
}

export class FuzzStats {
  cases = 0;
  readonly byKind = new Map<InputKind, number>();
  readonly byTarget = new Map<string, { calls: number; totalMs: number; maxMs: number }>();
  /** By CPU time. */
  slowest: Slowest = { ms: 0, target: '', kind: 'generated', length: 0 };
  /** The longest wall-clock time of any target run, machine noise included. */
  maxWallMs = 0;
  /** Target runs over the limit once that were fast on a re-run (noise, not bugs). */
  retried = 0;
  /** The first failure, before shrinking. */
  firstFailure: string | undefined;
  onFirstFailure?: (message: string) => void;
}

/** CPU milliseconds of one run; the wall clock goes into `wall`. */
async function timed(target: Target, input: FuzzInput, params: OpParams, wall: { ms: number }): Promise<number> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await target.run(input.text, params);
  const used = process.cpuUsage(cpu);
  wall.ms = Math.max(wall.ms, performance.now() - started);
  return (used.user + used.system) / 1000;
}

/** The targets of one case: the linter and the picked one, or every one of an explicit list. */
export function caseTargets(params: OpParams, only?: readonly Target[]): readonly Target[] {
  if (only) return only;
  const [lint, ...rest] = TARGETS;
  return [lint, rest[params.pick % rest.length]];
}

/** Called before each target run: the long run's watchdog learns what is running, should it hang. */
export type BeforeTarget = (caseIndex: number, target: Target, input: FuzzInput) => void;

export async function runCase(input: FuzzInput, params: OpParams, stats: FuzzStats, only?: readonly Target[], before?: BeforeTarget): Promise<void> {
  const caseIndex = stats.cases;
  stats.cases++;
  stats.byKind.set(input.kind, (stats.byKind.get(input.kind) ?? 0) + 1);
  for (const target of caseTargets(params, only)) {
    let ms: number;
    const wall = { ms: 0 };
    before?.(caseIndex, target, input);
    try {
      ms = await timed(target, input, params, wall);
      if (ms > LIMIT_MS) {
        stats.retried++;
        ms = Math.min(ms, await timed(target, input, params, wall), await timed(target, input, params, wall));
      }
    } catch (error) {
      if (error instanceof InvariantError) throw error;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      throw new Error(`${target.name} threw on a ${input.kind} input: ${message}`);
    }
    const entry = stats.byTarget.get(target.name) ?? { calls: 0, totalMs: 0, maxMs: 0 };
    entry.calls++;
    entry.totalMs += ms;
    entry.maxMs = Math.max(entry.maxMs, ms);
    stats.byTarget.set(target.name, entry);
    stats.maxWallMs = Math.max(stats.maxWallMs, wall.ms);
    if (ms > stats.slowest.ms) stats.slowest = { ms, target: target.name, kind: input.kind, length: input.text.length, how: input.how };
    if (ms > LIMIT_MS) throw new InvariantError(`${target.name} took ${ms.toFixed(1)} ms of CPU three times (limit ${LIMIT_MS} ms) on a ${input.kind} input of ${input.text.length} characters`);
  }
}

/** Shrinking a failure stops after this long: big inputs through slow code shrink slowly, and a shrunk-enough case is enough. */
const SHRINK_BUDGET_MS = 60_000;

export function fuzzProperty(stats: FuzzStats, only?: readonly Target[], before?: BeforeTarget): fc.IAsyncPropertyWithHooks<[FuzzInput, OpParams]> {
  let shrinkUntil: number | undefined;
  return fc.asyncProperty(fuzzInputArb, opParamsArb, async (input, params) => {
    // Past the budget every candidate passes, which ends shrinking with the smallest failure found so far.
    if (shrinkUntil !== undefined && Date.now() > shrinkUntil) return;
    try {
      await runCase(input, params, stats, only, before);
    } catch (error) {
      if (shrinkUntil === undefined) {
        shrinkUntil = Date.now() + SHRINK_BUDGET_MS;
        stats.firstFailure = `case ${stats.cases - 1}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        stats.onFirstFailure?.(stats.firstFailure);
      }
      throw error;
    }
  });
}

/** A failure as a regression test can replay it. */
export function describeFailure(details: fc.RunDetails<[FuzzInput, OpParams]>): string {
  const lines = [`seed ${details.seed}, path ${details.counterexamplePath}`, String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)];
  if (details.counterexample) {
    const [input, params] = details.counterexample;
    lines.push(`input (${input.kind}${input.how ? `, ${input.how}` : ''}):`, JSON.stringify(input.text.length > 4000 ? `${input.text.slice(0, 4000)}…` : input.text), `params: ${JSON.stringify(params)}`);
  }
  return lines.join('\n');
}
