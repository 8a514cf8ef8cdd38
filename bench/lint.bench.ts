/**
 * Lint performance on the generated corpus, beside three baselines over the
 * same files, all in one run:
 *
 *   (a) reading the files (fs)
 *   (b) js-yaml `load` of each front matter            <- the baseline
 *   (c) yaml `parseDocument` of each front matter
 *   (d) cold index+lint: openWorkspace(folder, {noGit: true})
 *   (e) warm start: read and decode a persisted index cache, open the
 *       workspace with it (no file changed) and compute every file's
 *       diagnostics: what the editor shows first
 *   (e') the rest of a warm start, in the background: decode every
 *       summary (the views ask for them) and redo the folder checks
 *   (f) re-lint of the 2,000-entry timeline file after a one-character
 *       edit: index.update + index.diagnostics, median of 20
 *
 *   npx tsx bench/lint.bench.ts [--quick] [--rounds N]
 *
 * --quick measures (c) on a 10% sample and extrapolates (it says so).
 * (a), (b) and (d) are interleaved over N rounds (default 3) so that load
 * from other processes hits them alike; the medians are reported. Figures
 * are wall-clock time; the CPU time of this process (all threads) is shown
 * beside them, as it is steadier on a machine shared with other work.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import jsYaml from 'js-yaml';
import * as YAML from 'yaml';
import { splitFrontMatter } from '../src/core/frontMatter';
import { stripBom } from '../src/core/text';
import { decodeIndexCache, encodeIndexCacheBytes } from '../src/core/indexCache';
import { openWorkspace } from '../src/node/openWorkspace';
import { machine, ratio, seconds } from './figures';
import { ensureCorpus } from './generate-corpus';

const GOAL_COLD_RATIO = 2;
const GOAL_WARM_MS = 500;
const GOAL_RELINT_MS = 50;
const RELINT_RUNS = 20;
const WARM_RUNS = 5;

interface Options {
  quick: boolean;
  rounds: number;
}

function parseArgs(args: readonly string[]): Options {
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds needs a positive whole number');
  return { quick: args.includes('--quick'), rounds };
}

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  gc?.();
}

interface Timing {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of this process, user and system. */
  cpu: number;
}

function timed<T>(work: () => T): { result: T; time: Timing } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, time: { wall, cpu: (used.user + used.system) / 1000 } };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ result: T; time: Timing }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, time: { wall, cpu: (used.user + used.system) / 1000 } };
}

/** The front matter text of a file, as the core splits it (BOM stripped). */
function frontMatterOf(text: string): string | undefined {
  const clean = stripBom(text);
  const split = splitFrontMatter(clean);
  return split.kind === 'ok' ? clean.slice(split.yamlStart, split.yamlEnd) : undefined;
}

function readAll(folder: string, files: readonly string[]): number {
  let chars = 0;
  for (const file of files) chars += readFileSync(path.join(folder, file), 'utf8').length;
  return chars;
}

function jsYamlAll(frontMatters: readonly string[]): number {
  let failed = 0;
  for (const text of frontMatters) {
    try {
      jsYaml.load(text);
    } catch {
      failed++;
    }
  }
  return failed;
}

function parseDocumentAll(frontMatters: readonly string[]): number {
  let failed = 0;
  for (const text of frontMatters) {
    if (YAML.parseDocument(text).errors.length > 0) failed++;
  }
  return failed;
}

interface Row {
  name: string;
  time: Timing;
  runs: string;
  vs: string;
  goal: string;
  verdict: string;
}

