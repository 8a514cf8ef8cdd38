/**
 * The incidents of one workspace folder: every file's analysis, checks that
 * span files (duplicate ids) or need the folder (code paths, commits, the
 * catalog), id allocation, and a cache so a warm start reads only what changed.
 */
import picomatch from 'picomatch';
import { type Catalog, CATALOG_PATH, parseCatalog } from './catalog';
import { CODE_LINK_CODES, codeLinkDiagnostics, type CodeLinkFacts, reanchoredLines } from './codeLinkChecks';
import type { LineRange } from './codeLinkDrift';
import { compareDiagnostics, diagnostic, type Diagnostic } from './diagnostics';
import { nextIncidentId } from './ids';
import type { IncidentSummary } from './incident';
import { type AnalysisBrief, CACHE_VERSION, type CachedFile, type FileStat, type IndexCache } from './indexCache';
import { LinkedSources, type SourceChange } from './linkedSources';
import { analyzeText, type FileAnalysis, type LintOptions, tooLargeAnalysis } from './lint';
import { OPEN_ACTION, overdueActions } from './rules';

export type { FileStat, IndexCache } from './indexCache';
export type { SourceChange } from './linkedSources';

/** What the index needs from the place the files live (Node fs, or the editor). */
export interface WorkspaceHost {
  /** Relative, `/`-separated paths of files matching the glob. */
  listFiles(glob: string): Promise<string[]>;
  stat(path: string): Promise<FileStat | undefined>;
  /** Undefined when the file cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Whether a file exists at the path, or any file matches the glob. */
  pathExists(pathOrGlob: string): Promise<boolean>;
  /** Absent where git is unavailable or the workspace is untrusted. */
  readonly commits?: CommitLookup;
}

export interface CommitLookup {
  /** The subset of `shas` the repository has; undefined when git cannot tell (no repository, shallow clone). */
  knownCommits(shas: readonly string[]): Promise<ReadonlySet<string> | undefined>;
}

export interface IndexOptions {
  readonly incidentGlob: string;
  readonly lint: LintOptions;
}

export interface IncidentFile {
  readonly path: string;
  readonly incident: IncidentSummary;
}

interface Entry {
  readonly path: string;
  readonly stat?: FileStat;
  readonly brief: AnalysisBrief;
  /** Decoded on first use when the entry came from the cache. */
  readonly incident: IncidentSummary | undefined;
  /** The summary as the cache holds it, encoded once: unchanged files are not encoded again at every cache write. */
  readonly encoded: Uint8Array;
  environment: readonly Diagnostic[];
  /** Folder checks carried over from the cache, not yet checked again in this session. */
  stale: boolean;
}

export interface ScanReport {
  readonly files: number;
  /** Files whose analysis came from the cache, unread. */
  readonly fromCache: number;
}

const READ_CONCURRENCY = 64;

export class IncidentIndex {
  private readonly entries = new Map<string, Entry>();
  private catalog: Catalog | undefined;
  private readonly isIncidentPath: (path: string) => boolean;
  /** Bumped on every change of `entries`, so derived maps know when to rebuild. */
  private version = 0;
  private idPathsMemo: Map<string, string[]> | undefined;
  private idPathsVersion = -1;
  /** Built when a source file first changes after the incidents did; any entry change drops it. */
  private linkedMemo: LinkedSources | undefined;

  constructor(readonly options: IndexOptions) {
    this.isIncidentPath = picomatch(options.incidentGlob, { dot: false });
  }

  matches(path: string): boolean {
    return this.isIncidentPath(path) && path !== CATALOG_PATH;
  }

  /**
   * Reads every incident file, reusing cached analyses of files whose size
   * and time did not change. Their folder checks are the cached ones until
   * `revalidate` runs: a warm start shows results at once, then corrects them.
   */
  async scan(host: WorkspaceHost, cache?: IndexCache): Promise<ScanReport> {
    const cached = new Map<string, CachedFile>();
    if (cache && cache.version === CACHE_VERSION && cache.optionsKey === optionsKey(this.options)) {
      for (const file of cache.files) cached.set(file.path, file);
    }
    const paths = (await host.listFiles(this.options.incidentGlob)).filter((path) => this.matches(path)).sort();
    this.entries.clear();
    this.version++;
    this.linkedMemo = undefined;
    let fromCache = 0;
    await forEachLimited(paths, READ_CONCURRENCY, async (path) => {
      const stat = await host.stat(path);
      // Gone since the listing, or not a regular file (a link the host does not follow): nothing to read.
      if (!stat) return;
      const hit = cached.get(path);
      if (hit && hit.stat.size === stat.size && hit.stat.mtimeMs === stat.mtimeMs) {
        this.setEntry(new CachedEntry(hit, stat));
        fromCache++;
        return;
      }
      await this.readOne(host, path, stat);
    });
    await this.loadCatalog(host);
    await this.checkEnvironment(host, [...this.entries.values()].filter((entry) => !entry.stale).map((entry) => entry.path));
    return { files: this.entries.size, fromCache };
  }

