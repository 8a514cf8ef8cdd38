/**
 * The HTML report's stylesheet: light and dark by the reader's preference,
 * high contrast through forced colors, and print rules that fit A4 and
 * Letter alike (the page box is left to the printer; margins and widths fit both).
 */
import { CHART_CSS } from './patterns';

const LIGHT = `
  --il-fg: #1f2328; --il-muted: #59636e; --il-bg: #ffffff; --il-line: #d1d9e0; --il-grid: #eaeef2;
  --il-accent: #0969da; --il-box: rgba(9, 105, 218, 0.14); --il-bar: #8c959f; --il-note: #f6f8fa;
  --il-sev-1: #b42318; --il-sev-2: #c4560c; --il-sev-3: #9a6700; --il-sev-4: #2f6fb3; --il-sev-5: #6e7781;`;

const DARK = `
  --il-fg: #e6edf3; --il-muted: #9198a1; --il-bg: #0d1117; --il-line: #3d444d; --il-grid: #21262d;
  --il-accent: #4493f8; --il-box: rgba(68, 147, 248, 0.2); --il-bar: #768390; --il-note: #161b22;
  --il-sev-1: #f47067; --il-sev-2: #f0883e; --il-sev-3: #d4a72c; --il-sev-4: #6cb6ff; --il-sev-5: #8b949e;`;

export const REPORT_CSS = `
:root { color-scheme: light dark;${LIGHT} }
@media (prefers-color-scheme: dark) { :root {${DARK} } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 860px; padding: 24px 20px 48px; background: var(--il-bg); color: var(--il-fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--il-line); }
h3 { font-size: 1.08em; margin: 24px 0 6px; }
p { margin: 6px 0; }
.scope { color: var(--il-muted); margin-bottom: 16px; }
.top { border: 2px solid var(--il-accent); border-radius: 6px; padding: 12px 16px; margin: 16px 0 8px; }
.top h2 { border: 0; margin: 0 0 4px; padding: 0; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--il-muted); }
.top .sentence { font-size: 1.2em; font-weight: 600; margin: 0 0 6px; }
.definition { color: var(--il-muted); }
.note { background: var(--il-note); border-left: 3px solid var(--il-line); padding: 6px 10px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
a { color: var(--il-accent); white-space: nowrap; }
figure { margin: 12px 0 16px; }
figcaption, caption { font-weight: 600; text-align: left; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--il-line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--il-note); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul.plain { margin: 4px 0; padding-left: 20px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 40px; color: var(--il-muted); font-size: 12px; }
${CHART_CSS}
@page { margin: 14mm 12mm; }
@media print {
  :root {${LIGHT} color-scheme: light; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  figure, .top, tr { break-inside: avoid; }
  table { font-size: 9pt; }
  a { color: inherit; text-decoration: none; }
  svg.chart { max-width: 100%; }
}
`;
