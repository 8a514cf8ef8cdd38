/** Converts core positions, ranges, edits and diagnostics to the editor's types. */
import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/diagnostics';
import type { TextEdit } from '../core/edits/textEdit';
import type { Range } from '../core/text';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

const DIAGNOSTIC_SOURCE = 'incident-lens';

/** The core diagnostic rides along, so code actions can read its data. */
export class IncidentDiagnostic extends vscode.Diagnostic {
  constructor(readonly core: Diagnostic) {
    super(toRange(core.range), core.message, SEVERITY[core.severity]);
    this.code = core.code;
    this.source = DIAGNOSTIC_SOURCE;
  }
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly (TextEdit | undefined)[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) if (edit) workspaceEdit.replace(uri, toRange(edit.range), edit.newText);
  return workspaceEdit;
}