  /** True after a warm start until `revalidate` has run. */
  get hasStaleChecks(): boolean {
    for (const entry of this.entries.values()) if (entry.stale) return true;
    return false;
  }

  /**
   * Checks again what a warm start took from the cache: the folder may have
   * changed while the editor was closed (a source file moved, the catalog edited).
   * A summary the cache could not decode is read from the file.
   */
  async revalidate(host: WorkspaceHost): Promise<void> {
    const stale = [...this.entries.values()].filter((entry) => entry.stale);
    const unreadable = stale.filter((entry) => entry.brief.isIncident && !entry.incident).map((entry) => entry.path);
    await forEachLimited(unreadable, READ_CONCURRENCY, async (path) => this.readOne(host, path, await host.stat(path)));
    await this.checkEnvironment(host, stale.map((entry) => entry.path));
  }

  private async readOne(host: WorkspaceHost, path: string, stat: FileStat | undefined): Promise<void> {
    if (stat && stat.size > this.options.lint.maxBytes) {
      this.setEntry(freshEntry(path, stat, tooLargeAnalysis(stat.size, this.options.lint.maxBytes)));
      return;
    }
    const text = await host.readFile(path);
    if (text === undefined) return;
    this.setEntry(freshEntry(path, stat, analyzeText(text, this.options.lint)));
  }

  /** Re-analyses one file from its current text (an unsaved editor buffer, say). Returns false when it is not an incident file. */
  update(path: string, text: string, stat?: FileStat): boolean {
    if (!this.matches(path)) return false;
    // Folder checks point at old positions once the text changed; `recheck` recomputes them.
    this.setEntry(freshEntry(path, stat, analyzeText(text, this.options.lint)));
    return true;
  }

  /** Re-runs the folder checks (paths, drift, commits, services) of some files. */
  async recheck(host: WorkspaceHost, paths: readonly string[]): Promise<void> {
    await this.checkEnvironment(host, paths);
  }

  /**
   * Incidents whose code link checks a change to a file that is not an
   * incident may change: they link it, a folder around it, or a glob it matches.
   */
  incidentsLinking(path: string, change: SourceChange): string[] {
    this.linkedMemo ??= new LinkedSources(this.incidents());
    return this.linkedMemo.incidentsAffectedBy(path, change);
  }

  /**
   * Re-runs only the code link checks (paths, drift) of some incidents, after
   * a file they link changed: their commit and service checks stay as they
   * are, so no git process starts for a saved source file.
   */
  async recheckCodeLinks(host: WorkspaceHost, paths: readonly string[]): Promise<void> {
    const facts = codeLinkFacts(host);
    const targets = paths.map((path) => this.entries.get(path)).filter((entry): entry is Entry => !!entry);
    await forEachLimited(targets, READ_CONCURRENCY, async (entry) => {
      const incident = entry.incident;
      if (!incident) return;
      const found = await codeLinkDiagnostics(incident, facts);
      entry.environment = [...entry.environment.filter((d) => !CODE_LINK_CODES.has(d.code)), ...found];
    });
  }

  /** Link index -> the lines a drifted link's pattern is at now (links follow their pattern). */
  reanchoredLines(path: string): ReadonlyMap<number, LineRange> {
    return reanchoredLines(this.entries.get(path)?.environment ?? []);
  }

  /** Reads one changed file from the host and refreshes its workspace checks. */
  async refresh(host: WorkspaceHost, path: string): Promise<void> {
    await this.refreshAll(host, [path]);
  }

  /**
   * Reads changed files from the host and refreshes their workspace checks
   * in one pass: after a branch switch that touched a thousand files, each
   * path or glob they link is looked up once, not once per file.
   */
  async refreshAll(host: WorkspaceHost, paths: readonly string[]): Promise<void> {
    const catalogChanged = paths.includes(CATALOG_PATH);
    if (catalogChanged) await this.loadCatalog(host);
    const changed = paths.filter((path) => this.matches(path));
    await forEachLimited(changed, READ_CONCURRENCY, async (path) => {
      const stat = await host.stat(path);
      if (stat) await this.readOne(host, path, stat);
      else this.remove(path);
    });
    // A new catalog changes every file's unknown services.
    if (catalogChanged) await this.checkEnvironment(host);
    else if (changed.length > 0) await this.checkEnvironment(host, changed);
  }

  remove(path: string): void {
    if (!this.entries.delete(path)) return;
    this.version++;
    this.linkedMemo = undefined;
  }

