/**
 * The status bar item: the active incident's id, severity and time since
 * `started`; a click adds a timeline entry. Hidden when nothing is active.
 */
import * as vscode from 'vscode';
import { isActive } from '../../core/activeStatuses';
import { statusBarText } from '../../core/response/labels';
import { newestFirst } from '../../core/response/activeIncident';
import type { IncidentWorkspace } from '../incidentWorkspace';
import { ResponseCommands } from './commandIds';
import { allIncidents, editorIncident, type IncidentRef } from './incidentTarget';
import { nowMs } from '../../core/clock';

const TICK_MS = 30_000;

export class IncidentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('incidentLens.activeIncident', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly workspace: IncidentWorkspace) {
    this.item.name = 'Active incident';
    this.disposables.push(
      this.item,
      workspace.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.timer = setInterval(() => this.update(), TICK_MS);
    this.update();
  }

  /** What the item shows, for tests: undefined when hidden. */
  get shown(): { text: string; tooltip: string } | undefined {
    return this.visible ? { text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '') } : undefined;
  }

  private visible = false;

  update(): void {
    const editor = editorIncident(this.workspace);
    const active = allIncidents(this.workspace)
      .filter((ref) => isActive(ref.incident))
      .sort((a, b) => newestFirst(a.incident, b.incident));
    // The incident in the editor when it is active; else the newest active one.
    const shown: IncidentRef | undefined = editor && isActive(editor.incident) ? editor : active[0];
    if (!shown) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const others = active.filter((ref) => ref.uri.toString() !== shown.uri.toString()).length;
    const unambiguous = shown === editor || others === 0;
    this.item.text = `$(flame) ${statusBarText(shown.incident, nowMs())}${others > 0 ? ` (+${others})` : ''}`;
    this.item.tooltip = `${shown.incident.title ?? ''}\n${shown.incident.status ?? ''}${others > 0 ? ` · ${others} more active` : ''}\nClick to add a timeline entry.`;
    this.item.backgroundColor = new vscode.ThemeColor(shown.incident.severity === shown.state.index.options.lint.severities[0] ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    this.item.command = { command: ResponseCommands.addTimelineEntry, title: 'Add timeline entry', arguments: unambiguous ? [shown.uri] : [] };
    this.item.accessibilityInformation = { label: `Active incident ${shown.incident.id ?? ''}, ${shown.incident.severity ?? ''}. Add a timeline entry.` };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
