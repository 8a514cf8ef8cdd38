/**
 * Reads what hotspots need from git: the files of every listed commit and of
 * every commit whose message names an incident, in one streaming `git log`
 * over HEAD's history, plus at most two small follow-ups (merges and
 * commits outside HEAD's history; changed lines of fix commits). Never one
 * process per incident or commit.
 *
 * Missing objects and shallow clones are normal: git stops at the first
 * object it cannot read, so the walk resumes past it, and whatever could not
 * be read is reported as a problem while the rest is kept.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { type FileChange, type LogCommit, NAME_STATUS_LOG_OPTIONS, NameStatusLogParser } from '../core/hotspots/gitLogParser';
import { type CommitLineChanges, PATCH_LOG_OPTIONS, PatchLineParser } from '../core/hotspots/gitPatchParser';
import { ListedShaMatcher } from '../core/hotspots/listedShas';
import { findIncidentIdMentions } from '../core/hotspots/mentions';
import { RenameLog } from '../core/hotspots/renameLog';
import type { CommitFacts, HistoryFacts, HistoryProblem, HistoryProblemKind, HistoryRequest, LineSpan } from '../core/hotspots/types';
import { runGit, streamGit } from './gitProcess';

export interface RepositoryState {
  /** Full sha of HEAD. */
  readonly head: string;
  /** Where the workspace folder is in the repository: '' at the root, else ending in '/'. */
  readonly prefix: string;
  /** Boundary commits of a shallow clone; empty for a full clone. */
  readonly shallowBoundary: readonly string[];
  /** The index file: when it is unchanged, so is the list of tracked files. */
  readonly indexFile: string;
}

export interface ReadHistoryOptions {
  readonly signal?: AbortSignal;
  /** Called now and then with the number of commits walked so far. */
  readonly onProgress?: (commitsWalked: number) => void;
  /** The state the caller already read (for its cache key), to save a git call. */
  readonly state?: RepositoryState;
}

/** Settings-proof `git log`: no signatures, paths from the repository root, UTF-8 messages. */
const LOG_BASE = ['log', '--no-show-signature', '--no-relative', '--no-color', '--encoding=UTF-8', '--root'];
/** Enough to get past a few missing objects; a repository with more is reported as cut short. */
const MAX_RECOVERIES = 50;
const PROGRESS_EVERY = 2000;

/** HEAD, the folder's place in the repository, shallow boundaries; undefined without history. One git call. */
export async function readRepositoryState(folder: string, signal?: AbortSignal): Promise<RepositoryState | undefined> {
  const result = await runGit(folder, ['rev-parse', '--show-prefix', '--git-path', 'shallow', '--git-path', 'index', '--verify', 'HEAD'], { signal });
  if (!result.ok) return undefined;
  const [prefix = '', shallowFile = '', indexFile = '', head = ''] = result.stdout.split('\n');
  return { head, prefix, shallowBoundary: await readShallowFile(path.resolve(folder, shallowFile)), indexFile: path.resolve(folder, indexFile) };
}