  private setEntry(entry: Entry): void {
    const previous = this.entries.get(entry.path);
    this.entries.set(entry.path, entry);
    this.linkedMemo = undefined;
    // Derived maps follow ids: an edit that keeps the file's id (most edits) keeps them valid.
    if (previous && previous.brief.id === entry.brief.id) return;
    this.version++;
  }

  get catalogServices(): Catalog['services'] | undefined {
    return this.catalog?.services;
  }

  get catalogDiagnostics(): readonly Diagnostic[] {
    return this.catalog?.diagnostics ?? [];
  }

  paths(): string[] {
    return [...this.entries.keys()].sort();
  }

  incidents(): IncidentFile[] {
    const found: IncidentFile[] = [];
    for (const entry of this.entries.values()) {
      if (!entry.brief.isIncident) continue;
      const incident = entry.incident;
      if (incident) found.push({ path: entry.path, incident });
    }
    return found.sort((a, b) => a.path.localeCompare(b.path));
  }

  get(path: string): IncidentFile | undefined {
    const entry = this.entries.get(path);
    const incident = entry?.incident;
    return incident ? { path, incident } : undefined;
  }

  isIncident(path: string): boolean {
    return this.entries.get(path)?.brief.isIncident ?? false;
  }

  /** Everything reported for one file, sorted by position. */
  diagnostics(path: string): Diagnostic[] {
    const entry = this.entries.get(path);
    if (!entry || !entry.brief.isIncident) return [];
    const overdue = overdueActions(entry.brief.dueActions, this.options.lint.todayMs);
    return [...entry.brief.diagnostics, ...overdue, ...entry.environment, ...this.duplicateIds(entry)].sort(compareDiagnostics);
  }

  /** Every file with diagnostics, including the catalog. */
  allDiagnostics(): Map<string, Diagnostic[]> {
    const all = new Map<string, Diagnostic[]>();
    for (const path of this.paths()) {
      const found = this.diagnostics(path);
      if (found.length > 0) all.set(path, found);
    }
    if (this.catalog && this.catalog.diagnostics.length > 0) all.set(CATALOG_PATH, [...this.catalog.diagnostics]);
    return all;
  }

  /** Every file holding an id: a file's `duplicate-id` changes with the others that hold its id. */
  pathsWithId(id: string): readonly string[] {
    return this.idPaths().get(id) ?? [];
  }

  nextId(year: number): string {
    return nextIncidentId(this.idPaths().keys(), year);
  }

  /** A snapshot for `encodeIndexCache`; files never decoded in this session are carried over as bytes. */
  toCache(): IndexCache {
    const files: CachedFile[] = [];
    for (const entry of this.entries.values()) {
      // Encoded as the cache is written, a file at a time (the editor pauses between files).
      if (entry.stat) files.push(new EntryFile(entry, entry.stat));
    }
    return { version: CACHE_VERSION, optionsKey: optionsKey(this.options), files };
  }

  private duplicateIds(entry: Entry): Diagnostic[] {
    const { id, idRange } = entry.brief;
    if (!id || !idRange) return [];
    const others = (this.idPaths().get(id) ?? []).filter((path) => path !== entry.path);
    if (others.length === 0) return [];
    return [diagnostic('duplicate-id', idRange, `Another incident already uses the id ${id}: ${others.join(', ')}.`, { others })];
  }

  private idPaths(): Map<string, string[]> {
    if (this.idPathsMemo && this.idPathsVersion === this.version) return this.idPathsMemo;
    const byId = new Map<string, string[]>();
    for (const entry of this.entries.values()) {
      const id = entry.brief.id;
      if (id) byId.set(id, [...(byId.get(id) ?? []), entry.path]);
    }
    this.idPathsMemo = byId;
    this.idPathsVersion = this.version;
    return byId;
  }

  private async loadCatalog(host: WorkspaceHost): Promise<void> {
    const text = await host.readFile(CATALOG_PATH);
    this.catalog = text === undefined ? undefined : parseCatalog(text);
  }

  /** Code paths, drifted links, unknown commits and services, for all files or some. */
  private async checkEnvironment(host: WorkspaceHost, only?: readonly string[]): Promise<void> {
    const chosen = (only ?? [...this.entries.keys()]).map((path) => this.entries.get(path)).filter((entry): entry is Entry => !!entry);
    for (const entry of chosen) entry.stale = false;
    const targets = chosen.flatMap((entry) => (entry.incident ? [{ entry, incident: entry.incident }] : []));
    const shas = [...new Set(targets.flatMap(({ incident }) => incident.commits.map((commit) => commit.sha)))];
    const known = host.commits && shas.length > 0 ? await host.commits.knownCommits(shas) : undefined;
    const links = codeLinkFacts(host);
    await forEachLimited(targets, READ_CONCURRENCY, async ({ entry, incident }) => {
      entry.environment = await environmentDiagnostics(incident, { ...links, known, catalog: this.catalog });
    });
  }
}

