/**
 * One incident index per workspace folder (multi-root: each folder has its
 * own incidents, catalog and repository), kept current from file events and
 * cached in the extension's storage for a fast warm start.
 */
import * as vscode from 'vscode';
import { CATALOG_PATH } from '../core/catalog';
import { decodeIndexCache, encodeIndexCache, type IndexCache } from '../core/indexCache';
import { IncidentIndex, type SourceChange } from '../core/workspace';
import { GitCommitLookup } from '../node/gitCommits';
import { readFolderConfig } from './config';
import type { FolderIncidents } from './folderIncidents';
import { LinkedSourceEvents } from './linkedSourceEvents';
import { EditorWorkspaceHost } from './vscodeHost';

/** Settings that change what the index reads or reports; others (display, hotspots) do not need a rescan. */
const INDEX_SETTINGS = ['files', 'severityLevels', 'maxFileSize', 'blamePhrases'];

/** File events are gathered for this long, so a branch switch is absorbed in one batch. */
const EVENT_BATCH_MS = 250;

/**
 * The cache is written once changes have been quiet this long, not after
 * every batch: in a folder of 10,000 incidents it is some 50 MB.
 */
const CACHE_WRITE_DELAY_MS = 5_000;
/** Cache parts encoded between two pauses, so the extension host never stalls on the whole cache at once. */
const CACHE_SLICE = 500;

export class IncidentWorkspace implements vscode.Disposable {
  private readonly folders = new Map<string, FolderIncidents>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly folderDisposables = new Map<string, vscode.Disposable[]>();
  private readonly changed = new vscode.EventEmitter<FolderIncidents>();
  private readonly pending = new Map<string, Set<string>>();
  /** Other files changed, per folder; a file that appeared or went outweighs one that was only saved. */
  private readonly pendingSources = new Map<string, Map<string, SourceChange>>();
  private readonly sources = new LinkedSourceEvents(
    (uri) => this.locate(uri),
    (state, path, change) => this.queueSource(state, path, change),
  );
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cacheTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private ready: Promise<void> = Promise.resolve();

