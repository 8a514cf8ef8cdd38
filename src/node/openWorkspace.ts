/** Builds the incident index of a folder on disk, as the command-line tool and benchmarks use it. */
import { DEFAULT_BLAME_PHRASES } from '../core/blame';
import { defaultLintOptions, DEFAULT_MAX_BYTES } from '../core/lint';
import { DEFAULT_SEVERITIES } from '../core/schema';
import { IncidentIndex, type IndexCache } from '../core/workspace';
import { GitCommitLookup } from './gitCommits';
import { NodeWorkspaceHost } from './nodeHost';
import { readFolderSettings } from './settings';

export const DEFAULT_INCIDENT_GLOB = 'incidents/**/*.md';

export interface OpenOptions {
  readonly todayMs?: number;
  /** Skip git (no child process), as in an untrusted workspace. */
  readonly noGit?: boolean;
  readonly cache?: IndexCache;
  readonly note?: (message: string) => void;
}

export async function openWorkspace(folder: string, options: OpenOptions = {}): Promise<{ index: IncidentIndex; host: NodeWorkspaceHost }> {
  const settings = readFolderSettings(folder);
  const lint = defaultLintOptions({
    severities: settings.severityLevels ?? DEFAULT_SEVERITIES,
    maxBytes: settings.maxFileSize ?? DEFAULT_MAX_BYTES,
    blamePhrases: settings.blamePhrases ?? DEFAULT_BLAME_PHRASES,
    ...(options.todayMs !== undefined ? { todayMs: options.todayMs } : {}),
  });
  const host = new NodeWorkspaceHost(folder, { commits: options.noGit ? undefined : new GitCommitLookup(folder), note: options.note });
  const index = new IncidentIndex({ incidentGlob: settings.files ?? DEFAULT_INCIDENT_GLOB, lint });
  await index.scan(host, options.cache);
  return { index, host };
}
