/** Core positions, diagnostics and edits as the protocol writes them. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../core/diagnostics';
import type { TextEdit } from '../core/edits/textEdit';

export const DIAGNOSTIC_SOURCE = 'incident-lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message, ...(d.data ? { data: d.data } : {}) };
}

export function toLspEdit(edit: TextEdit): LspTextEdit {
  return { range: edit.range, newText: edit.newText };
}
