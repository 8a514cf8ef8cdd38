/**
 * Hotspots over a generated repository with tens of thousands of commits,
 * against raw `git log --name-only` over the same history, in one run:
 *
 *   (a) git log --name-only, output read and dropped      <- the baseline
 *   (a') the same with GIT_FLUSH=0, as hotspots runs git (git then writes
 *       in full buffers instead of once per commit): for reference
 *   (b) cold hotspots: computeHotspots without a cache (history walk,
 *       follow-ups, file list, scoring)                    goal <= 1.5x (a)
 *   (c) warm hotspots: HEAD unchanged, history from the cache   goal <= 100 ms
 *
 *   npx tsx bench/hotspots.bench.ts [--rounds N] [--commits N]
 *
 * (a) and (b) are interleaved over N rounds (default 3) so load from other
 * processes hits them alike; medians are reported. On a shared machine wall
 * time swings with others' load, so the CPU time both take (this process and
 * the git processes it ran, from /proc) is printed too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeHotspots } from '../src/node/hotspots';
import { ensureHotspotsCorpus } from './hotspots-corpus';

const GOAL_COLD_RATIO = 1.5;
const GOAL_WARM_MS = 100;
const WARM_RUNS = 7;
const INCIDENTS = 200;
const SEED = 20261125;

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

/** CPU ms used by this process and its finished children; undefined off Linux. */
function cpuMs(): number | undefined {
  try {
    // Fields 14-17 of /proc/self/stat: utime, stime, cutime, cstime, in clock ticks (100 per second).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After the command name in parentheses; it may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) * 10;
  } catch {
    return undefined;
  }
}

/** Wall and CPU ms of `run`. */
async function measure(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number | undefined }> {
  const cpuBefore = cpuMs();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  const cpuAfter = cpuMs();
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

const milliseconds = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** The baseline: what plain git takes to list every commit's files, read through a pipe. */
function gitLogNameOnly(repository: string, environment: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['log', '--name-only'], { cwd: repository, env: environment, stdio: ['ignore', 'pipe', 'inherit'] });
    git.stdout.on('data', () => undefined);
    git.on('error', reject);
    git.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git log exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = option(args, '--rounds', 3);
  const commits = option(args, '--commits', 30_000);
  const { repository, incidents } = await ensureHotspotsCorpus({ commits, incidents: INCIDENTS, seed: SEED }, (line) => console.log(line));
  const now = Date.UTC(2025, 0, 1);
  const cacheDirectory = mkdtempSync(path.join(os.tmpdir(), 'incident-lens-hotspots-bench-'));
  try {
    console.log(`hotspots bench: ${commits} commits, ${incidents.length} incidents, ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(1)}`);
    await gitLogNameOnly(repository); // warms the page cache for both

    const baseline: { wall: number; cpu: number | undefined }[] = [];
    const buffered: { wall: number; cpu: number | undefined }[] = [];
    const cold: { wall: number; cpu: number | undefined }[] = [];
    let ranking: Awaited<ReturnType<typeof computeHotspots>> | undefined;
    for (let round = 0; round < rounds; round++) {
      baseline.push(await measure(() => gitLogNameOnly(repository)));
      buffered.push(await measure(() => gitLogNameOnly(repository, { ...process.env, GIT_FLUSH: '0' })));
      cold.push(
        await measure(async () => {
          ranking = await computeHotspots(repository, incidents, { now });
        }),
      );
    }

    await computeHotspots(repository, incidents, { now, cacheDirectory });
    const warm: { wall: number; cpu: number | undefined }[] = [];
    for (let run = 0; run < WARM_RUNS; run++) {
      warm.push(
        await measure(async () => {
          if (!(await computeHotspots(repository, incidents, { now, cacheDirectory })).fromCache) throw new Error('warm run missed the cache');
        }),
      );
    }

    const base = median(baseline.map((run) => run.wall));
    const coldWall = median(cold.map((run) => run.wall));
    const coldRatio = coldWall / base;
    const warmMs = median(warm.map((run) => run.wall));
    const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
    const cpu = (runs: readonly { cpu: number | undefined }[]) => (runs.some((run) => run.cpu === undefined) ? undefined : median(runs.map((run) => run.cpu ?? 0)));
    const [baseCpu, coldCpu, warmCpu] = [cpu(baseline), cpu(cold), cpu(warm)];
    console.log(`(a) git log --name-only         ${milliseconds(base)}  (median of ${rounds})${baseCpu === undefined ? '' : `, CPU ${milliseconds(baseCpu)}`}`);
    const bufferedWall = median(buffered.map((run) => run.wall));
    console.log(`(a') ... with GIT_FLUSH=0        ${milliseconds(bufferedWall)}  = ${(bufferedWall / base).toFixed(2)}x (a); cold hotspots = ${(coldWall / bufferedWall).toFixed(2)}x (a')`);
    console.log(`(b) cold hotspots               ${milliseconds(coldWall)}  = ${coldRatio.toFixed(2)}x (a)  ${verdict(coldRatio <= GOAL_COLD_RATIO)} <= ${GOAL_COLD_RATIO}x`);
    if (baseCpu !== undefined && coldCpu !== undefined) console.log(`    CPU, git included            ${milliseconds(coldCpu)}  = ${(coldCpu / baseCpu).toFixed(2)}x (a)`);
    console.log(`(c) warm hotspots, HEAD same    ${milliseconds(warmMs)}  = ${(warmMs / base).toFixed(3)}x (a)  ${verdict(warmMs <= GOAL_WARM_MS)} <= ${GOAL_WARM_MS} ms  (median of ${WARM_RUNS}; fastest ${milliseconds(Math.min(...warm.map((run) => run.wall)))}${warmCpu === undefined ? '' : `, CPU ${milliseconds(warmCpu)}`})`);
    const files = ranking?.ranking.files ?? [];
    console.log(`ranked ${files.length} files; ${ranking?.history.commits.length ?? 0} linked commits; ${ranking?.history.problems.length ?? 0} problems; top: ${files.slice(0, 3).map((file) => `${file.path} (${file.count})`).join(', ')}`);
  } finally {
    rmSync(cacheDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
