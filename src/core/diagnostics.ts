/** Diagnostic codes of the format, their severities, and the record the core reports. */
import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'information';

export const DIAGNOSTIC_SEVERITY = {
  'yaml-syntax': 'error',
  'missing-field': 'error',
  'invalid-value': 'error',
  'invalid-timestamp': 'error',
  'unknown-field': 'warning',
  'duplicate-id': 'error',
  'lifecycle-order': 'warning',
  'status-without-time': 'warning',
  'timeline-order': 'warning',
  'action-missing-owner': 'warning',
  'action-missing-due': 'warning',
  'action-overdue': 'warning',
  'code-path-missing': 'warning',
  'code-path-outside': 'error',
  'commit-unknown': 'warning',
  'code-link-drifted': 'warning',
  'action-dropped-without-reason': 'warning',
  'unknown-service': 'information',
  'too-large': 'warning',
  'blame-language': 'information',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITY;

/** Extra facts a quick fix needs; plain JSON so it survives the index cache. */
export type DiagnosticData = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly data?: DiagnosticData;
}

export function diagnostic(code: DiagnosticCode, range: Range, message: string, data?: DiagnosticData): Diagnostic {
  return data ? { code, severity: DIAGNOSTIC_SEVERITY[code], message, range, data } : { code, severity: DIAGNOSTIC_SEVERITY[code], message, range };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
