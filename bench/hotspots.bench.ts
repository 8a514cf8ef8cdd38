/**
 * Hotspots over a generated repository with tens of thousands of commits,
 * against raw `git log --name-only` over the same history, in one run:
 *
 *   (a) git log --name-only, output read and dropped      <- the baseline
 *   (b) cold hotspots: computeHotspots without a cache (history walk,
 *       follow-ups, file list, scoring)                    goal <= 1.5x (a)
 *   (c) warm hotspots: HEAD unchanged, history from the cache   goal <= 100 ms
 *
 *   npx tsx bench/hotspots.bench.ts [--rounds N] [--commits N]
 *
 * (a) and (b) are interleaved over N rounds (default 3) so load from other
 * processes hits them alike; medians are reported.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

const milliseconds = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** The baseline: what plain git takes to list every commit's files. */
function gitLogNameOnly(repository: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['log', '--name-only'], { cwd: repository, stdio: ['ignore', 'pipe', 'inherit'] });
    git.stdout.on('data', () => undefined);
    git.on('error', reject);
    git.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`git log exited with ${code}`))));
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

    const baseline: number[] = [];
    const cold: number[] = [];
    let ranking: Awaited<ReturnType<typeof computeHotspots>> | undefined;
    for (let round = 0; round < rounds; round++) {
      baseline.push(await gitLogNameOnly(repository));
      const started = performance.now();
      ranking = await computeHotspots(repository, incidents, { now });
      cold.push(performance.now() - started);
    }

    await computeHotspots(repository, incidents, { now, cacheDirectory });
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) {
      const started = performance.now();
      const result = await computeHotspots(repository, incidents, { now, cacheDirectory });
      warm.push(performance.now() - started);
      if (!result.fromCache) throw new Error('warm run missed the cache');
    }

    const base = median(baseline);
    const coldRatio = median(cold) / base;
    const warmMs = median(warm);
    const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
    console.log(`(a) git log --name-only         ${milliseconds(base)}  (median of ${rounds})`);
    console.log(`(b) cold hotspots               ${milliseconds(median(cold))}  = ${coldRatio.toFixed(2)}x (a)  ${verdict(coldRatio <= GOAL_COLD_RATIO)} <= ${GOAL_COLD_RATIO}x`);
    console.log(`(c) warm hotspots, HEAD same    ${milliseconds(warmMs)}  = ${(warmMs / base).toFixed(3)}x (a)  ${verdict(warmMs <= GOAL_WARM_MS)} <= ${GOAL_WARM_MS} ms  (median of ${WARM_RUNS})`);
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
