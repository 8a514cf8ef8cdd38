/**
 * Streaming reader for `git log -z --name-status` output in the record format
 * below: chunks go in as they arrive, whole commits come out, so the history
 * never has to sit in memory as one string.
 */

/**
 * Record start (0x1E), then sha, parents, author date and the raw message,
 * separated by 0x1F. The message comes last because it is the only free text:
 * it may hold any byte but NUL, and with `-z` git ends the record with NUL.
 */
const LOG_RECORD_FORMAT = '--format=%x1e%H%x1f%P%x1f%at%x1f%B';

/**
 * Options that make `git log` print what `NameStatusLogParser` reads. `-z`
 * keeps paths unquoted (spaces, non-ASCII) and NUL-separated.
 */
export const NAME_STATUS_LOG_OPTIONS: readonly string[] = ['-z', '--name-status', LOG_RECORD_FORMAT];

const RECORD_START = '\x1e';
const FIELD_SEPARATOR = '\x1f';

export interface FileChange {
  /** Git's status letter: A, C, D, M, R, T, U, X or B. */
  readonly status: string;
  readonly path: string;
  /** The source path of a rename (R) or copy (C). */
  readonly fromPath?: string;
}

export interface LogCommit {
  readonly sha: string;
  readonly parents: readonly string[];
  /** Author date, epoch ms. */
  readonly authorDate: number;
  readonly message: string;
  /** Empty for merges unless git was asked for a merge diff. */
  readonly changes: readonly FileChange[];
}

interface CommitInProgress {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly authorDate: number;
  readonly message: string;
  readonly changes: FileChange[];
}

export class NameStatusLogParser {
  private unfinishedToken = '';
  private current: CommitInProgress | undefined;
  private status = '';
  private pathsWanted = 0;
  private fromPath: string | undefined;

  constructor(private readonly onCommit: (commit: LogCommit) => void) {}

  push(chunk: string): void {
    const text = this.unfinishedToken + chunk;
    let start = 0;
    for (let nul = text.indexOf('\0'); nul >= 0; nul = text.indexOf('\0', start)) {
      this.readToken(text.slice(start, nul));
      start = nul + 1;
    }
    this.unfinishedToken = text.slice(start);
  }

  /**
   * Emits the last commit. A token cut off by a dying git is dropped: with
   * name-status, git reads every object a commit needs before printing it, so
   * a commit that was printed at all is whole.
   */
  end(): void {
    this.unfinishedToken = '';
    this.emitCurrent();
  }

  private readToken(token: string): void {
    if (this.pathsWanted > 0) {
      this.readPath(token);
      return;
    }
    // git separates a commit's header from its file list with a newline.
    const bare = token.startsWith('\n') ? token.slice(1) : token;
    if (bare.startsWith(RECORD_START)) {
      this.emitCurrent();
      this.current = parseRecordHeader(bare.slice(1));
    } else if (bare !== '') {
      this.status = bare.charAt(0);
      this.pathsWanted = this.status === 'R' || this.status === 'C' ? 2 : 1;
    }
  }

  private readPath(path: string): void {
    this.pathsWanted -= 1;
    if (this.pathsWanted === 1) {
      this.fromPath = path;
      return;
    }
    const change: FileChange = this.fromPath === undefined ? { status: this.status, path } : { status: this.status, path, fromPath: this.fromPath };
    this.fromPath = undefined;
    this.current?.changes.push(change);
  }

  private emitCurrent(): void {
    if (this.current) this.onCommit(this.current);
    this.current = undefined;
    this.pathsWanted = 0;
    this.fromPath = undefined;
  }
}

function parseRecordHeader(header: string): CommitInProgress {
  const shaEnd = header.indexOf(FIELD_SEPARATOR);
  const parentsEnd = header.indexOf(FIELD_SEPARATOR, shaEnd + 1);
  const dateEnd = header.indexOf(FIELD_SEPARATOR, parentsEnd + 1);
  const parents = header.slice(shaEnd + 1, parentsEnd);
  return {
    sha: header.slice(0, shaEnd),
    parents: parents === '' ? [] : parents.split(' '),
    authorDate: Number(header.slice(parentsEnd + 1, dateEnd)) * 1000,
    message: header.slice(dateEnd + 1).trimEnd(),
    changes: [],
  };
}
