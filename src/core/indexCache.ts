/**
 * The index cache on disk, laid out so a warm start parses little: one line
 * of settings, one line with every file's brief (what diagnostics, ids and
 * freshness checks need), then one line per file with its full summary,
 * decoded only when something asks for it. JSON escapes newlines inside
 * strings, so a newline byte only ever ends a line.
 */
import type { Diagnostic } from './diagnostics';
import type { ActionSummary, IncidentSummary } from './incident';
import type { Range } from './text';

export const CACHE_VERSION = 2;

export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
}

/** What the index needs of a file without its full summary. */
export interface AnalysisBrief {
  /** False for files without front matter (a README): they get no diagnostics. */
  readonly isIncident: boolean;
  /** The file's own diagnostics, without `action-overdue` (that one depends on the day). */
  readonly diagnostics: readonly Diagnostic[];
  readonly id?: string;
  readonly idRange?: Range;
  /** Open actions with a due date, from which `action-overdue` is recomputed each day. */
  readonly dueActions: readonly DueAction[];
}

/** What `action-overdue` needs of an action. */
export type DueAction = Pick<ActionSummary, 'index' | 'id' | 'owner' | 'status' | 'dueMs' | 'dueRange'>;

export interface CachedFile {
  readonly path: string;
  readonly stat: FileStat;
  readonly brief: AnalysisBrief;
  /** Folder checks as of the last session; the index checks them again after a warm start. */
  readonly environment: readonly Diagnostic[];
  /** Decodes the summary; called at most once per file by the index. */
  readonly summary: () => IncidentSummary | undefined;
  /** The summary's encoded line, so a file never decoded is written back without decoding it. */
  readonly encoded?: Uint8Array;
}

export interface IndexCache {
  readonly version: number;
  readonly optionsKey: string;
  readonly files: readonly CachedFile[];
}

interface Head {
  readonly path: string;
  readonly stat: FileStat;
  readonly brief: AnalysisBrief;
  readonly environment: readonly Diagnostic[];
}

const NEWLINE = 0x0a;

/**
 * The cache as parts to concatenate: strings (UTF-8 encode them) and byte
 * runs copied from the cache the files came from. A generator, so a caller in
 * the editor can pause between parts and never hold the extension host for long.
 */
export function* encodeIndexCache(cache: IndexCache): Generator<string | Uint8Array> {
  yield `${JSON.stringify({ version: cache.version, optionsKey: cache.optionsKey, count: cache.files.length })}\n`;
  const heads: Head[] = cache.files.map(({ path, stat, brief, environment }) => ({ path, stat, brief, environment }));
  yield `${JSON.stringify(heads)}\n`;
  for (const file of cache.files) {
    if (file.encoded) {
      yield file.encoded;
      yield '\n';
    } else {
      yield `${JSON.stringify(file.summary() ?? null)}\n`;
    }
  }
}

/** The cache as one byte array (tests, benchmarks, the command line). */
export function encodeIndexCacheBytes(cache: IndexCache): Uint8Array {
  const encoder = new TextEncoder();
  const parts = [...encodeIndexCache(cache)].map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Undefined for anything that is not a cache this version wrote (an old cache, a truncated file). */
export function decodeIndexCache(bytes: Uint8Array): IndexCache | undefined {
  try {
    const decoder = new TextDecoder();
    const settingsEnd = bytes.indexOf(NEWLINE);
    if (settingsEnd < 0) return undefined;
    const settings = JSON.parse(decoder.decode(bytes.subarray(0, settingsEnd))) as { version?: unknown; optionsKey?: unknown; count?: unknown };
    if (settings.version !== CACHE_VERSION || typeof settings.optionsKey !== 'string' || typeof settings.count !== 'number') return undefined;
    const headsEnd = bytes.indexOf(NEWLINE, settingsEnd + 1);
    if (headsEnd < 0) return undefined;
    const heads = JSON.parse(decoder.decode(bytes.subarray(settingsEnd + 1, headsEnd))) as Head[];
    if (!Array.isArray(heads) || heads.length !== settings.count) return undefined;
    const files: CachedFile[] = [];
    let start = headsEnd + 1;
    for (const head of heads) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end < 0) return undefined;
      const encoded = bytes.subarray(start, end);
      files.push({ ...head, encoded, summary: () => decodeSummary(decoder, encoded) });
      start = end + 1;
    }
    return start === bytes.length ? { version: CACHE_VERSION, optionsKey: settings.optionsKey, files } : undefined;
  } catch {
    return undefined;
  }
}

/** Undefined when the line does not parse: the index then reads the file again. */
function decodeSummary(decoder: TextDecoder, encoded: Uint8Array): IncidentSummary | undefined {
  try {
    return (JSON.parse(decoder.decode(encoded)) as IncidentSummary | null) ?? undefined;
  } catch {
    return undefined;
  }
}
