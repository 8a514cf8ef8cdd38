/**
 * Which files an incident touched: its explicit `code:` links and the files
 * of its commits, listed ones with their role and mentioning ones as
 * `related` ("Links from commits" in the format).
 */
import { globMatcher, type RepositoryFileIndex } from './fileIndex';
import { normalizeSha } from './historyRequest';
import type { CommitFacts, CommitRole, HistoryFacts, HotspotIncident, LinkedLines, LinkRole } from './types';

export interface FileLinks {
  readonly roles: Set<LinkRole>;
  readonly lines: LinkedLines[];
}

/** The history, indexed for linking many incidents. */
export class HistoryIndex {
  private readonly bySha = new Map<string, CommitFacts>();
  private readonly byMention = new Map<string, CommitFacts[]>();

  constructor(private readonly history: HistoryFacts) {
    for (const commit of history.commits) {
      this.bySha.set(commit.sha, commit);
      for (const id of commit.mentions) {
        let commits = this.byMention.get(id);
        if (!commits) this.byMention.set(id, (commits = []));
        commits.push(commit);
      }
    }
  }

  /** The commit a listed sha (short or full) names, if it was read. */
  listed(sha: string): CommitFacts | undefined {
    const normalized = normalizeSha(sha);
    const full = normalized === undefined ? undefined : this.history.resolved[normalized];
    return full === undefined ? undefined : this.bySha.get(full);
  }

  mentioning(id: string): readonly CommitFacts[] {
    return this.byMention.get(id) ?? [];
  }
}

export class IncidentLinker {
  private readonly excludedFromCommits: (path: string) => boolean;

  constructor(
    private readonly files: RepositoryFileIndex,
    private readonly history: HistoryIndex,
    commitFileExcludes: readonly string[],
  ) {
    const excludes = commitFileExcludes.map(globMatcher);
    this.excludedFromCommits = (path) => excludes.some((isExcluded) => isExcluded(path));
  }

  /** Path -> how the incident is tied to it; each path once, whatever the number of links. */
  link(incident: HotspotIncident): Map<string, FileLinks> {
    const links = new Map<string, FileLinks>();
    const add = (path: string, role: LinkRole, lines?: readonly LinkedLines[]): void => {
      let link = links.get(path);
      if (!link) links.set(path, (link = { roles: new Set(), lines: [] }));
      link.roles.add(role);
      if (lines) link.lines.push(...lines);
    };

    for (const codeLink of incident.codeLinks) {
      const paths = this.files.resolveLink(codeLink.path);
      // Lines only mean something on a single named file, not on a glob's matches.
      const lines = codeLink.lines && paths.length === 1 ? [{ ...codeLink.lines, role: 'code' as const }] : undefined;
      for (const path of paths) add(path, 'code', lines);
    }

    const listedShas = new Set<string>();
    for (const listed of incident.commits) {
      const commit = this.history.listed(listed.sha);
      if (!commit) continue;
      listedShas.add(commit.sha);
      this.linkCommit(commit, listed.role, add);
    }
    for (const commit of this.history.mentioning(incident.id)) {
      if (!listedShas.has(commit.sha)) this.linkCommit(commit, 'related', add);
    }
    return links;
  }

  private linkCommit(commit: CommitFacts, role: CommitRole, add: (path: string, role: LinkRole, lines?: readonly LinkedLines[]) => void): void {
    for (const path of commit.files) {
      if (this.excludedFromCommits(path)) continue;
      const spans = role === 'fix' ? commit.lines?.[path] : undefined;
      add(path, role, spans?.map((span) => ({ ...span, role, commit: commit.sha })));
    }
  }
}
