/**
 * Hotspots per workspace folder, kept current: re-scored when incidents
 * change, with the history read again (cached per HEAD) only when HEAD, the
 * settings, or what the history depends on (linked commits, incident ids) change. Long scans
 * show progress and can be cancelled; untrusted folders use explicit `code:`
 * links only and start no git process.
 */
import * as vscode from 'vscode';
import { indexHotspotIncidents } from '../../core/hotspotIncidents';
import { historyRequestFor } from '../../core/hotspots/historyRequest';
import { scoreHotspots, type ScoreSettings } from '../../core/hotspots/score';
import type { FileHotspot, HistoryFacts, HotspotIncident, HotspotRanking } from '../../core/hotspots/types';
import { computeHotspots } from '../../node/hotspots';
import type { FolderIncidents } from '../folderIncidents';
import type { IncidentWorkspace } from '../incidentWorkspace';
import { watchHead } from './headWatcher';
import { nowMs } from '../../core/clock';
import { readSettings } from '../config';

export interface FolderHotspots {
  readonly state: FolderIncidents;
  readonly ranking: HotspotRanking;
  readonly history: HistoryFacts;
  readonly repoFiles: readonly string[];
  readonly incidents: readonly HotspotIncident[];
  /** Files by path, for decorations and hovers. */
  readonly byPath: ReadonlyMap<string, FileHotspot>;
  /** The incidents' code links and commits the history was read for. */
  readonly historyKey: string;
}

interface RunningComputation {
  readonly controller: AbortController;
  readonly historyKey: string;
  /** Incidents changed in ways the history does not depend on while it ran. */
  rescoreWhenDone: boolean;
}

const RECOMPUTE_DELAY_MS = 500;
/** Scans that take longer than this show a cancellable notification. */
const PROGRESS_AFTER_MS = 1_500;

export function readScoreSettings(folder: vscode.WorkspaceFolder): Omit<ScoreSettings, 'now'> {
  return readSettings(folder.uri).scoring;
}

