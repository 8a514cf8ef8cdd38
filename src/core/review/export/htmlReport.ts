/**
 * A report as one self-contained HTML file: the Markdown rendered through the
 * same safe tree as the panel (raw HTML off, only web and mail links), the
 * style inline, no script, nothing loaded from anywhere, and a content
 * security policy that would refuse both even if something slipped in.
 * It reads well on screen and prints cleanly.
 */
import { escapeHtml } from '../../escape';
import { nodesHtml } from '../markdownHtml';
import { markdownTree } from '../markdownTree';

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.75rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
p, ul, ol, blockquote, table, pre { margin: 0 0 0.9rem; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #d0d7de; color: #57606a; }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: #f6f8fa; padding: 0.75rem 1rem; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.93em; }
th, td { border: 1px solid #d0d7de; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
.align-right { text-align: right; } .align-center { text-align: center; }
a { color: #0550ae; }
.link-off { text-decoration: underline dotted; }
.image-alt { color: #57606a; font-style: italic; }
hr { border: 0; border-top: 1px solid #d0d7de; margin: 1.5rem 0; }
@media print {
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr, li, blockquote, pre { break-inside: avoid; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #57606a; overflow-wrap: anywhere; }
}
`;

export function reportHtml(markdown: string, title: string): string {
  const body = nodesHtml(markdownTree(markdown));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}