async function readShallowFile(file: string): Promise<string[]> {
  try {
    return (await fs.readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}

export async function readGitHistory(folder: string, request: HistoryRequest, options: ReadHistoryOptions = {}): Promise<HistoryFacts> {
  const state = options.state ?? (await readRepositoryState(folder, options.signal));
  if (!state) {
    return { commits: [], resolved: {}, problems: [{ kind: 'no-history', message: `no git history to read in ${folder} (not a repository, no commit yet, or git is missing)` }] };
  }
  return new HistoryReader(folder, request, state, options).read();
}

interface RelevantCommit {
  readonly commit: LogCommit;
  /** Position in the newest-first walk; Infinity for commits outside HEAD's history. */
  readonly walkIndex: number;
  readonly mentions: readonly string[];
  /** Undefined when unknown: a shallow boundary, or objects missing. */
  changes: readonly FileChange[] | undefined;
}

class HistoryReader {
  private readonly problems = new Map<string, HistoryProblem>();
  private readonly matcher: ListedShaMatcher;
  private readonly wantedIds: ReadonlySet<string>;
  private readonly shallow: ReadonlySet<string>;
  private readonly renames = new RenameLog();
  private readonly walked = new Set<string>();
  /** Parents of walked commits not walked yet: where a cut-off walk resumes. */
  private readonly frontier = new Set<string>();
  private readonly relevant = new Map<string, RelevantCommit>();
  private readonly changedLines = new Map<string, ReadonlyMap<string, readonly LineSpan[]>>();

  constructor(
    private readonly folder: string,
    private readonly request: HistoryRequest,
    private readonly state: RepositoryState,
    private readonly options: ReadHistoryOptions,
  ) {
    this.matcher = new ListedShaMatcher(request.commits.map((commit) => commit.sha));
    this.wantedIds = new Set(request.incidentIds);
    this.shallow = new Set(state.shallowBoundary);
    this.frontier.add(state.head);
  }

  async read(): Promise<HistoryFacts> {
    await this.walkHistory();
    const resolved = await this.resolveListedShas();
    await this.readFirstParentFiles(new Set(resolved.values()));
    await this.readChangedLines(resolved);
    return { commits: this.commitFacts(), resolved: Object.fromEntries(resolved), problems: [...this.problems.values()] };
  }

  // --- the walk over HEAD's history -------------------------------------------------

  private async walkHistory(): Promise<void> {
    // From the HEAD the caller saw (and keyed its cache by), even if HEAD moves meanwhile.
    let walkFrom: readonly string[] = [this.state.head];
    let renames = true;
    for (let recoveries = 0; ; recoveries++) {
      const parser = new NameStatusLogParser((commit) => this.acceptWalked(commit));
      const args = [...LOG_BASE, '--diff-merges=off', renames ? '-M' : '--no-renames', ...NAME_STATUS_LOG_OPTIONS, '--stdin'];
      const run = await this.stream(args, (text) => parser.push(text), walkFrom);
      parser.end();
      if (run.ok) return;
      if (recoveries >= MAX_RECOVERIES) {
        this.report('history-truncated', undefined, `stopped reading history after ${recoveries} unreadable commits: ${firstLine(run.error)}`);
        return;
      }
      await this.dropMissingFrontier();
      // Renames read blobs, so the first retry just goes without them; only then is a commit itself to blame.
      if (!renames) await this.skipStuckCommit(run.error);
      renames = false;
      walkFrom = [...this.frontier];
      if (walkFrom.length === 0) return;
    }
  }

  private acceptWalked(commit: LogCommit): void {
    if (this.walked.has(commit.sha)) return;
    const walkIndex = this.walked.size;
    this.walked.add(commit.sha);
    this.frontier.delete(commit.sha);
    for (const parent of commit.parents) if (!this.walked.has(parent)) this.frontier.add(parent);
    const boundary = this.shallow.has(commit.sha);
    if (!boundary) for (const change of commit.changes) if (change.fromPath !== undefined && change.status === 'R') this.renames.add(walkIndex, change.fromPath, change.path);

    const listed = this.matcher.offer(commit.sha);
    const mentions = this.mentionsIn(commit.message);
    if (listed || mentions.length > 0) {
      if (boundary) this.report('shallow-boundary', commit.sha, `commit ${commit.sha} is where this shallow clone starts, so the files it changed are unknown`);
      this.relevant.set(commit.sha, { commit, walkIndex, mentions, changes: boundary ? undefined : commit.changes });
    }
    if (walkIndex % PROGRESS_EVERY === 0) this.options.onProgress?.(walkIndex);
  }

  /** Frontier commits whose objects are gone end the history behind them. */
  private async dropMissingFrontier(): Promise<void> {
    const types = await this.objectTypes([...this.frontier]);
    for (const [sha, type] of types) {
      if (type.kind === 'commit') continue;
      this.frontier.delete(sha);
      this.walked.add(sha);
      this.report('history-truncated', sha, `commit ${sha} is missing, so the history behind it was not read`);
    }
  }

  /**
   * git stopped at the commit it would have printed next: the newest by
   * committer date among those waiting. Its files are reported unreadable
   * and the walk goes on with its parents.
   */
  private async skipStuckCommit(error: string): Promise<void> {
    const waiting = [...this.frontier];
    if (waiting.length === 0) return;
    const answer = await this.git([...LOG_BASE, '--no-walk=unsorted', '--format=%H %ct %P', '--stdin'], `${waiting.join('\n')}\n`);
    let stuck: { sha: string; date: number; parents: string[] } = { sha: waiting[0], date: -Infinity, parents: [] };
    for (const line of answer.stdout.split('\n')) {
      const [sha, date, ...parents] = line.split(' ');
      if (sha && Number(date) > stuck.date) stuck = { sha, date: Number(date), parents };
    }
    this.walked.add(stuck.sha);
    this.frontier.delete(stuck.sha);
    for (const parent of stuck.parents) if (!this.walked.has(parent)) this.frontier.add(parent);
    this.report('unreadable-commit', stuck.sha, `could not read the files commit ${stuck.sha} changed: ${firstLine(error)}`);
    await this.dropMissingFrontier();
  }

  // --- listed shas ---------------------------------------------------------------

  /** Listed sha -> full sha, for those found; the rest are reported. */
  private async resolveListedShas(): Promise<Map<string, string>> {
    const resolved = new Map<string, string>();
    const notWalked: string[] = [];
    const elsewhere = new Set(this.request.commits.filter((commit) => commit.elsewhere).map((commit) => commit.sha));
    for (const { sha } of this.request.commits) {
      const matches = [...this.matcher.matchesOf(sha)];
      if (matches.length === 1) resolved.set(sha, matches[0]);
      else if (matches.length > 1) this.report('ambiguous-commit', sha, `${sha} names more than one commit (${matches.join(', ')})`);
      else notWalked.push(sha);
    }
    for (const [sha, type] of await this.objectTypes(notWalked)) {
      if (type.kind === 'commit') resolved.set(sha, type.sha);
      else if (type.kind === 'ambiguous') this.report('ambiguous-commit', sha, `${sha} names more than one object`);
      else if (!(type.kind === 'missing' && elsewhere.has(sha))) this.report('missing-commit', sha, this.missingMessage(sha, type.kind));
    }
    return resolved;
  }

  private missingMessage(sha: string, kind: string): string {
    if (kind !== 'missing') return `${sha} names a ${kind}, not a commit`;
    const shallowNote = this.shallow.size > 0 ? ' (this is a shallow clone: it may be older than the clone reaches)' : '';
    return `commit ${sha} is not in this repository${shallowNote}`;
  }

  // --- follow-ups: merges and commits outside HEAD's history; changed lines --------------

  /** Merges' files against their first parent (a merge named in a message stands for its branch), and listed commits the walk did not meet. */
  private async readFirstParentFiles(listedCommits: ReadonlySet<string>): Promise<void> {
    const merges = [...this.relevant.values()].filter((entry) => entry.changes !== undefined && entry.commit.parents.length > 1).map((entry) => entry.commit.sha);
    const outside = [...listedCommits].filter((sha) => !this.walked.has(sha));
    await this.readEach([...merges, ...outside], 'files', async (shas, renames) => {
      const done: string[] = [];
      const parser = new NameStatusLogParser((commit) => {
        done.push(commit.sha);
        this.acceptFollowUp(commit);
      });
      const args = [...LOG_BASE, '--no-walk=unsorted', '--diff-merges=first-parent', renames ? '-M' : '--no-renames', ...NAME_STATUS_LOG_OPTIONS, '--stdin'];
      const run = await this.stream(args, (text) => parser.push(text), shas);
      parser.end();
      return { ok: run.ok, error: run.error, done };
    });
  }

  private acceptFollowUp(commit: LogCommit): void {
    const known = this.relevant.get(commit.sha);
    if (known) known.changes = commit.changes;
    else this.relevant.set(commit.sha, { commit, walkIndex: Infinity, mentions: this.mentionsIn(commit.message), changes: commit.changes });
  }

  private async readChangedLines(resolved: ReadonlyMap<string, string>): Promise<void> {
    const wanted = new Set<string>();
    for (const { sha, wantLines } of this.request.commits) {
      const full = resolved.get(sha);
      if (wantLines && full !== undefined && this.relevant.get(full)?.changes !== undefined) wanted.add(full);
    }
    await this.readEach([...wanted], 'changed lines', async (shas, renames) => {
      const run = await this.readPatches(shas, renames);
      if (run.ok || run.cutShort === undefined) return run;
      // The last commit seen is either cut short or whole with git failing on the next one: read alone, it tells.
      const alone = await this.readPatches([run.cutShort], renames);
      return { ...run, done: alone.ok ? [...run.done, run.cutShort] : run.done };
    });
  }

  /** git reads blobs while printing a patch, so when it fails, the last commit it printed may be cut short. */
  private async readPatches(shas: readonly string[], renames: boolean): Promise<{ ok: boolean; error: string; done: string[]; cutShort?: string }> {
    const seen: CommitLineChanges[] = [];
    const parser = new PatchLineParser((changes) => seen.push(changes));
    const args = ['-c', 'core.quotePath=false', ...LOG_BASE, '--no-walk=unsorted', '--diff-merges=first-parent', renames ? '-M' : '--no-renames', ...PATCH_LOG_OPTIONS, '--stdin'];
    const run = await this.stream(args, (text) => parser.push(text), shas);
    parser.end();
    const cutShort = run.ok ? undefined : seen.pop();
    for (const changes of seen) this.changedLines.set(changes.sha, changes.files);
    return { ok: run.ok, error: run.error, done: seen.map((changes) => changes.sha), ...(cutShort ? { cutShort: cutShort.sha } : {}) };
  }

  /**
   * Runs a `--no-walk` read over `shas`, in order. When git fails, it failed
   * on the first commit not done: the read goes on after it (first retrying
   * without rename detection, which reads blobs that may be missing).
   */
  private async readEach(
    shas: readonly string[],
    what: string,
    readRun: (shas: readonly string[], renames: boolean) => Promise<{ ok: boolean; error: string; done: readonly string[] }>,
  ): Promise<void> {
    let remaining = shas;
    let renames = true;
    let error = '';
    for (let recoveries = 0; remaining.length > 0 && recoveries <= MAX_RECOVERIES; recoveries++) {
      const run = await readRun(remaining, renames);
      if (run.ok) return;
      error = firstLine(run.error);
      const done = new Set(run.done);
      remaining = remaining.filter((sha) => !done.has(sha));
      if (renames) {
        renames = false;
        continue;
      }
      const [failed, ...rest] = remaining;
      if (failed !== undefined) this.report('unreadable-commit', failed, `could not read the ${what} of commit ${failed}: ${error}`);
      remaining = rest;
    }
    for (const sha of remaining) this.report('unreadable-commit', sha, `gave up reading the ${what} of commit ${sha} after too many unreadable commits: ${error}`);
  }

  // --- assembling ------------------------------------------------------------------

  private commitFacts(): CommitFacts[] {
    const facts: CommitFacts[] = [];
    for (const entry of this.relevant.values()) {
      const files = new Set<string>();
      for (const change of entry.changes ?? []) {
        const file = this.folderPath(change.path, entry.walkIndex);
        if (file !== undefined) files.add(file);
      }
      const lines = this.folderLines(entry);
      facts.push({
        sha: entry.commit.sha,
        date: entry.commit.authorDate,
        mentions: entry.mentions,
        files: [...files],
        ...(lines ? { lines } : {}),
      });
    }
    return facts;
  }

  private folderLines(entry: RelevantCommit): Record<string, readonly LineSpan[]> | undefined {
    const byPath = this.changedLines.get(entry.commit.sha);
    if (!byPath) return undefined;
    const lines: Record<string, readonly LineSpan[]> = {};
    for (const [repoPath, spans] of byPath) {
      const file = this.folderPath(repoPath, entry.walkIndex);
      if (file !== undefined) lines[file] = spans;
    }
    return lines;
  }

  /** A path as the commit left it -> where it is now, relative to the folder; undefined outside it. */
  private folderPath(repoPath: string, walkIndex: number): string | undefined {
    const current = this.renames.currentPath(repoPath, walkIndex);
    if (this.state.prefix === '') return current;
    return current.startsWith(this.state.prefix) ? current.slice(this.state.prefix.length) : undefined;
  }

  // --- helpers -------------------------------------------------------------------

  private mentionsIn(message: string): string[] {
    return findIncidentIdMentions(message).filter((id) => this.wantedIds.has(id));
  }

  /** sha -> `commit`, `tree`, `missing`, `ambiguous`...; resolved to a full sha where git knows it. */
  private async objectTypes(shas: readonly string[]): Promise<Map<string, { kind: string; sha: string }>> {
    const types = new Map<string, { kind: string; sha: string }>();
    if (shas.length === 0) return types;
    const answer = await this.git(['cat-file', '--batch-check=%(objectname) %(objecttype)'], `${shas.join('\n')}\n`);
    const lines = answer.stdout.split('\n');
    shas.forEach((sha, index) => {
      const [name = sha, kind = 'missing'] = (lines[index] ?? '').split(' ');
      types.set(sha, { kind, sha: name });
    });
    return types;
  }

  /** Revisions go through stdin, never the command line, so no text is ever taken for an option. */
  private stream(args: readonly string[], onText: (text: string) => void, revisions: readonly string[]) {
    return streamGit(this.folder, args, onText, { signal: this.options.signal, input: `${revisions.join('\n')}\n` });
  }

  private git(args: readonly string[], input: string) {
    return runGit(this.folder, args, { signal: this.options.signal, input });
  }

  private report(kind: HistoryProblemKind, sha: string | undefined, message: string): void {
    const key = `${kind}:${sha ?? ''}`;
    if (!this.problems.has(key)) this.problems.set(key, sha === undefined ? { kind, message } : { kind, sha, message });
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
