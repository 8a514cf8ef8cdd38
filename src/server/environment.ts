/**
 * What the server needs from where it runs: Node (files, git) now, a web
 * worker later. The server itself imports neither.
 */
import type { HotspotIncident, HotspotRanking, ScoreOptions } from '../core/hotspots/types';
import type { SettingLookup } from '../core/settings';
import type { WorkspaceHost } from '../core/workspace';

export interface FolderOptions {
  /** False in an untrusted folder: no git process and no writes. */
  readonly trusted: boolean;
  /** Notes about skipped files, for the client's log. */
  readonly note: (message: string) => void;
}

export interface FolderAccess {
  /** Incidents, the catalog and linked files; commits only when trusted. */
  readonly host: WorkspaceHost;
  /** Files that may mention incident ids: those git tracks, or a walk that skips the usual folders. */
  listTextFiles(): Promise<readonly string[]>;
  /** Files appeared or went: listings are read again. */
  forgetListings(): void;
  /** Settings the folder itself holds (`.vscode/settings.json`), under what the client sends. */
  folderSettings(): SettingLookup;
  /** Hotspot ranking from code links (and, when trusted, git history). */
  hotspots(incidents: readonly HotspotIncident[], scoring: Omit<ScoreOptions, 'now'>): Promise<HotspotRanking>;
}

export interface ServerEnvironment {
  /** Undefined when the folder cannot be read here (a URI scheme the environment does not serve). */
  openFolder(folderUri: string, options: FolderOptions): FolderAccess | undefined;
}
