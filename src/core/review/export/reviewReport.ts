/**
 * A review as a report for one audience, in Markdown or as a self-contained
 * HTML file: what "Export Review…" and `incident-lens report --incident`
 * write.
 */
import { readIncident } from '../model';
import { executiveMarkdown } from './executive';
import { reportHtml } from './htmlReport';
import { teamMarkdown } from './team';

export const AUDIENCES = ['executive', 'team'] as const;
export type Audience = (typeof AUDIENCES)[number];
const REPORT_FORMATS = ['md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRequest {
  readonly audience: Audience;
  readonly format: ReportFormat;
  /** UTC midnight of the day the report is made: which open items are overdue. */
  readonly todayMs: number;
  /** The incident file's name, shown when the incident has no id. */
  readonly fileName: string;
}

export type ReportResult = { readonly ok: true; readonly content: string; readonly suggestedName: string } | { readonly ok: false; readonly message: string };

export function reviewReport(rawText: string, request: ReportRequest): ReportResult {
  const read = readIncident(rawText, request.todayMs);
  if ('problem' in read) return { ok: false, message: read.problem };
  const markdown = request.audience === 'executive' ? executiveMarkdown(read, request.fileName, request.todayMs) : teamMarkdown(read, request.fileName, request.todayMs);
  const base = `${(read.incident.id ?? request.fileName.replace(/\.md$/i, '')).replace(/[^\w.-]+/g, '-')}-review-${request.audience}`;
  if (request.format === 'md') return { ok: true, content: markdown, suggestedName: `${base}.md` };
  const audience = request.audience === 'executive' ? 'Executive summary' : 'Team review';
  const title = `${read.incident.id ?? request.fileName} · ${audience}`;
  return { ok: true, content: reportHtml(markdown, title), suggestedName: `${base}.html` };
}

/** The format a file name asks for: `.html`/`.htm` or `.md`/`.markdown`. */
export function formatOfFile(name: string): ReportFormat | undefined {
  if (/\.html?$/i.test(name)) return 'html';
  if (/\.(md|markdown)$/i.test(name)) return 'md';
  return undefined;
}
