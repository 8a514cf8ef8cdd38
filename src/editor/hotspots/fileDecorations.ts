/** Explorer badges and colors on files and folders where incidents happened. */
import * as vscode from 'vscode';
import type { FileHotspot, FolderHotspot } from '../../core/hotspots/types';
import type { HotspotsService } from './hotspotsService';
import { incidentCount, incidentLines } from '../../core/hotspots/presentation';

/** Files at or above this share of the top score are "hot"; others with incidents are "warm". */
const HOT_SHARE = 0.5;
const HOT_MIN_RANK = 5;

export class HotspotDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private decorations = new Map<string, vscode.FileDecoration>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: HotspotsService) {
    this.subscription = vscode.Disposable.from(
      service.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('incidentLens.hotspots.decorations')) this.update();
      }),
    );
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    return this.decorations.get(uri.toString());
  }

  private update(): void {
    const next = new Map<string, vscode.FileDecoration>();
    for (const folder of this.service.all()) {
      if (!vscode.workspace.getConfiguration('incidentLens.hotspots', folder.state.folder.uri).get<boolean>('decorations', true)) continue;
      const files = folder.ranking.files.filter((file) => file.exists);
      const top = files[0]?.score ?? 0;
      files.forEach((file, rank) => next.set(folder.state.host.uriOf(file.path).toString(), fileDecoration(file, rank < HOT_MIN_RANK || file.score >= top * HOT_SHARE)));
      const topFolder = folder.ranking.folders[0]?.score ?? 0;
      for (const area of folder.ranking.folders) {
        if (area.path === '' || area.path === '.') continue;
        next.set(folder.state.host.uriOf(area.path).toString(), folderDecoration(area, area.score >= topFolder * HOT_SHARE));
      }
    }
    // Fire for the union of old and new keys, so removed badges disappear too.
    const changedKeys = new Set([...this.decorations.keys(), ...next.keys()]);
    this.decorations = next;
    this.changed.fire([...changedKeys].map((key) => vscode.Uri.parse(key)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function fileDecoration(file: FileHotspot, hot: boolean): vscode.FileDecoration {
  const decoration = new vscode.FileDecoration(
    badge(file.count),
    `${incidentCount(file.count)} (hotspot score ${file.score.toFixed(1)}):\n${incidentLines(file)}`,
    new vscode.ThemeColor(hot ? 'incidentLens.hotspot.hotForeground' : 'incidentLens.hotspot.warmForeground'),
  );
  decoration.propagate = false;
  return decoration;
}

function folderDecoration(area: FolderHotspot, hot: boolean): vscode.FileDecoration {
  const decoration = new vscode.FileDecoration(
    badge(area.count),
    `${incidentCount(area.count)} in ${area.files} ${area.files === 1 ? 'file' : 'files'} (score ${area.score.toFixed(1)}): ${area.incidentIds.slice(0, 8).join(', ')}`,
    hot ? new vscode.ThemeColor('incidentLens.hotspot.hotForeground') : undefined,
  );
  decoration.propagate = false;
  return decoration;
}

/** Badges hold two characters at most. */
function badge(count: number): string {
  return count > 99 ? '99' : String(count);
}