function table(rows: readonly Row[]): string {
  const head = ['measurement', 'median', 'cpu', 'runs', 'vs js-yaml', 'goal', 'result'];
  const cells = [head, ...rows.map((row) => [row.name, seconds(row.time.wall), seconds(row.time.cpu), row.runs, row.vs, row.goal, row.verdict])];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const right = new Set([1, 2]);
  const line = (r: string[]) => r.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Median wall time, with the CPU time of the same run. */
function medianOf(times: readonly Timing[]): Timing {
  const sorted = [...times].sort((a, b) => a.wall - b.wall);
  return sorted[(sorted.length - 1) >> 1];
}

/** Figures the issue measured on its reference machine, to scale absolute goals by. */
const REFERENCE_JS_YAML_MS = 1700;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line = '') => console.log(line);
  log('== lint.bench: Incident Lens lint performance ==');
  log(`machine: ${machine()}`);
  if (!gc) log('note: run with --expose-gc for steadier figures (npm run bench does)');

  const corpus = ensureCorpus({ log });
  const folder = corpus.folder;
  const files = corpus.files;

  // Extract the front matters once, outside any timing.
  const frontMatters: string[] = [];
  for (const file of files) {
    const fm = frontMatterOf(readFileSync(path.join(folder, file), 'utf8'));
    if (fm !== undefined) frontMatters.push(fm);
  }
  const fmBytes = frontMatters.reduce((sum, fm) => sum + Buffer.byteLength(fm), 0);
  log(`corpus: ${files.length} files, ${(corpus.totalBytes / 1e6).toFixed(1)} MB, front matter ${(fmBytes / 1e6).toFixed(1)} MB`);
  log();

  // (a), (b), (d): interleaved rounds.
  const reads: Timing[] = [];
  const loads: Timing[] = [];
  const colds: Timing[] = [];
  let jsYamlFailed = 0;
  let coldIndex: Awaited<ReturnType<typeof openWorkspace>>['index'] | undefined;
  for (let round = 1; round <= options.rounds; round++) {
    collect();
    reads.push(timed(() => readAll(folder, files)).time);

    collect();
    const load = timed(() => jsYamlAll(frontMatters));
    jsYamlFailed = load.result;
    loads.push(load.time);

    coldIndex = undefined;
    collect();
    const cold = await timedAsync(() => openWorkspace(folder, { noGit: true }));
    colds.push(cold.time);
    coldIndex = cold.result.index;
    const [r, l, c] = [reads, loads, colds].map((list) => list[round - 1]);
    log(
      `round ${round}/${options.rounds}: read ${seconds(r.wall)}, js-yaml ${seconds(l.wall)}, cold index+lint ${seconds(c.wall)} ` +
        `(${ratio(c.wall, l.wall)}; cpu ${seconds(l.cpu)} vs ${seconds(c.cpu)}, ${ratio(c.cpu, l.cpu)})`,
    );
  }
  const index = coldIndex!;
  const read = medianOf(reads);
  const base = medianOf(loads);
  const cold = medianOf(colds);

  // (c) yaml.parseDocument, once (it is slow); in quick mode on every tenth file.
  collect();
  const sample = options.quick ? frontMatters.filter((_, i) => i % 10 === 0) : frontMatters;
  const docSample = timed(() => parseDocumentAll(sample)).time;
  const scale = frontMatters.length / sample.length;
  const doc: Timing = { wall: docSample.wall * scale, cpu: docSample.cpu * scale };
  log(
    options.quick
      ? `yaml.parseDocument: ${seconds(docSample.wall)} on a 10% sample (${sample.length} files), extrapolated to ${seconds(doc.wall)} for all ${frontMatters.length}`
      : `yaml.parseDocument: ${seconds(doc.wall)} on all ${frontMatters.length} files`,
  );

  // (e) warm start from a persisted cache: read and decode it, open with it, compute the diagnostics.
  const cacheFile = path.join(folder, '.incident-lens-cache');
  writeFileSync(cacheFile, encodeIndexCacheBytes(index.toCache()));
  const cacheBytes = statSync(cacheFile).size;
  const warms: Timing[] = [];
  const rests: Timing[] = [];
  let warmIndex = index;
  let sameAtReady = true;
  for (let run = 0; run < WARM_RUNS; run++) {
    collect();
    const warm = await timedAsync(async () => {
      const cache = decodeIndexCache(readFileSync(cacheFile));
      if (!cache) throw new Error('the cache did not decode');
      const opened = await openWorkspace(folder, { noGit: true, cache });
      return { ...opened, diagnostics: opened.index.allDiagnostics() };
    });
    warms.push(warm.time);
    warmIndex = warm.result.index;
    sameAtReady &&= JSON.stringify([...warm.result.diagnostics]) === JSON.stringify([...index.allDiagnostics()]);
    const rest = await timedAsync(async () => {
      warmIndex.incidents();
      await warmIndex.revalidate(warm.result.host);
    });
    rests.push(rest.time);
  }
  const warm = medianOf(warms);
  const warmRest = medianOf(rests);
  const sameDiagnostics = sameAtReady && JSON.stringify([...warmIndex.allDiagnostics()]) === JSON.stringify([...index.allDiagnostics()]);
  const sameSummaries = JSON.stringify(warmIndex.incidents()) === JSON.stringify(index.incidents());
  log(
    `warm start: cache file ${(cacheBytes / 1e6).toFixed(1)} MB; runs ${warms.map((t) => seconds(t.wall)).join(', ')}, then in the background ${rests.map((t) => seconds(t.wall)).join(', ')}; ` +
      `same diagnostics as cold (at once and after the checks): ${sameDiagnostics ? 'yes' : 'NO'}; same summaries: ${sameSummaries ? 'yes' : 'NO'}`,
  );

  // (f) re-lint of the big file after a one-character edit, in the warm index.
  const bigText = readFileSync(path.join(folder, corpus.bigFile), 'utf8');
  const bigFm = frontMatterOf(bigText)!;
  const entries = (bigFm.match(/^ {2}- (?:at:|\{at:)/gm) ?? []).length;
  // Edit one character in the middle of the timeline (the first letter of an entry's text).
  const editAt = bigText.indexOf('text: ', Math.floor(bigText.length / 2)) + 6;
  const relints: Timing[] = [];
  let found = 0;
  collect();
  for (let run = 0; run < RELINT_RUNS; run++) {
    const edited = bigText.slice(0, editAt) + String.fromCharCode(65 + (run % 26)) + bigText.slice(editAt + 1);
    relints.push(
      timed(() => {
        warmIndex.update(corpus.bigFile, edited);
        found = warmIndex.diagnostics(corpus.bigFile).length;
      }).time,
    );
  }
  const relint = medianOf(relints);
  const bigLoads: Timing[] = [];
  for (let run = 0; run < RELINT_RUNS; run++) bigLoads.push(timed(() => jsYaml.load(bigFm)).time);
  const bigBase = medianOf(bigLoads);
  log(
    `re-lint: ${corpus.bigFile} (${(Buffer.byteLength(bigText) / 1e3).toFixed(0)} KB, ${entries} timeline entries, ${found} diagnostic(s)); ` +
      `js-yaml load of its front matter alone: ${seconds(bigBase.wall)}`,
  );
  log();

  const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  // Cold against js-yaml round by round (each pair ran back to back), then the median:
  // steadier than a ratio of medians when other work on the machine comes and goes.
  const middle = (values: number[]) => values.sort((a, b) => a - b)[(values.length - 1) >> 1];
  const coldRatio = middle(colds.map((c, i) => c.wall / loads[i].wall));
  const coldCpuRatio = middle(colds.map((c, i) => c.cpu / loads[i].cpu));
  const coldOk = coldRatio <= GOAL_COLD_RATIO;
  const warmOk = warm.wall <= GOAL_WARM_MS;
  const relintOk = relint.wall <= GOAL_RELINT_MS;
  const rows: Row[] = [
    { name: '(a) read files (fs)', time: read, runs: `${reads.length}`, vs: ratio(read.wall, base.wall), goal: '', verdict: '' },
    { name: '(b) js-yaml load of front matter', time: base, runs: `${loads.length}`, vs: '1.00× (baseline)', goal: '', verdict: '' },
    {
      name: `(c) yaml.parseDocument of front matter${options.quick ? ' (10% sample, extrapolated)' : ''}`,
      time: doc,
      runs: '1',
      vs: ratio(doc.wall, base.wall),
      goal: '',
      verdict: '',
    },
    {
      name: '(d) cold index+lint',
      time: cold,
      runs: `${colds.length}`,
      vs: `${coldRatio.toFixed(2)}× (median of per-round ratios)`,
      goal: `≤ ${GOAL_COLD_RATIO}× js-yaml`,
      verdict: pass(coldOk),
    },
    { name: '(e) warm start from cache', time: warm, runs: `${warms.length}`, vs: ratio(warm.wall, base.wall), goal: `≤ ${GOAL_WARM_MS / 1000} s`, verdict: pass(warmOk) },
    { name: "(e') then, in the background: summaries and folder checks", time: warmRest, runs: `${rests.length}`, vs: ratio(warmRest.wall, base.wall), goal: '', verdict: '' },
    {
      name: '(f) re-lint 2,000-entry file',
      time: relint,
      runs: `${relints.length}`,
      vs: `${ratio(relint.wall, base.wall)} (${ratio(relint.wall, bigBase.wall)} of that file's js-yaml)`,
      goal: `≤ ${GOAL_RELINT_MS} ms`,
      verdict: pass(relintOk),
    },
  ];
  log(table(rows));
  log();
  log(`files indexed: ${index.paths().length}; front matters js-yaml could not load: ${jsYamlFailed}`);
  log(
    `cold index+lint by CPU time: ${coldCpuRatio.toFixed(2)}× js-yaml (median of per-round ratios; ${pass(coldCpuRatio <= GOAL_COLD_RATIO)} by CPU), ` +
      `ratio of the wall-clock medians: ${ratio(cold.wall, base.wall)}`,
  );
  const factor = base.wall / REFERENCE_JS_YAML_MS;
  log(
    `scale: js-yaml took ${seconds(base.wall)} here and ${seconds(REFERENCE_JS_YAML_MS)} on the issue's reference machine (${factor.toFixed(1)}× slower here); ` +
      `scaled by that, warm start ≈ ${seconds(warm.wall / factor)} and re-lint ≈ ${seconds(relint.wall / factor)} there (an estimate, not a measurement)`,
  );
  log(`goals: cold ${pass(coldOk)}, warm ${pass(warmOk)}, re-lint ${pass(relintOk)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
