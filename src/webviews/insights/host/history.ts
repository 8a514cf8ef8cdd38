/**
 * Code areas from git history for the panel: the hotspot ranking of each
 * folder, read in the background (cached per HEAD in the extension's storage,
 * where the hotspot decorations keep theirs). Untrusted folders and folders
 * that are not on disk use their explicit `code:` links, with no git process.
 */
import * as vscode from 'vscode';
import { indexHotspotIncidents } from '../../../core/hotspotIncidents';
import type { FolderHistory } from '../../../core/insights/types';
import { computeHotspots } from '../../../node/hotspots';
import { readSettings } from '../../../editor/config';
import type { FolderIncidents } from '../../../editor/folderIncidents';
import { nowMs } from '../../../core/clock';

export class AreaHistory implements vscode.Disposable {
  /** Last result per folder URI; shown while a newer one is computed. */
  private readonly results = new Map<string, FolderHistory>();
  private controller: AbortController | undefined;

  constructor(private readonly storage: vscode.Uri | undefined) {}

  /** What is known now, for the folders given (label '' with one folder). */
  current(folders: readonly { readonly state: FolderIncidents; readonly label: string }[]): FolderHistory[] {
    return folders.flatMap(({ state, label }) => {
      const found = this.results.get(state.folder.uri.toString());
      return found ? [{ ...found, folder: label }] : [];
    });
  }

  /** Recomputes every folder; resolves true when anything was computed (and not cancelled by a newer call). */
  async refresh(folders: readonly { readonly state: FolderIncidents; readonly label: string }[]): Promise<boolean> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const onDisk = folders.filter(({ state }) => state.folder.uri.scheme === 'file');
    if (onDisk.length === 0) return false;
    await Promise.all(
      onDisk.map(async ({ state, label }) => {
        try {
          const useGit = vscode.workspace.isTrusted;
          const result = await computeHotspots(state.folder.uri.fsPath, indexHotspotIncidents(state.index), {
            now: nowMs(),
            scoring: readSettings(state.folder.uri).scoring,
            useGit,
            cacheDirectory: this.storage && useGit ? vscode.Uri.joinPath(this.storage, 'hotspots').fsPath : undefined,
            signal: controller.signal,
          });
          if (controller.signal.aborted) return;
          const fromHistory = useGit && !result.history.problems.some((problem) => problem.kind === 'no-history');
          this.results.set(state.folder.uri.toString(), { folder: label, ranking: result.ranking, fromHistory });
        } catch (error) {
          // Code links still give areas; the report says where they came from.
          if (!controller.signal.aborted) console.warn(`Incident Lens: code areas for ${state.folder.name} could not be read from git: ${String(error)}`);
        }
      }),
    );
    return !controller.signal.aborted;
  }

  dispose(): void {
    this.controller?.abort();
  }
}
