/** `incident-lens lint`: the editor's diagnostics, for CI. */
import type { Diagnostic } from '../core/diagnostics';
import type { IncidentIndex } from '../core/workspace';

export interface LintRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly message: string;
}

/** 1-based lines and columns; `endColumn` points just past the last character. */
export function lintRows(index: IncidentIndex): LintRow[] {
  const rows: LintRow[] = [];
  for (const [file, diagnostics] of [...index.allDiagnostics()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const d of diagnostics) {
      rows.push({
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      });
    }
  }
  return rows;
}

export function formatText(rows: readonly LintRow[]): string {
  return rows.map((row) => `${row.file}:${row.line}:${row.column} ${row.severity} ${row.code} ${row.message}\n`).join('');
}

export function summaryLine(rows: readonly LintRow[], fileCount: number): string {
  const count = (severity: string) => rows.filter((row) => row.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('information')} info in ${plural(fileCount, 'incident file')}`;
}
