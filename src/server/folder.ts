/**
 * One workspace folder in the server: its incident index (over the open
 * documents' text and the disk), its settings, and its hotspots, computed
 * when a code lens first asks and again after the incidents changed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultLintOptions } from '../core/lint';
import type { HotspotRanking } from '../core/hotspots/types';
import { indexHotspotIncidents } from '../core/hotspotIncidents';
import { folderSettings, type FolderSettings, type SettingLookup } from '../core/settings';
import { IncidentIndex, type WorkspaceHost } from '../core/workspace';
import type { FolderAccess } from './environment';
import { OpenDocumentsHost } from './openDocumentsHost';
import type { FolderUris } from './uris';

export class ServerFolder {
  readonly host: WorkspaceHost;
  private readonly open = new Map<string, TextDocument>();
  private current: { settings: FolderSettings; lookup: SettingLookup; index: IncidentIndex };
  /** Bumped at every change of the index, so the hotspots know when to compute again. */
  private generation = 0;
  private hotspotsMemo: { generation: number; ranking: Promise<HotspotRanking> } | undefined;

  constructor(
    readonly uris: FolderUris,
    readonly access: FolderAccess,
    readonly trusted: boolean,
    lookup: SettingLookup,
  ) {
    this.host = new OpenDocumentsHost(access.host, this.open);
    this.current = ServerFolder.indexFor(lookup);
  }

  get index(): IncidentIndex {
    return this.current.index;
  }

  get settings(): FolderSettings {
    return this.current.settings;
  }

  /** Any `incidentLens.*` setting, editor-only ones (`hotspots.codeLens`) included. */
  setting(key: string): unknown {
    return this.current.lookup(key);
  }

  /** Reads every incident file. */
  async scan(): Promise<void> {
    await this.index.scan(this.host);
    this.changed();
  }

  /**
   * Takes new settings; true when they change what the index reads or
   * reports, and the folder was scanned again.
   */
  async reconfigure(lookup: SettingLookup): Promise<boolean> {
    const next = ServerFolder.indexFor(lookup);
    const before = JSON.stringify([this.settings.incidentGlob, this.settings.lint]);
    const scoringChanged = JSON.stringify(this.settings.scoring) !== JSON.stringify(next.settings.scoring);
    if (before === JSON.stringify([next.settings.incidentGlob, next.settings.lint])) {
      this.current = { ...next, index: this.index };
      if (scoringChanged) this.changed();
      return false;
    }
    this.current = next;
    await this.scan();
    return true;
  }

  document(path: string): TextDocument | undefined {
    return this.open.get(path);
  }

  openDocuments(): ReadonlyMap<string, TextDocument> {
    return this.open;
  }

  track(path: string, document: TextDocument): void {
    this.open.set(path, document);
  }

  untrack(path: string): void {
    this.open.delete(path);
  }

  /** The file's text: the open document's, else the disk's. */
  text(path: string): Promise<string | undefined> {
    return this.host.readFile(path);
  }

  /** Call after any change to the index. */
  changed(): void {
    this.generation++;
  }

  hotspots(): Promise<HotspotRanking> {
    if (this.hotspotsMemo?.generation !== this.generation) {
      this.hotspotsMemo = { generation: this.generation, ranking: this.access.hotspots(indexHotspotIncidents(this.index), this.settings.scoring) };
    }
    return this.hotspotsMemo.ranking;
  }

  private static indexFor(lookup: SettingLookup): { settings: FolderSettings; lookup: SettingLookup; index: IncidentIndex } {
    const settings = folderSettings(lookup);
    return { settings, lookup, index: new IncidentIndex({ incidentGlob: settings.incidentGlob, lint: defaultLintOptions(settings.lint) }) };
  }
}
