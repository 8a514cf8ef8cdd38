/** Chart marks as an SVG string, for the HTML report. Every text is escaped. */
import { escapeHtml } from '../escape';
import type { Chart, LegendEntry, Mark } from './model';
import { swatchShape } from './patterns';

export function chartSvg(chart: Chart): string {
  const marks = chart.marks.map(markSvg).join('');
  // No xmlns: inline SVG in HTML needs none, and the page holds no URL at all.
  return `<svg class="chart" viewBox="0 0 ${chart.width} ${chart.height}" width="${chart.width}" height="${chart.height}" role="img" aria-label="${escapeHtml(chart.description)}">${marks}</svg>`;
}

function markSvg(mark: Mark): string {
  switch (mark.type) {
    case 'rect':
      return `<rect x="${mark.x}" y="${mark.y}" width="${mark.width}" height="${mark.height}" class="${escapeHtml(mark.className)}">${titleSvg(mark.title)}</rect>`;
    case 'circle':
      return `<circle cx="${mark.cx}" cy="${mark.cy}" r="${mark.r}" class="${escapeHtml(mark.className)}">${titleSvg(mark.title)}</circle>`;
    case 'line':
      return `<line x1="${mark.x1}" y1="${mark.y1}" x2="${mark.x2}" y2="${mark.y2}" class="${escapeHtml(mark.className)}"/>`;
    case 'text':
      return `<text x="${mark.x}" y="${mark.y}" class="${escapeHtml(mark.className)}" text-anchor="${mark.anchor}">${escapeHtml(mark.text)}</text>`;
  }
}

function titleSvg(title: string | undefined): string {
  return title ? `<title>${escapeHtml(title)}</title>` : '';
}

export function legendHtml(legend: readonly LegendEntry[]): string {
  if (legend.length === 0) return '';
  const items = legend.map((entry) => `<li>${swatchSvg(entry.className)}${escapeHtml(entry.label)}</li>`).join('');
  return `<ul class="legend">${items}</ul>`;
}

function swatchSvg(className: string): string {
  const cls = escapeHtml(className);
  switch (swatchShape(className)) {
    case 'circle':
      return `<svg viewBox="0 0 14 14" aria-hidden="true"><circle cx="7" cy="7" r="4" class="${cls}"/></svg>`;
    case 'line':
      return `<svg viewBox="0 0 14 14" aria-hidden="true"><line x1="7" y1="1" x2="7" y2="13" class="${cls}"/></svg>`;
    case 'rect':
      return `<svg viewBox="0 0 14 14" aria-hidden="true"><rect x="1" y="1" width="12" height="12" class="${cls}"/></svg>`;
  }
}
