/** The open timeline panels: one per incident file, found again when asked twice. */
import * as vscode from 'vscode';
import { TIMELINE_VIEW_TYPE } from '../protocol';
import { TimelinePanel } from './timelinePanel';

export class TimelinePanels implements vscode.Disposable {
  private readonly panels = new Map<string, TimelinePanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows the incident's panel beside the editor, creating it the first time. */
  open(uri: vscode.Uri): TimelinePanel {
    const existing = this.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {});
    return this.adopt(panel, uri);
  }

  /** Binds a panel (a new one, or one the serializer brings back) to an incident file. */
  adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): TimelinePanel {
    const key = uri.toString();
    // A restored panel for a file that already has one: keep one per file.
    this.panels.get(key)?.dispose();
    const timeline = new TimelinePanel(panel, uri, this.extensionUri);
    this.panels.set(key, timeline);
    timeline.onDidDispose(() => {
      if (this.panels.get(key) === timeline) this.panels.delete(key);
    });
    return timeline;
  }

  get(uri: vscode.Uri): TimelinePanel | undefined {
    return this.panels.get(uri.toString());
  }

  all(): TimelinePanel[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
