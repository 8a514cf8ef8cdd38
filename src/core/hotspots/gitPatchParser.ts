/**
 * Streaming reader for `git log -p -U0` output: which lines each commit
 * changed, per file, in the file as the commit left it.
 */
import type { LineSpan } from './types';

/** The record start line of each commit: 0x1E and the sha. */
const COMMIT_FORMAT = '--format=%x1e%H';

/**
 * Options that make `git log` print what `PatchLineParser` reads. The
 * prefixes are spelled out so user settings (`diff.noprefix`,
 * `diff.mnemonicPrefix`) cannot change them; `core.quotePath=false` must be
 * set too so non-ASCII names are not escaped.
 */
export const PATCH_LOG_OPTIONS: readonly string[] = [
  '-p',
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  COMMIT_FORMAT,
];

export interface CommitLineChanges {
  readonly sha: string;
  /** Post-image path -> changed spans, in patch order. Deleted and binary files have none. */
  readonly files: ReadonlyMap<string, readonly LineSpan[]>;
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export class PatchLineParser {
  private unfinishedLine = '';
  private sha: string | undefined;
  private files = new Map<string, LineSpan[]>();
  private path: string | undefined;
  /** Lines of the current hunk body still to come; they are content, never headers. */
  private oldLinesLeft = 0;
  private newLinesLeft = 0;

  constructor(private readonly onCommit: (changes: CommitLineChanges) => void) {}

  push(chunk: string): void {
    const text = this.unfinishedLine + chunk;
    let start = 0;
    for (let newline = text.indexOf('\n', start); newline >= 0; newline = text.indexOf('\n', start)) {
      this.readLine(text.slice(start, newline));
      start = newline + 1;
    }
    this.unfinishedLine = text.slice(start);
  }

  /** Emits the last commit; if git died, it may be cut short (git reads blobs while printing a patch). */
  end(): void {
    if (this.unfinishedLine !== '') this.readLine(this.unfinishedLine);
    this.unfinishedLine = '';
    this.emitCurrent();
    this.sha = undefined;
  }

  private readLine(line: string): void {
    if (this.oldLinesLeft > 0 || this.newLinesLeft > 0) {
      this.readHunkLine(line);
    } else if (line.startsWith('\x1e')) {
      this.emitCurrent();
      this.sha = line.slice(1);
      this.path = undefined;
    } else if (line.startsWith('diff --git ')) {
      this.path = undefined;
    } else if (line.startsWith('+++ ')) {
      this.path = postImagePath(line.slice(4));
    } else if (line.startsWith('@@ ')) {
      this.readHunkHeader(line);
    }
  }

  private readHunkHeader(line: string): void {
    const match = HUNK_HEADER.exec(line);
    if (!match) return;
    const newStart = Number(match[2]);
    this.oldLinesLeft = match[1] === undefined ? 1 : Number(match[1]);
    this.newLinesLeft = match[3] === undefined ? 1 : Number(match[3]);
    if (this.path === undefined) return;
    // A pure deletion has no new lines; mark the line it followed (or the first line).
    const start = Math.max(newStart, 1);
    const end = this.newLinesLeft > 0 ? newStart + this.newLinesLeft - 1 : start;
    let spans = this.files.get(this.path);
    if (!spans) this.files.set(this.path, (spans = []));
    spans.push({ start, end });
  }

  private readHunkLine(line: string): void {
    if (line.startsWith('-')) this.oldLinesLeft -= 1;
    else if (line.startsWith('+')) this.newLinesLeft -= 1;
    // "\ No newline at end of file" belongs to the line before it and counts for nothing.
  }

  private emitCurrent(): void {
    if (this.sha !== undefined) this.onCommit({ sha: this.sha, files: this.files });
    this.files = new Map();
    this.path = undefined;
  }
}

/** The path of a `+++ ` line: `/dev/null`, `b/path`, or `"b/c-quoted"`. */
function postImagePath(text: string): string | undefined {
  if (text.startsWith('"')) return stripPrefix(unquoteCString(text));
  if (text === '/dev/null') return undefined;
  // git appends a tab to names with spaces, for GNU patch; a real trailing tab would be quoted.
  return stripPrefix(text.endsWith('\t') ? text.slice(0, -1) : text);
}

function stripPrefix(path: string): string | undefined {
  return path.startsWith('b/') ? path.slice(2) : undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Decodes git's C-style quoted name (escapes and octal bytes) up to its closing quote. */
export function unquoteCString(quoted: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 1; i < quoted.length; i++) {
    const char = String.fromCodePoint(quoted.codePointAt(i) ?? 0);
    if (char === '"') break;
    if (char !== '\\') {
      bytes.push(...encoder.encode(char));
      i += char.length - 1;
      continue;
    }
    const next = quoted.charAt(i + 1);
    const octal = /^[0-7]{3}/.exec(quoted.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(SIMPLE_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
