/**
 * The cross-incident report over the generated corpus (10,000 incidents), in
 * one run:
 *
 *   (a) in process, once the index is built: insights + Markdown, and
 *       insights + HTML, with code areas from a hotspot ranking computed
 *       beforehand                                           goal <= 1 s each
 *   (b) the command line end to end, `incident-lens report FOLDER --out
 *       FILE.html`, against `incident-lens lint FOLDER` on the same folder
 *       (the baseline: both read and parse every file)    goal <= 1.5x (b0)
 *
 *   npx tsx bench/report.bench.ts [--rounds N]
 *
 * Both command lines run from one esbuild bundle of src/cli/main.ts made at
 * the start (so the figures are for the code as it is, not a stale dist/).
 * (b) runs interleaved over N rounds (default 3) so load from other processes
 * hits both alike; medians are reported, with the CPU time of each process
 * (wall time on a shared machine swings with others' load).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { hotspotIncidents } from '../src/core/hotspotIncidents';
import { buildInsights, sourcesOf } from '../src/core/insights';
import { todayFromIso } from '../src/core/lint';
import { renderReport } from '../src/core/report';
import { computeHotspots } from '../src/node/hotspots';
import { openWorkspace } from '../src/node/openWorkspace';
import { ensureCorpus } from './generate-corpus';

const GOAL_IN_PROCESS_MS = 1000;
const GOAL_CLI_RATIO = 1.5;
const IN_PROCESS_RUNS = 5;
const TODAY = '2026-11-25';

function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const gc = (globalThis as { gc?: () => void }).gc;

interface ProcessRun {
  readonly wall: number;
  /** User + system CPU of the child and the processes it waited for (git), ms. */
  readonly cpu: number;
  readonly code: number;
}

/** CPU ms of this process's finished children (and theirs), from /proc; NaN off Linux. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After the command name in parentheses: fields 16 and 17 (cutime, cstime), in clock ticks (100 per second).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** Runs `node CLI args`, output drained, and reports wall and CPU time. */
function runCli(cli: string, args: readonly string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => resolve({ wall: performance.now() - started, cpu: childrenCpuMs() - cpuBefore, code: code ?? -1 }));
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = option(args, '--rounds', 3);
  const log = (line = '') => console.log(line);
  log('== report.bench: the cross-incident report ==');
  log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`);
  const corpus = ensureCorpus({ log });
  const folder = corpus.folder;
  const todayMs = todayFromIso(TODAY) as number;

  // ---- (a) in process ------------------------------------------------------
  const indexStarted = performance.now();
  const { index } = await openWorkspace(folder, { noGit: true, todayMs });
  const files = index.incidents();
  log(`index: ${files.length} incidents read in ${ms(performance.now() - indexStarted)} (not part of the goal)`);
  const hotspotsStarted = performance.now();
  const hotspots = await computeHotspots(folder, hotspotIncidents(files), { now: todayMs });
  log(`hotspots: ${hotspots.ranking.files.length} files ranked in ${ms(performance.now() - hotspotsStarted)} (not part of the goal)`);
  const sources = sourcesOf(files);
  const options = { todayMs, severities: index.options.lint.severities, history: [{ folder: '', ranking: hotspots.ranking, fromHistory: hotspots.history.commits.length > 0 }] };

  const timings: Record<'markdown' | 'html', number[]> = { markdown: [], html: [] };
  const cpu: Record<'markdown' | 'html', number[]> = { markdown: [], html: [] };
  const sizes: Record<'markdown' | 'html', number> = { markdown: 0, html: 0 };
  let top = '';
  for (let run = 0; run < IN_PROCESS_RUNS; run++) {
    for (const format of ['markdown', 'html'] as const) {
      gc?.();
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const insights = buildInsights(sources, options);
      const text = renderReport(insights, format, { source: 'corpus' });
      timings[format].push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu[format].push((used.user + used.system) / 1000);
      sizes[format] = text.length;
      top = insights.top.sentence;
    }
  }
  log(`top insight: ${top}`);
  const markdownMs = median(timings.markdown);
  const htmlMs = median(timings.html);
  log(`(a) insights + Markdown: ${ms(markdownMs)} wall, ${ms(median(cpu.markdown))} cpu, median of ${IN_PROCESS_RUNS} (${(sizes.markdown / 1e6).toFixed(2)} MB)   goal <= ${ms(GOAL_IN_PROCESS_MS)}   ${verdict(markdownMs <= GOAL_IN_PROCESS_MS)}`);
  log(`(a) insights + HTML:     ${ms(htmlMs)} wall, ${ms(median(cpu.html))} cpu, median of ${IN_PROCESS_RUNS} (${(sizes.html / 1e6).toFixed(2)} MB)   goal <= ${ms(GOAL_IN_PROCESS_MS)}   ${verdict(htmlMs <= GOAL_IN_PROCESS_MS)}`);

  // ---- (b) the command line -------------------------------------------------
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'incident-lens-report-bench-'));
  try {
    const cli = path.join(scratch, 'cli.js');
    await esbuild.build({ entryPoints: [path.join(__dirname, '..', 'src', 'cli', 'main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const out = path.join(scratch, 'report.html');
    const lint: ProcessRun[] = [];
    const report: ProcessRun[] = [];
    // One unmeasured run of each warms the page cache and git's.
    await runCli(cli, ['lint', folder, '--today', TODAY]);
    await runCli(cli, ['report', folder, '--today', TODAY, '--out', out]);
    for (let round = 0; round < rounds; round++) {
      lint.push(await runCli(cli, ['lint', folder, '--today', TODAY]));
      const run = await runCli(cli, ['report', folder, '--today', TODAY, '--out', out]);
      if (run.code !== 0) throw new Error(`report exited with ${run.code}`);
      report.push(run);
    }
    const lintWall = median(lint.map((run) => run.wall));
    const reportWall = median(report.map((run) => run.wall));
    const lintCpu = median(lint.map((run) => run.cpu));
    const reportCpu = median(report.map((run) => run.cpu));
    const ratio = reportWall / lintWall;
    log(`(b0) incident-lens lint:   ${ms(lintWall)} wall, ${ms(lintCpu)} cpu (median of ${rounds}; exit ${lint[0]?.code}, lint finds errors in the corpus on purpose)`);
    log(`(b)  incident-lens report: ${ms(reportWall)} wall, ${ms(reportCpu)} cpu (median of ${rounds}; ${(statSync(out).size / 1e6).toFixed(2)} MB of HTML)`);
    log(`(b)  ratio report / lint: ${ratio.toFixed(2)}× wall, ${(reportCpu / lintCpu).toFixed(2)}× cpu   goal <= ${GOAL_CLI_RATIO}×   ${verdict(ratio <= GOAL_CLI_RATIO)}`);
    const head = readFileSync(out, 'utf8').slice(0, 15);
    if (head !== '<!DOCTYPE html>') throw new Error('the report is not an HTML page');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