export class HotspotsService implements vscode.Disposable {
  private readonly results = new Map<string, FolderHotspots>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, RunningComputation>();
  private readonly headWatchers = new Map<string, vscode.Disposable>();
  /** Folders whose next computation must read the history again. */
  private readonly pendingHistory = new Set<string>();
  /** The history problems last written to the output, per folder: each is written once, not at every HEAD move. */
  private readonly notedProblems = new Map<string, string>();

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly workspace: IncidentWorkspace,
    private readonly storage: vscode.Uri | undefined,
    /** Where history that could not be read is explained (the extension's output channel). */
    private readonly note: (message: string) => void = () => undefined,
  ) {
    this.disposables.push(
      this.changed,
      workspace.onDidChange((state) => this.schedule(state, false)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('incidentLens.hotspots')) for (const state of workspace.all()) this.schedule(state, true);
      }),
    );
  }

  all(): FolderHotspots[] {
    return [...this.results.values()];
  }

  forUri(uri: vscode.Uri): { hotspots: FolderHotspots; path: string } | undefined {
    const located = this.workspace.locate(uri);
    const hotspots = located && this.results.get(located.state.folder.uri.toString());
    return hotspots && located ? { hotspots, path: located.path } : undefined;
  }

  /** Re-scores a subset of incidents with the history already read (for the view's filters). */
  rescore(hotspots: FolderHotspots, keep: (incident: HotspotIncident) => boolean): HotspotRanking {
    return scoreHotspots(
      { incidents: hotspots.incidents.filter(keep), history: hotspots.history, repoFiles: hotspots.repoFiles },
      { ...readScoreSettings(hotspots.state.folder), now: nowMs() },
    );
  }

  /** Recomputes every folder now (the Refresh command). */
  async refreshAll(): Promise<void> {
    await Promise.all(this.workspace.all().map((state) => this.compute(state, true)));
  }

  /** `readHistory`: the repository or the settings changed, so the history is read again even if no link did. */
  private schedule(state: FolderIncidents, readHistory: boolean): void {
    const key = state.folder.uri.toString();
    this.watchHead(state);
    const pending = this.pendingHistory.has(key) || readHistory;
    if (pending) this.pendingHistory.add(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.pendingHistory.delete(key);
        void this.compute(state, pending);
      }, RECOMPUTE_DELAY_MS),
    );
  }

  /** A checkout or a new commit moves HEAD: history may have changed. Untrusted folders start no git process, so are not watched. */
  private watchHead(state: FolderIncidents): void {
    const key = state.folder.uri.toString();
    if (this.headWatchers.has(key) || !vscode.workspace.isTrusted || state.folder.uri.scheme !== 'file') return;
    const again = () => {
      // The folder's state of now: a rebuild (settings, trust) replaces the one this watcher began with.
      const current = this.workspace.all().find((other) => other.folder.uri.toString() === key);
      if (current) this.schedule(current, true);
    };
    this.headWatchers.set(key, watchHead(state.folder, again));
  }

  private async compute(state: FolderIncidents, readHistory: boolean): Promise<void> {
    if (state.folder.uri.scheme !== 'file') return;
    const key = state.folder.uri.toString();
    const incidents = indexHotspotIncidents(state.index);
    // With 10,000 incidents each step below holds the extension host for a while: let others in between.
    await nextTurn();
    // What the history is read for: the linked commits and the ids commit messages may name.
    const historyKey = JSON.stringify(historyRequestFor(incidents));
    await nextTurn();
    if (this.workspace.all().every((other) => other !== state)) return;
    const previous = this.results.get(key);
    const running = this.running.get(key);
    // Titles, severities, dates and code links change the scores, not the history: no git process for them
    // (a branch switch that rewrites a thousand incidents' text would otherwise start some per batch).
    if (!readHistory && running?.historyKey === historyKey) {
      running.rescoreWhenDone = true;
      return;
    }
    if (!readHistory && !running && previous?.state === state && previous.historyKey === historyKey) {
      await this.rescoreInPlace(previous, incidents);
      return;
    }
    running?.controller.abort();
    const controller = new AbortController();
    const run: RunningComputation = { controller, historyKey, rescoreWhenDone: false };
    this.running.set(key, run);
    const work = computeHotspots(state.folder.uri.fsPath, incidents, {
      now: nowMs(),
      scoring: readScoreSettings(state.folder),
      useGit: vscode.workspace.isTrusted,
      cacheDirectory: this.storage ? vscode.Uri.joinPath(this.storage, 'hotspots').fsPath : undefined,
      signal: controller.signal,
    });
    this.showProgressIfSlow(work, controller, state.folder.name);
    try {
      const result = await work;
      if (controller.signal.aborted) return;
      this.results.set(key, {
        state,
        ranking: result.ranking,
        history: result.history,
        repoFiles: result.folderFiles,
        incidents,
        byPath: new Map(result.ranking.files.map((file) => [file.path, file])),
        historyKey,
      });
      this.noteProblems(state, result.history);
      this.changed.fire();
    } catch (error) {
      if (!controller.signal.aborted) console.warn(`Incident Lens: hotspots for ${state.folder.name} could not be computed: ${String(error)}`);
    } finally {
      if (this.running.get(key) === run) this.running.delete(key);
      const done = this.results.get(key);
      if (run.rescoreWhenDone && !controller.signal.aborted && done) await this.rescoreInPlace(done, indexHotspotIncidents(state.index));
    }
  }

  private noteProblems(state: FolderIncidents, history: HistoryFacts): void {
    const key = state.folder.uri.toString();
    const problems = JSON.stringify(history.problems);
    if (this.notedProblems.get(key) === problems) return;
    this.notedProblems.set(key, problems);
    for (const problem of history.problems) this.note(`${state.folder.name}: hotspots: ${problem.message}`);
  }

  private async rescoreInPlace(previous: FolderHotspots, incidents: readonly HotspotIncident[]): Promise<void> {
    if (JSON.stringify(incidents) === JSON.stringify(previous.incidents)) return;
    await nextTurn();
    const key = previous.state.folder.uri.toString();
    // Replaced while this waited (a computation that read the history finished): that result is newer.
    if (this.results.get(key) !== previous) return;
    const ranking = scoreHotspots({ incidents, history: previous.history, repoFiles: previous.repoFiles }, { ...readScoreSettings(previous.state.folder), now: nowMs() });
    this.results.set(key, {
      ...previous,
      incidents,
      ranking,
      byPath: new Map(ranking.files.map((file) => [file.path, file])),
    });
    this.changed.fire();
  }

  private showProgressIfSlow(work: Promise<unknown>, controller: AbortController, folder: string): void {
    let done = false;
    void work.finally(() => (done = true)).catch(() => undefined);
    setTimeout(() => {
      if (done) return;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Finding incident hotspots in ${folder}…`, cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          return work.catch(() => undefined);
        },
      );
    }, PROGRESS_AFTER_MS);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const { controller } of this.running.values()) controller.abort();
    for (const watcher of this.headWatchers.values()) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
