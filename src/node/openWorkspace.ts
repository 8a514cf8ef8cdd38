/** Builds the incident index of a folder on disk, as the command-line tool and benchmarks use it. */
import { defaultLintOptions } from '../core/lint';
import type { FolderSettings } from '../core/settings';
import { IncidentIndex, type IndexCache } from '../core/workspace';
import { GitCommitLookup } from './gitCommits';
import { NodeWorkspaceHost } from './nodeHost';
import { readFolderSettings } from './settings';

export interface OpenOptions {
  readonly todayMs?: number;
  /** Skip git (no child process), as in an untrusted workspace. */
  readonly noGit?: boolean;
  readonly cache?: IndexCache;
  readonly note?: (message: string) => void;
  /** Called when `.vscode/settings.json` cannot be read as it is; the run goes on with what could be read. */
  readonly warn?: (message: string) => void;
}

export async function openWorkspace(folder: string, options: OpenOptions = {}): Promise<{ index: IncidentIndex; host: NodeWorkspaceHost; settings: FolderSettings }> {
  const { settings, problems } = readFolderSettings(folder);
  for (const problem of problems) options.warn?.(problem);
  const lint = defaultLintOptions({ ...settings.lint, ...(options.todayMs !== undefined ? { todayMs: options.todayMs } : {}) });
  const host = new NodeWorkspaceHost(folder, { commits: options.noGit ? undefined : new GitCommitLookup(folder), note: options.note });
  const index = new IncidentIndex({ incidentGlob: settings.incidentGlob, lint });
  await index.scan(host, options.cache);
  return { index, host, settings };
}
