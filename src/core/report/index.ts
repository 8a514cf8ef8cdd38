/** The cross-incident report in the two formats the command-line tool writes. */
import type { Insights } from '../insights/types';
import { buildDocument, type DocumentOptions } from './document';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export type ReportFormat = 'markdown' | 'html';

export function renderReport(insights: Insights, format: ReportFormat, options: DocumentOptions = {}): string {
  const document = buildDocument(insights, options);
  return format === 'html' ? renderHtml(document, { generator: 'Incident Lens' }) : renderMarkdown(document);
}

export { buildDocument } from './document';
export type { ReportDocument } from './model';