/** The host's answers, each path asked once per pass: incidents link the same few files. */
function codeLinkFacts(host: WorkspaceHost): CodeLinkFacts {
  const existence = new Map<string, Promise<boolean>>();
  const texts = new Map<string, Promise<string | undefined>>();
  return {
    exists: (path) => memo(existence, path, () => host.pathExists(path)),
    read: (path) => memo(texts, path, () => host.readFile(path)),
  };
}

interface EnvironmentFacts extends CodeLinkFacts {
  known: ReadonlySet<string> | undefined;
  catalog: Catalog | undefined;
}

async function environmentDiagnostics(incident: IncidentSummary, facts: EnvironmentFacts): Promise<Diagnostic[]> {
  const found = await codeLinkDiagnostics(incident, facts);
  if (facts.known) {
    for (const commit of incident.commits) {
      if (commit.repo) continue;
      if (!facts.known.has(commit.sha)) {
        found.push(diagnostic('commit-unknown', commit.range, `This repository has no commit ${commit.sha}. Was it on another branch, or in another repository (add \`repo:\`)?`));
      }
    }
  }
  if (facts.catalog?.readable) {
    for (const service of incident.services) {
      if (!facts.catalog.services.has(service.value)) {
        found.push(diagnostic('unknown-service', service.range, `The catalog does not name the service "${service.value}".`, { service: service.value }));
      }
    }
  }
  return found;
}

function optionsKey(options: IndexOptions): string {
  return JSON.stringify([options.incidentGlob, options.lint.severities, options.lint.maxBytes, options.lint.blamePhrases]);
}

function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
  }
  return value;
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(workers);
}

function briefOf(analysis: FileAnalysis): AnalysisBrief {
  const incident = analysis.incident;
  return {
    isIncident: analysis.isIncident,
    diagnostics: analysis.diagnostics.filter((d) => d.code !== 'action-overdue'),
    id: incident?.id,
    idRange: incident?.idRange,
    dueActions: (incident?.actions ?? [])
      .filter((action) => OPEN_ACTION.has(action.status) && action.dueMs !== undefined)
      .map(({ index, id, owner, status, dueMs, dueRange }) => ({ index, id, owner, status, dueMs, dueRange })),
  };
}

function freshEntry(path: string, stat: FileStat | undefined, analysis: FileAnalysis): Entry {
  return new FreshEntry(path, stat, briefOf(analysis), analysis.incident);
}

class FreshEntry implements Entry {
  environment: readonly Diagnostic[] = [];
  stale = false;
  private bytes: Uint8Array | undefined;

  constructor(
    readonly path: string,
    readonly stat: FileStat | undefined,
    readonly brief: AnalysisBrief,
    readonly incident: IncidentSummary | undefined,
  ) {}

  get encoded(): Uint8Array {
    this.bytes ??= new TextEncoder().encode(JSON.stringify(this.incident ?? null));
    return this.bytes;
  }
}

/** An entry as the cache writer sees it: its bytes are asked for only when its turn comes. */
class EntryFile implements CachedFile {
  constructor(
    private readonly entry: Entry,
    readonly stat: FileStat,
  ) {}

  get path(): string {
    return this.entry.path;
  }

  get brief(): AnalysisBrief {
    return this.entry.brief;
  }

  get environment(): readonly Diagnostic[] {
    return this.entry.environment;
  }

  get encoded(): Uint8Array {
    return this.entry.encoded;
  }

  summary(): IncidentSummary | undefined {
    return this.entry.incident;
  }
}

/** The summary is decoded on first use; the entry keeps its bytes for the next cache write. */
class CachedEntry implements Entry {
  readonly path: string;
  readonly brief: AnalysisBrief;
  environment: readonly Diagnostic[];
  stale = true;
  private decoded = false;
  private summary: IncidentSummary | undefined;
  private bytes: Uint8Array | undefined;

  constructor(
    private readonly file: CachedFile,
    readonly stat: FileStat,
  ) {
    this.path = file.path;
    this.brief = file.brief;
    this.environment = file.environment;
    this.bytes = file.encoded;
  }

  get incident(): IncidentSummary | undefined {
    if (!this.decoded) {
      this.summary = this.file.summary();
      this.decoded = true;
    }
    return this.summary;
  }

  get encoded(): Uint8Array {
    this.bytes ??= new TextEncoder().encode(JSON.stringify(this.incident ?? null));
    return this.bytes;
  }
}
