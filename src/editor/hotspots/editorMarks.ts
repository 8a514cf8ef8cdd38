/**
 * On the source file itself: linked line ranges in the gutter and the
 * overview ruler, a hover listing the incidents, and a CodeLens at the top
 * of a hot file ("3 incidents · last 12 days ago").
 */
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/escape';
import type { FileHotspot, IncidentShare } from '../../core/hotspots/types';
import type { IncidentWorkspace } from '../incidentWorkspace';
import type { HotspotsService } from './hotspotsService';
import { incidentCount, lensTitle, roleWords, shortDate } from '../../core/hotspots/presentation';

export const SHOW_FILE_INCIDENTS = 'incidentLens.showFileIncidents';

export class HotspotEditorMarks implements vscode.HoverProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly lineDecoration: vscode.TextEditorDecorationType;
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly service: HotspotsService,
    private readonly workspace: IncidentWorkspace,
    media: vscode.Uri,
  ) {
    this.lineDecoration = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      gutterIconPath: vscode.Uri.joinPath(media, 'hotspot-gutter.svg'),
      gutterIconSize: '70%',
      overviewRulerColor: new vscode.ThemeColor('incidentLens.hotspot.rulerForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    this.subscription = vscode.Disposable.from(
      this.lineDecoration,
      this.lensesChanged,
      service.onDidChange(() => {
        this.decorateVisible();
        this.lensesChanged.fire();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateVisible()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('incidentLens.hotspots')) this.lensesChanged.fire();
      }),
    );
  }

  private fileAt(uri: vscode.Uri): { file: FileHotspot; hotspots: ReturnType<HotspotsService['forUri']> } | undefined {
    const found = this.service.forUri(uri);
    const file = found?.hotspots.byPath.get(found.path);
    return file ? { file, hotspots: found } : undefined;
  }

  decorateVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const file = this.fileAt(editor.document.uri)?.file;
      const ranges = file ? linkedRanges(file, editor.document.lineCount).map(({ range }) => range) : [];
      editor.setDecorations(this.lineDecoration, ranges);
    }
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = this.fileAt(document.uri)?.file;
    if (!file) return undefined;
    const here = linkedRanges(file, document.lineCount).filter(({ range }) => range.contains(position));
    if (here.length === 0) return undefined;
    const shares = [...new Map(here.map(({ share }) => [share.id, share])).values()];
    const markdown = new vscode.MarkdownString(`**Incidents linked to these lines**\n\n${shares.map((share) => this.shareLine(share)).join('\n')}`);
    markdown.isTrusted = { enabledCommands: ['vscode.open'] };
    return new vscode.Hover(markdown, here[0].range);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('incidentLens.hotspots', document.uri).get<boolean>('codeLens', true)) return [];
    const file = this.fileAt(document.uri)?.file;
    if (!file) return [];
    const title = `$(flame) ${lensTitle(file)}`;
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: SHOW_FILE_INCIDENTS, arguments: [document.uri], tooltip: 'Show the incidents linked to this file' })];
  }

  /** A quick pick of the incidents behind a file; picking one opens it. */
  async showFileIncidents(uri: vscode.Uri | undefined): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const file = target && this.fileAt(target)?.file;
    if (!file) {
      void vscode.window.showInformationMessage('No incidents are linked to this file.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      file.incidents.map((share) => ({ label: share.id, description: `${share.severity} · ${shortDate(share.started)}`, detail: `${share.title} — ${roleWords(share)}`, share })),
      { title: `${incidentCount(file.count)} in ${vscode.workspace.asRelativePath(target)}`, matchOnDetail: true },
    );
    const incident = picked && this.incidentUri(target, picked.share.id);
    if (incident) await vscode.window.showTextDocument(incident, { preview: false });
  }

  private incidentUri(near: vscode.Uri, id: string): vscode.Uri | undefined {
    const state = this.workspace.locate(near)?.state;
    const found = state?.index.incidents().find(({ incident }) => incident.id === id);
    return found && state ? state.host.uriOf(found.path) : undefined;
  }

  private shareLine(share: IncidentShare): string {
    const link = (() => {
      for (const state of this.workspace.all()) {
        const found = state.index.incidents().find(({ incident }) => incident.id === share.id);
        if (found) return `command:vscode.open?${encodeURIComponent(JSON.stringify([state.host.uriOf(found.path)]))}`;
      }
      return undefined;
    })();
    const id = link ? `[${share.id}](${link})` : share.id;
    return `- ${id} · ${share.severity} · ${shortDate(share.started)} · ${escapeMarkdown(share.title)} _(${roleWords(share)})_`;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** The file's linked line spans as editor ranges, clipped to the document. */
function linkedRanges(file: FileHotspot, lineCount: number): { range: vscode.Range; share: IncidentShare }[] {
  const ranges: { range: vscode.Range; share: IncidentShare }[] = [];
  for (const share of file.incidents) {
    for (const span of share.lines) {
      const start = Math.min(Math.max(span.start, 1), lineCount) - 1;
      const end = Math.min(Math.max(span.end, span.start), lineCount) - 1;
      ranges.push({ range: new vscode.Range(start, 0, end, Number.MAX_SAFE_INTEGER), share });
    }
  }
  return ranges;
}
