/** The open review panels: one per incident file, found again when asked twice. */
import * as vscode from 'vscode';
import { REVIEW_VIEW_TYPE } from '../protocol';
import { ReviewPanel } from './reviewPanel';

export class ReviewPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ReviewPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows the incident's panel beside the editor, creating it the first time. */
  open(uri: vscode.Uri): ReviewPanel {
    const existing = this.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, 'Review', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {});
    return this.adopt(panel, uri);
  }

  /** Binds a panel (a new one, or one the serializer brings back) to an incident file. */
  adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): ReviewPanel {
    const key = uri.toString();
    // A restored panel for a file that already has one: keep one per file.
    this.panels.get(key)?.dispose();
    const review = new ReviewPanel(panel, uri, this.extensionUri);
    this.panels.set(key, review);
    review.onDidDispose(() => {
      if (this.panels.get(key) === review) this.panels.delete(key);
    });
    return review;
  }

  get(uri: vscode.Uri): ReviewPanel | undefined {
    return this.panels.get(uri.toString());
  }

  /** The panel the reader is looking at, if any. */
  active(): ReviewPanel | undefined {
    return [...this.panels.values()].find((review) => review.panel.active);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
