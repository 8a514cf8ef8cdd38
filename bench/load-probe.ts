/**
 * Runs inside the real editor's extension host for `npm run load`
 * (bench/load.ts loads it the way integration tests are loaded), measures,
 * and prints one `LOAD-RESULT {json}` line the bench reads.
 *
 * Scenario `incidents` (10,000 incidents, 50,000 other files, a symlink
 * loop and a broken link): whether the extension was active when the host
 * started running this probe; how long until the index, the Incidents view
 * and the Problems view are filled; how responsive the extension host stayed
 * meanwhile (timer lag, and a command round trip to the workbench); then a
 * branch switch that rewrites 1,000 incident files: how many batches the
 * file events came in and how long until every one is re-read.
 *
 * Scenario `empty` (the 50,000 other files, no incidents): the extension
 * must not be active until its view is opened.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../src/extension';

const EXTENSION_ID = 'incident-lens.incident-lens';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function summary(values: readonly number[]): { n: number; p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? 0) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * Samples the extension host while something runs: how late a 50 ms timer
 * fires (the host's event loop blocked), and how long a command that goes
 * to the workbench and back takes (what a user's click waits for).
 */
interface Responsiveness {
  timerLagMs: ReturnType<typeof summary>;
  roundTripMs: ReturnType<typeof summary>;
  /** The three longest stalls: how long, and when (ms after sampling began). */
  longestStalls: { ms: number; atMs: number }[];
}

function responsiveness(): { stop(): Responsiveness } {
  const lags: number[] = [];
  const stalls: { ms: number; atMs: number }[] = [];
  const trips: number[] = [];
  const begin = performance.now();
  let expected = begin + 50;
  const timer = setInterval(() => {
    const now = performance.now();
    const lag = Math.max(0, now - expected);
    lags.push(lag);
    stalls.push({ ms: round(lag), atMs: round(now - begin - lag) });
    expected = now + 50;
  }, 50);
  let running = true;
  void (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      await vscode.commands.executeCommand('setContext', 'incidentLens.loadProbe', i);
      trips.push(performance.now() - started);
      await sleep(100);
    }
  })();
  return {
    stop: () => {
      running = false;
      clearInterval(timer);
      return { timerLagMs: summary(lags), roundTripMs: summary(trips), longestStalls: stalls.sort((a, b) => b.ms - a.ms).slice(0, 3) };
    },
  };
}

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function incidentDiagnostics(): { files: number; diagnostics: number } {
  let files = 0;
  let diagnostics = 0;
  for (const [, list] of vscode.languages.getDiagnostics()) {
    const ours = list.filter((d) => d.source === 'incident-lens').length;
    if (ours > 0) files++;
    diagnostics += ours;
  }
  return { files, diagnostics };
}

