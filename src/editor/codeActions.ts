/** Quick fixes for incident diagnostics, applied as minimal WorkspaceEdits. */
import * as vscode from 'vscode';
import { CATALOG_PATH } from '../core/catalog';
import type { Diagnostic } from '../core/diagnostics';
import { addServiceEdit } from '../core/edits/catalogService';
import { quickFixes } from '../core/edits/quickFixes';
import { localOffsetMinutes, localToday, nowDate } from '../core/clock';
import { toRange, toWorkspaceEdit } from './convert';
import type { IncidentDiagnostics } from './diagnostics';
import type { IncidentWorkspace } from './incidentWorkspace';
import { ResponseCommands } from './response/commandIds';

export class IncidentCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly workspace: IncidentWorkspace,
    private readonly diagnostics: IncidentDiagnostics,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const located = this.workspace.locate(document.uri);
    if (!located || !vscode.workspace.isTrusted) return [];
    const text = document.getText();
    const now = nowDate();
    const context = {
      nowMs: now.getTime(),
      offsetMinutes: localOffsetMinutes(now),
      todayMs: localToday(now),
      nextId: (year: number) => located.state.index.nextId(year),
      fileName: located.path.split('/').pop() ?? '',
      severities: located.state.index.options.lint.severities,
    };
    const actions: vscode.CodeAction[] = [];
    for (const d of this.diagnostics.currentDiagnostics(document)) {
      if (!toRange(d.range).intersection(range) && !toRange(d.range).contains(range.start)) continue;
      const vscodeDiagnostic = this.matching(document.uri, d);
      for (const fix of quickFixes(text, d, context)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.isPreferred = fix.preferred;
        // For a value only the user knows, the fix leaves it empty and puts the cursor in it.
        if (fix.cursor) action.command = { command: ResponseCommands.revealInIncident, title: fix.title, arguments: [document.uri, fix.cursor.line, fix.cursor.character] };
        if (vscodeDiagnostic) action.diagnostics = [vscodeDiagnostic];
        actions.push(action);
      }
      if (d.code === 'unknown-service' && typeof d.data?.service === 'string') {
        actions.push(this.addToCatalog(located.state.host.uriOf(CATALOG_PATH), d.data.service));
      }
    }
    return actions;
  }

  private matching(uri: vscode.Uri, d: Diagnostic): vscode.Diagnostic | undefined {
    const range = toRange(d.range);
    return vscode.languages.getDiagnostics(uri).find((candidate) => candidate.code === d.code && candidate.range.isEqual(range));
  }

  /** Appends the service at the end of the catalog, with the indentation services use there. */
  private addToCatalog(catalog: vscode.Uri, service: string): vscode.CodeAction {
    const action = new vscode.CodeAction(`Add "${service}" to the service catalog`, vscode.CodeActionKind.QuickFix);
    action.command = { command: 'incidentLens.addServiceToCatalog', title: action.title, arguments: [catalog, service] };
    return action;
  }
}

/** Adds a service entry to catalog.yaml through the document, so undo works. */
export async function addServiceToCatalog(catalog: vscode.Uri, service: string): Promise<void> {
  // The quick fix is not offered in Restricted Mode; the command can still be called directly.
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('This folder is open in Restricted Mode, so Incident Lens cannot add a service to the catalog. Trust the folder to make changes.');
    return;
  }
  const document = await vscode.workspace.openTextDocument(catalog);
  const entry = addServiceEdit(document.getText(), service);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(catalog, toRange(entry.range).start, entry.newText);
  await vscode.workspace.applyEdit(edit);
  await vscode.window.showTextDocument(document, { preview: false });
}