  /** Fires after a folder's index changed (scan, file events, settings). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storage: vscode.Uri | undefined,
    /** Where notes about skipped files go (the extension's output channel). */
    private readonly note: (message: string) => void = () => undefined,
  ) {
    this.disposables.push(
      this.changed,
      this.sources,
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.removeFolder(folder);
        this.ready = Promise.all(event.added.map((folder) => this.addFolder(folder))).then(() => undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // A snapshot: rebuilding re-adds the folder, which a live Map iteration would visit again.
        for (const state of [...this.folders.values()]) {
          if (INDEX_SETTINGS.some((name) => event.affectsConfiguration(`incidentLens.${name}`, state.folder.uri))) void this.rebuild(state.folder);
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const state of [...this.folders.values()]) void this.rebuild(state.folder);
      }),
    );
  }

  /** Scans every folder; resolves when all are indexed. */
  start(): Promise<void> {
    this.ready = Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.rebuild(folder))).then(() => undefined);
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  all(): FolderIncidents[] {
    return [...this.folders.values()];
  }

  /** The folder and folder-relative path of a file, when the file is inside a workspace folder. */
  locate(uri: vscode.Uri): { state: FolderIncidents; path: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const state = folder && this.folders.get(folder.uri.toString());
    const path = state?.host.relativePath(uri);
    return state && path !== undefined ? { state, path } : undefined;
  }

  notifyChanged(state: FolderIncidents): void {
    this.changed.fire(state);
  }

  private async addFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const config = readFolderConfig(folder);
    const commits = vscode.workspace.isTrusted && folder.uri.scheme === 'file' ? new GitCommitLookup(folder.uri.fsPath) : undefined;
    const state: FolderIncidents = { folder, host: new EditorWorkspaceHost(folder, commits, (message) => this.note(`${folder.name}: ${message}`)), index: new IncidentIndex(config) };
    const key = folder.uri.toString();
    this.folders.set(key, state);
    this.watch(state);
    const started = performance.now();
    const report = await state.index.scan(state.host, await this.readCache(folder));
    if (this.folders.get(key) !== state) return;
    state.lastScan = { ...report, ms: performance.now() - started };
    this.note(`${folder.name}: ${report.files} incident ${report.files === 1 ? 'file' : 'files'} indexed in ${state.lastScan.ms} ms (${report.fromCache} from the cache).`);
    this.changed.fire(state);
    // After a warm start the views and Problems show the cached results first, then the checks run again.
    if (state.index.hasStaleChecks) {
      await state.index.revalidate(state.host);
      if (this.folders.get(key) !== state) return;
      this.changed.fire(state);
    }
    this.scheduleCacheWrite(state);
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.folders.delete(key);
    for (const disposable of this.folderDisposables.get(key) ?? []) disposable.dispose();
    this.folderDisposables.delete(key);
  }

  private async rebuild(folder: vscode.WorkspaceFolder): Promise<void> {
    this.removeFolder(folder);
    await this.addFolder(folder);
  }

  private watch(state: FolderIncidents): void {
    const patterns = [state.index.options.incidentGlob, CATALOG_PATH];
    const disposables = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(state.folder, pattern));
      const queue = (uri: vscode.Uri) => this.queue(state, uri);
      watcher.onDidCreate(queue);
      watcher.onDidChange(queue);
      watcher.onDidDelete(queue);
      return watcher;
    });
    this.folderDisposables.set(state.folder.uri.toString(), [...disposables, this.sources.watch(state)]);
  }

  private queue(state: FolderIncidents, uri: vscode.Uri): void {
    const path = state.host.relativePath(uri);
    if (path === undefined) return;
    const key = state.folder.uri.toString();
    const paths = this.pending.get(key) ?? new Set<string>();
    paths.add(path);
    this.pending.set(key, paths);
    this.startBatch();
  }

  private queueSource(state: FolderIncidents, path: string, change: SourceChange): void {
    const key = state.folder.uri.toString();
    const changes = this.pendingSources.get(key) ?? new Map<string, SourceChange>();
    if (changes.get(path) !== 'presence') changes.set(path, change);
    this.pendingSources.set(key, changes);
    this.startBatch();
  }

  private startBatch(): void {
    if (!this.pendingTimer) this.pendingTimer = setTimeout(() => void this.flush(), EVENT_BATCH_MS);
  }

  private async flush(): Promise<void> {
    this.pendingTimer = undefined;
    const incidentBatches = new Map(this.pending);
    const sourceBatches = new Map(this.pendingSources);
    this.pending.clear();
    this.pendingSources.clear();
    for (const key of new Set([...incidentBatches.keys(), ...sourceBatches.keys()])) {
      const state = this.folders.get(key);
      if (!state) continue;
      const refreshed = incidentBatches.get(key) ?? new Set<string>();
      await this.applyIncidentEvents(state, refreshed);
      const rechecked = await this.applySourceEvents(state, sourceBatches.get(key) ?? new Map(), refreshed);
      if (refreshed.size === 0 && !rechecked) continue;
      this.changed.fire(state);
      this.scheduleCacheWrite(state);
    }
  }

  private async applyIncidentEvents(state: FolderIncidents, paths: ReadonlySet<string>): Promise<void> {
    const fromEditor: string[] = [];
    const fromDisk: string[] = [];
    for (const path of paths) {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === state.host.uriOf(path).toString());
      // An open document's unsaved text wins over the disk; a deleted file's lingering (saved) document does not.
      // The catalog is always read from disk: its open document is not an incident, and `update` would pass it by.
      if (path !== CATALOG_PATH && open && !open.isClosed && (open.isDirty || (await state.host.stat(path)) !== undefined)) {
        state.index.update(path, open.getText());
        fromEditor.push(path);
      } else {
        fromDisk.push(path);
      }
    }
    // One pass for the whole batch: a branch switch of a thousand files checks each linked path once.
    await state.index.refreshAll(state.host, fromDisk);
    if (fromEditor.length > 0) await state.index.recheck(state.host, fromEditor);
  }

  /** Re-runs the code link checks of the incidents that link the changed files; false when none does. */
  private async applySourceEvents(state: FolderIncidents, changes: ReadonlyMap<string, SourceChange>, refreshed: ReadonlySet<string>): Promise<boolean> {
    const incidents = new Set<string>();
    for (const [path, change] of changes) for (const incident of state.index.incidentsLinking(path, change)) if (!refreshed.has(incident)) incidents.add(incident);
    if (incidents.size === 0) return false;
    state.host.forgetListingsAround([...changes].filter(([, change]) => change === 'presence').map(([path]) => path));
    await state.index.recheckCodeLinks(state.host, [...incidents]);
    return true;
  }

  private cacheUri(folder: vscode.WorkspaceFolder): vscode.Uri | undefined {
    if (!this.storage) return undefined;
    let hash = 0;
    for (const c of folder.uri.toString()) hash = (hash * 31 + c.charCodeAt(0)) | 0;
    return vscode.Uri.joinPath(this.storage, `index-${(hash >>> 0).toString(16)}.json`);
  }

  private async readCache(folder: vscode.WorkspaceFolder): Promise<IndexCache | undefined> {
    const uri = this.cacheUri(folder);
    if (!uri) return undefined;
    try {
      return decodeIndexCache(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  private scheduleCacheWrite(state: FolderIncidents): void {
    const key = state.folder.uri.toString();
    clearTimeout(this.cacheTimers.get(key));
    const timer = setTimeout(() => {
      this.cacheTimers.delete(key);
      if (this.folders.get(key) === state) void this.writeCache(state);
    }, CACHE_WRITE_DELAY_MS);
    this.cacheTimers.set(key, timer);
  }

  /** The cache lives in the extension's own storage, never in the workspace. */
  private async writeCache(state: FolderIncidents): Promise<void> {
    const uri = this.cacheUri(state.folder);
    if (!uri || !this.storage) return;
    try {
      const bytes = await cacheBytes(state.index.toCache());
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(uri, bytes);
    } catch {
      // A missing cache only costs a slower start next time.
    }
  }

  dispose(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    for (const timer of this.cacheTimers.values()) clearTimeout(timer);
    for (const disposables of this.folderDisposables.values()) for (const disposable of disposables) disposable.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * The encoded cache, built a slice of parts at a time with a pause between
 * slices: encoding 10,000 summaries at once held the extension host for 0.5
 * to 0.7 s (measured by `npm run load`).
 */
async function cacheBytes(cache: IndexCache): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let sinceLastPause = 0;
  for (const part of encodeIndexCache(cache)) {
    parts.push(typeof part === 'string' ? encoder.encode(part) : part);
    if (++sinceLastPause === CACHE_SLICE) {
      sinceLastPause = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return Buffer.concat(parts);
}
