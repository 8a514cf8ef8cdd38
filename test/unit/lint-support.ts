/**
 * Shared helpers of the lint, position, bad-input, index and CLI tests: an
 * in-memory workspace host, incident text builders, and compact ranges.
 */
import { execFileSync } from 'node:child_process';
import picomatch from 'picomatch';
import type { Diagnostic, DiagnosticCode } from '../../src/core/diagnostics';
import { analyzeText, defaultLintOptions, type LintOptions, todayFromIso } from '../../src/core/lint';
import { type CommitLookup, type FileStat, IncidentIndex, type WorkspaceHost } from '../../src/core/workspace';

/** The day the tests run on, as the acceptance run does (`--today 2026-11-25`). */
export const TODAY_ISO = '2026-11-25';
export const TODAY = todayFromIso(TODAY_ISO) as number;

/** The required fields, one per line; with the opening `---` they are lines 0-5 of a file. */
export const REQUIRED = ['id: INC-2026-014', 'title: Checkout latency spike', 'status: investigating', 'severity: SEV2', 'started: 2026-11-20T14:02:00Z'];

/** An incident file: `---`, the given front matter lines, `---`, then the body. Lines end in `\n`. */
export function incident(frontMatter: readonly string[], body: readonly string[] = []): string {
  return ['---', ...frontMatter, '---', ...body].join('\n') + '\n';
}

/** A valid incident (lines 0-5 as in REQUIRED) with extra front matter lines from line 6 on. */
export function withRequired(extra: readonly string[] = [], body: readonly string[] = []): string {
  return incident([...REQUIRED, ...extra], body);
}

export function lintOptions(overrides: Partial<LintOptions> = {}): LintOptions {
  return defaultLintOptions({ todayMs: TODAY, ...overrides });
}

export function lint(text: string, overrides: Partial<LintOptions> = {}): readonly Diagnostic[] {
  return analyzeText(text, lintOptions(overrides)).diagnostics;
}

export function withCode(diagnostics: readonly Diagnostic[], code: DiagnosticCode): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** [startLine, startCharacter, endLine, endCharacter], 0-based as the editor counts. */
export type Where = [number, number, number, number];

export function where(d: Diagnostic): Where {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

/** code, severity and range of each diagnostic: what a user sees in the Problems view. */
export function seen(diagnostics: readonly Diagnostic[]): [string, string, ...Where][] {
  return diagnostics.map((d) => [d.code, d.severity, ...where(d)]);
}

/** A workspace folder held in memory; counts reads so cache tests can see what was read. */
export class MemoryHost implements WorkspaceHost {
  readonly files = new Map<string, { text: string; mtimeMs: number; size?: number }>();
  readonly reads: string[] = [];
  commits?: CommitLookup;

  constructor(files: Record<string, string> = {}, commits?: CommitLookup) {
    for (const [path, text] of Object.entries(files)) this.set(path, text);
    this.commits = commits;
  }

  /** Writes a file; a new mtime each time, as a save would give. */
  set(path: string, text: string, options: { mtimeMs?: number; size?: number } = {}): void {
    const previous = this.files.get(path);
    this.files.set(path, { text, mtimeMs: options.mtimeMs ?? (previous ? previous.mtimeMs + 1 : 1), size: options.size });
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  async listFiles(glob: string): Promise<string[]> {
    const isMatch = picomatch(glob);
    return [...this.files.keys()].filter((path) => isMatch(path)).sort();
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const file = this.files.get(path);
    return file ? { size: file.size ?? Buffer.byteLength(file.text), mtimeMs: file.mtimeMs } : undefined;
  }

  async readFile(path: string): Promise<string | undefined> {
    this.reads.push(path);
    return this.files.get(path)?.text;
  }

  async pathExists(pathOrGlob: string): Promise<boolean> {
    const scan = picomatch.scan(pathOrGlob);
    if (!scan.isGlob) return this.files.has(pathOrGlob) || [...this.files.keys()].some((path) => path.startsWith(`${pathOrGlob}/`));
    const isMatch = picomatch(pathOrGlob, { dot: true });
    return [...this.files.keys()].some((path) => isMatch(path));
  }
}

/** A commit lookup that knows a fixed set of full shas, and records what it was asked. */
export class KnownCommits implements CommitLookup {
  readonly asked: string[][] = [];
  constructor(private readonly shas: readonly string[] | undefined) {}

  async knownCommits(shas: readonly string[]): Promise<ReadonlySet<string> | undefined> {
    this.asked.push([...shas]);
    if (!this.shas) return undefined;
    const all = this.shas;
    return new Set(shas.filter((sha) => all.some((full) => full.startsWith(sha.toLowerCase()))));
  }
}

export function newIndex(overrides: Partial<LintOptions> = {}, incidentGlob = 'incidents/**/*.md'): IncidentIndex {
  return new IncidentIndex({ incidentGlob, lint: lintOptions(overrides) });
}

export async function scanned(host: WorkspaceHost, overrides: Partial<LintOptions> = {}): Promise<IncidentIndex> {
  const index = newIndex(overrides);
  await index.scan(host);
  return index;
}

/** Runs git with the user's configuration kept out, so tests see stock git. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Milliseconds a call takes. */
export function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}