async function incidentsScenario(result: Record<string, unknown>): Promise<void> {
  const extension = vscode.extensions.getExtension<IncidentLensApi>(EXTENSION_ID)!;
  const sampler = responsiveness();
  const t0 = performance.now();
  const api = await extension.activate();
  await api.workspace.whenReady();
  const state = api.workspace.all()[0];
  const paths = state.index.paths();
  result.links = {
    loopFollowed: paths.some((path) => path.startsWith('incidents/loop/')),
    brokenLinkIndexed: paths.includes('incidents/2026-01-01-broken-link.md'),
    linkOutsideIndexed: paths.includes('incidents/2026-01-02-linked.md'),
  };
  result.indexed = { incidents: state.index.incidents().length, paths: state.index.paths().length, msAfterProbeStart: round(performance.now() - t0), hostUptimeS: round(process.uptime()) };
  api.response.incidents.refreshNow();
  const groups = await until('the Incidents view', () => {
    const described = api.response.incidents.describe(1);
    return described.length > 0 && described;
  }, 120_000);
  result.tree = { groups, msAfterProbeStart: round(performance.now() - t0) };
  // Problems: until the count stops growing for a second.
  let last = -1;
  let stableSince = performance.now();
  const problems = await until('the Problems view to settle', () => {
    const now = incidentDiagnostics();
    if (now.diagnostics !== last) {
      last = now.diagnostics;
      stableSince = performance.now();
      return undefined;
    }
    return now.diagnostics > 0 && performance.now() - stableSince > 1000 && now;
  }, 180_000);
  result.problems = { ...problems, msAfterProbeStart: round(performance.now() - t0 - 1000) };
  result.duringScan = sampler.stop();

  // A branch switch: git rewrites 1,000 incident files at once.
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const changed = JSON.parse(readFileSync(process.env.INCIDENT_LENS_LOAD_CHANGED!, 'utf8')) as string[];
  const marker = process.env.INCIDENT_LENS_LOAD_MARKER!;
  const batches: number[] = [];
  const subscription = api.workspace.onDidChange(() => batches.push(performance.now()));
  // What each batch re-read: the index's batch entry point, watched (the product is not changed); times from the start of the checkout.
  const reads: { files: number; startMs: number; ms: number }[] = [];
  const switchSampler = responsiveness();
  const started = performance.now();
  const index = state.index;
  const refreshAll = index.refreshAll.bind(index);
  let inFlight = 0;
  index.refreshAll = async (host, paths) => {
    const at = performance.now();
    inFlight++;
    try {
      await refreshAll(host, paths);
    } finally {
      inFlight--;
      reads.push({ files: paths.length, startMs: round(at - started), ms: round(performance.now() - at) });
    }
  };
  // Not execFileSync: the probe must not block the extension host it measures.
  await new Promise<void>((resolve, reject) => execFile('git', ['checkout', '-q', 'load-switch'], { cwd: folder }, (error) => (error ? reject(error) : resolve())));
  const checkedOut = performance.now();
  // The folder's index as it is now (a settings change would have rebuilt it).
  const updated = () => changed.filter((path) => api.workspace.all()[0].index.get(path)?.incident.title?.endsWith(marker)).length;
  try {
    await until('the index to follow the branch', () => updated() === changed.length, 180_000);
  } catch (error) {
    result.branchSwitch = { files: changed.length, updated: updated(), batches: batches.length, batchTimesMsAfterCheckout: batches.map((at) => round(at - checkedOut)), responsiveness: switchSampler.stop() };
    throw error;
  }
  const absorbed = performance.now();
  // Late batches, if any, still count: wait until no batch is being read and three seconds passed quietly.
  // (The index shows a file's new text as soon as it is read, before the batch's workspace checks end.)
  await until('the file events to stop', () => inFlight === 0 && performance.now() - Math.max(absorbed, ...batches, ...reads.map((read) => started + read.startMs + read.ms)) > 3000, 120_000);
  subscription.dispose();
  index.refreshAll = refreshAll;
  result.branchSwitch = {
    files: changed.length,
    gitCheckoutMs: round(checkedOut - started),
    msFromCheckoutToIndexed: round(absorbed - checkedOut),
    msFromCheckoutToChecksDone: round(Math.max(...reads.map((read) => started + read.startMs + read.ms), ...batches) - checkedOut),
    batches: batches.length,
    batchTimesMsAfterCheckout: batches.map((at) => round(at - checkedOut)),
    reads,
    responsiveness: switchSampler.stop(),
  };
}

async function emptyScenario(result: Record<string, unknown>): Promise<void> {
  const extension = vscode.extensions.getExtension<IncidentLensApi>(EXTENSION_ID)!;
  result.activeAtProbeStart = extension.isActive;
  await sleep(10_000);
  result.activeAfter10s = extension.isActive;
  const started = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.incidentLens');
  await until('activation by the view', () => extension.isActive, 60_000);
  result.msFromOpeningTheViewToActive = round(performance.now() - started);
}

/** With INCIDENT_LENS_LOAD_PROFILE=FILE, a CPU profile of the extension host while the probe runs (to see what a stall was). */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.INCIDENT_LENS_LOAD_PROFILE;
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params, (error, answer) => (error ? reject(error) : resolve(answer))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

export async function run(): Promise<void> {
  await profiled(probe);
}

async function probe(): Promise<void> {
  const scenario = process.env.INCIDENT_LENS_LOAD_SCENARIO;
  const extension = vscode.extensions.getExtension<IncidentLensApi>(EXTENSION_ID);
  const result: Record<string, unknown> = { scenario, hostUptimeAtProbeStartS: round(process.uptime()), activeAtProbeStart: extension?.isActive ?? false, editor: `${vscode.env.appName} ${vscode.version}` };
  try {
    if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
    if (scenario === 'incidents') await incidentsScenario(result);
    else if (scenario === 'empty') await emptyScenario(result);
    else throw new Error(`unknown scenario ${scenario}`);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  console.log(`LOAD-RESULT ${JSON.stringify(result)}`);
}
