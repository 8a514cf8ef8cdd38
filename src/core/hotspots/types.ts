/**
 * Hotspots: which code incidents happen in. These types are the whole
 * contract between the incident parser, the git reader, the scoring and the
 * views, so each side can change without the others. Everything here is plain
 * JSON, so results can be cached between sessions.
 */

export type CommitRole = 'trigger' | 'fix' | 'mitigation' | 'related';

/** How a file is tied to an incident: an explicit `code:` link or a commit. */
export type LinkRole = 'code' | CommitRole;

export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** What scoring needs to know about one incident, whatever parsed it. */
export interface HotspotIncident {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  /** When impact began, epoch ms; without it the incident is not decayed. */
  readonly started?: number;
  /** Paths or globs relative to the workspace folder, as written. */
  readonly codeLinks: readonly { readonly path: string; readonly lines?: LineSpan }[];
  readonly commits: readonly { readonly sha: string; readonly role: CommitRole; readonly repo?: string }[];
}

/** The commits the git reader has to find: listed ones, and mentions of these ids. */
export interface HistoryRequest {
  /** Lower-case hex, 7..64 digits, sorted and unique. */
  readonly commits: readonly {
    readonly sha: string;
    readonly wantLines: boolean;
    /** Every listing names another repository (`repo:`): not finding it here is no problem. */
    readonly elsewhere: boolean;
  }[];
  /** Incident ids whose mention in a commit message links that commit. Sorted and unique. */
  readonly incidentIds: readonly string[];
}

/** One commit that matters to some incident, paths as of the repository HEAD. */
export interface CommitFacts {
  /** Full lower-case sha. */
  readonly sha: string;
  /** Author date, epoch ms. */
  readonly date: number;
  /** Requested incident ids the message names. */
  readonly mentions: readonly string[];
  /**
   * Files the commit changed (merges: against their first parent), relative
   * to the workspace folder; files outside the folder are left out.
   */
  readonly files: readonly string[];
  /** For commits whose changed lines were asked for: post-image spans per file. */
  readonly lines?: Readonly<Record<string, readonly LineSpan[]>>;
}

export type HistoryProblemKind =
  /** A listed sha that names no commit in this repository (or a shallow clone). */
  | 'missing-commit'
  /** A listed short sha that more than one object starts with. */
  | 'ambiguous-commit'
  /** A commit whose changed files or lines could not be read (missing objects). */
  | 'unreadable-commit'
  /** A shallow clone's boundary commit: its diff against nothing would be every file. */
  | 'shallow-boundary'
  /** History older than this point could not be walked. */
  | 'history-truncated'
  /** No git history at all (not a repository, no commit yet, git not found). */
  | 'no-history';

export interface HistoryProblem {
  readonly kind: HistoryProblemKind;
  readonly sha?: string;
  readonly message: string;
}

/** What the git reader found; empty when git must not run (untrusted workspace). */
export interface HistoryFacts {
  readonly commits: readonly CommitFacts[];
  /** Listed sha as written (lower-cased) -> full sha, for the listed shas that were found. */
  readonly resolved: Readonly<Record<string, string>>;
  readonly problems: readonly HistoryProblem[];
}

export const EMPTY_HISTORY: HistoryFacts = { commits: [], resolved: {}, problems: [] };

export interface ScoreOptions {
  /** Weight per severity; a severity not named here weighs as the lightest one named. */
  readonly severityWeights: Readonly<Record<string, number>>;
  readonly halfLifeDays: number;
  /** Epoch ms that recency is measured from. */
  readonly now: number;
  /**
   * Globs (relative to the folder) whose files never count through commits:
   * the commit that adds an incident write-up names its id, but the write-up
   * is not where the incident happened. Explicit `code:` links still count.
   */
  readonly commitFileExcludes: readonly string[];
}

export const DEFAULT_SEVERITY_WEIGHTS: Readonly<Record<string, number>> = { SEV1: 8, SEV2: 4, SEV3: 2, SEV4: 1 };
export const DEFAULT_HALF_LIFE_DAYS = 180;
export const DEFAULT_COMMIT_FILE_EXCLUDES: readonly string[] = ['incidents/**'];

/** An incident's part in one file's score. */
export interface IncidentShare {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly started?: number;
  /** What this incident adds to the file's score. */
  readonly share: number;
  readonly roles: readonly LinkRole[];
  /** Linked lines: `code:` link lines, and lines that `fix` commits changed (as of that commit). */
  readonly lines: readonly LinkedLines[];
}

export interface LinkedLines extends LineSpan {
  readonly role: LinkRole;
  /** The fix commit whose post-image these lines are. */
  readonly commit?: string;
}

export interface FileHotspot {
  readonly path: string;
  readonly score: number;
  /** Raw number of incidents, shown next to the score. */
  readonly count: number;
  /** Highest share first. */
  readonly incidents: readonly IncidentShare[];
  /** The most recent `started` among the incidents. */
  readonly lastStarted?: number;
  /** Whether the file is in the repository file list (it may have been deleted since). */
  readonly exists: boolean;
}

export interface FolderHotspot {
  /** Folder path relative to the workspace folder, no trailing slash. */
  readonly path: string;
  /** Sum of its files' scores. */
  readonly score: number;
  /** Distinct incidents in its files. */
  readonly count: number;
  readonly incidentIds: readonly string[];
  /** How many hot files it holds. */
  readonly files: number;
  readonly lastStarted?: number;
}

/** Ranked highest score first, ties by count then path. */
export interface HotspotRanking {
  readonly files: readonly FileHotspot[];
  readonly folders: readonly FolderHotspot[];
}
