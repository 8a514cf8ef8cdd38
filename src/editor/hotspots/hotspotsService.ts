/**
 * Hotspots per workspace folder, kept current: recomputed when incidents or
 * the repository's HEAD change, from the history cached per HEAD. Long scans
 * show progress and can be cancelled; untrusted folders use explicit `code:`
 * links only and start no git process.
 */
import * as vscode from 'vscode';
import { hotspotIncidents } from '../../core/hotspotIncidents';
import { scoreHotspots, type ScoreSettings } from '../../core/hotspots/score';
import type { FileHotspot, HistoryFacts, HotspotIncident, HotspotRanking } from '../../core/hotspots/types';
import { computeHotspots } from '../../node/hotspots';
import type { FolderIncidents, IncidentWorkspace } from '../incidentWorkspace';

export interface FolderHotspots {
  readonly state: FolderIncidents;
  readonly ranking: HotspotRanking;
  readonly history: HistoryFacts;
  readonly repoFiles: readonly string[];
  readonly incidents: readonly HotspotIncident[];
  /** Files by path, for decorations and hovers. */
  readonly byPath: ReadonlyMap<string, FileHotspot>;
}

const RECOMPUTE_DELAY_MS = 500;
/** Scans that take longer than this show a cancellable notification. */
const PROGRESS_AFTER_MS = 1_500;

export function readScoreSettings(folder: vscode.WorkspaceFolder): Omit<ScoreSettings, 'now'> {
  const config = vscode.workspace.getConfiguration('incidentLens.hotspots', folder.uri);
  const weights = config.get<Record<string, number>>('severityWeights');
  const halfLife = config.get<number>('halfLifeDays');
  const excludes = config.get<string[]>('commitExcludes');
  return {
    ...(weights && Object.keys(weights).length > 0 ? { severityWeights: weights } : {}),
    ...(halfLife && halfLife > 0 ? { halfLifeDays: halfLife } : {}),
    ...(excludes ? { commitFileExcludes: excludes } : {}),
  };
}

export class HotspotsService implements vscode.Disposable {
  private readonly results = new Map<string, FolderHotspots>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, AbortController>();
  private readonly headWatchers = new Map<string, vscode.Disposable>();

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly workspace: IncidentWorkspace,
    private readonly storage: vscode.Uri | undefined,
  ) {
    this.disposables.push(
      this.changed,
      workspace.onDidChange((state) => this.schedule(state)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('incidentLens.hotspots')) for (const state of workspace.all()) this.schedule(state);
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
      { ...readScoreSettings(hotspots.state.folder), now: Date.now() },
    );
  }

  /** Recomputes every folder now (the Refresh command). */
  async refreshAll(): Promise<void> {
    await Promise.all(this.workspace.all().map((state) => this.compute(state)));
  }

  private schedule(state: FolderIncidents): void {
    const key = state.folder.uri.toString();
    this.watchHead(state);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.compute(state);
      }, RECOMPUTE_DELAY_MS),
    );
  }

  /** A checkout or a new commit moves HEAD: history may have changed. */
  private watchHead(state: FolderIncidents): void {
    const key = state.folder.uri.toString();
    if (this.headWatchers.has(key) || !vscode.workspace.isTrusted) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(state.folder, '.git/{HEAD,refs/heads/**}'));
    const again = () => this.schedule(state);
    watcher.onDidChange(again);
    watcher.onDidCreate(again);
    this.headWatchers.set(key, watcher);
  }

  private async compute(state: FolderIncidents): Promise<void> {
    if (state.folder.uri.scheme !== 'file') return;
    const key = state.folder.uri.toString();
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    const incidents = hotspotIncidents(state.index.incidents());
    const work = computeHotspots(state.folder.uri.fsPath, incidents, {
      now: Date.now(),
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
      });
      this.changed.fire();
    } catch (error) {
      if (!controller.signal.aborted) console.warn(`Incident Lens: hotspots for ${state.folder.name} could not be computed: ${String(error)}`);
    } finally {
      if (this.running.get(key) === controller) this.running.delete(key);
    }
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
    for (const controller of this.running.values()) controller.abort();
    for (const watcher of this.headWatchers.values()) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
