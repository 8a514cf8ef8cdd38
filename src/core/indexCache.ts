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
  /** The summary's encoded line, so an unchanged file is written back without encoding it again. */
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
 * runs. A generator, so a caller in the editor can pause between parts and
 * never hold the extension host for long. The last line lists each summary
 * line's length in bytes, so a warm start finds every summary without
 * scanning 50 MB for line breaks.
 */
export function* encodeIndexCache(cache: IndexCache): Generator<string | Uint8Array> {
  const encoder = new TextEncoder();
  yield `${JSON.stringify({ version: cache.version, optionsKey: cache.optionsKey, count: cache.files.length })}\n`;
  const heads: Head[] = cache.files.map(({ path, stat, brief, environment }) => ({ path, stat, brief, environment }));
  yield `${JSON.stringify(heads)}\n`;
  const lengths: number[] = [];
  for (const file of cache.files) {
    const encoded = file.encoded ?? encoder.encode(JSON.stringify(file.summary() ?? null));
    lengths.push(encoded.length);
    yield encoded;
    yield '\n';
  }
  yield `${JSON.stringify(lengths)}\n`;
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

/** A file as the cache holds it; its summary is decoded from its bytes when asked for. */
class EncodedFile implements CachedFile {
  readonly path: string;
  readonly stat: FileStat;
  readonly brief: AnalysisBrief;
  readonly environment: readonly Diagnostic[];

  constructor(
    head: Head,
    readonly encoded: Uint8Array,
  ) {
    this.path = head.path;
    this.stat = head.stat;
    this.brief = head.brief;
    this.environment = head.environment;
  }

  /** Undefined when the line does not parse: the index then reads the file again. */
  summary(): IncidentSummary | undefined {
    try {
      return (JSON.parse(new TextDecoder().decode(this.encoded)) as IncidentSummary | null) ?? undefined;
    } catch {
      return undefined;
    }
  }
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
    if (headsEnd < 0 || bytes[bytes.length - 1] !== NEWLINE) return undefined;
    const lengthsStart = bytes.lastIndexOf(NEWLINE, bytes.length - 2) + 1;
    const heads = JSON.parse(decoder.decode(bytes.subarray(settingsEnd + 1, headsEnd))) as Head[];
    const lengths = JSON.parse(decoder.decode(bytes.subarray(lengthsStart, bytes.length - 1))) as number[];
    if (!Array.isArray(heads) || !Array.isArray(lengths) || heads.length !== settings.count || lengths.length !== heads.length) return undefined;
    const files: CachedFile[] = [];
    let start = headsEnd + 1;
    for (let i = 0; i < heads.length; i++) {
      const end = start + lengths[i];
      // Each summary line ends where its length says: anything else is a damaged file.
      if (!Number.isInteger(lengths[i]) || bytes[end] !== NEWLINE) return undefined;
      files.push(new EncodedFile(heads[i], bytes.subarray(start, end)));
      start = end + 1;
    }
    return start === lengthsStart ? { version: CACHE_VERSION, optionsKey: settings.optionsKey, files } : undefined;
  } catch {
    return undefined;
  }
}
