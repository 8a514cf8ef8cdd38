/**
 * The checks of an incident's code links against the folder: the path still
 * matches something (`code-path-missing`) and the pattern is still inside the
 * lines (`code-link-drifted`); and where each drifted link stands now.
 */
import picomatch from 'picomatch';
import { type LineRange, reanchor } from './codeLinkDrift';
import { diagnostic, type Diagnostic, type DiagnosticCode } from './diagnostics';
import type { IncidentSummary } from './incident';
import { parseLines } from './summarize';

/** The codes these checks report: checking again replaces exactly these. */
export const CODE_LINK_CODES: ReadonlySet<DiagnosticCode> = new Set(['code-path-missing', 'code-link-drifted']);

export interface CodeLinkFacts {
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<string | undefined>;
}

export async function codeLinkDiagnostics(incident: IncidentSummary, facts: CodeLinkFacts): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  for (const link of incident.code) {
    if (link.outside) continue;
    if (!(await facts.exists(link.path))) {
      found.push(diagnostic('code-path-missing', link.pathRange, `No file in this folder matches \`${link.path}\`. Was it moved or renamed?`));
      continue;
    }
    if (link.pattern && link.lines && link.linesRange && !picomatch.scan(link.path).isGlob) {
      const text = await facts.read(link.path);
      if (text === undefined) continue;
      const result = reanchor(text, link.lines, link.pattern);
      if (result.status === 'drifted') {
        const lines = formatLines(result.lines);
        found.push(
          diagnostic('code-link-drifted', link.linesRange, `The code moved: "${link.pattern}" is now at lines ${lines} of ${link.path}, not ${formatLines(link.lines)}.`, {
            index: link.index,
            lines,
          }),
        );
      } else if (result.status === 'missing') {
        found.push(diagnostic('code-link-drifted', link.linesRange, `"${link.pattern}" is no longer in ${link.path}. Check the link, or drop its pattern.`, { index: link.index }));
      }
    }
  }
  return found;
}

/**
 * Link index -> the lines its pattern is at now, for the links found drifted.
 * Read from the diagnostics, which the index cache keeps: what the quick fix
 * would write is where the link is.
 */
export function reanchoredLines(diagnostics: readonly Diagnostic[]): Map<number, LineRange> {
  const moved = new Map<number, LineRange>();
  for (const d of diagnostics) {
    if (d.code !== 'code-link-drifted' || typeof d.data?.index !== 'number') continue;
    const lines = parseLines(d.data.lines);
    if (lines) moved.set(d.data.index, lines);
  }
  return moved;
}

function formatLines(lines: LineRange): string {
  return lines.start === lines.end ? `${lines.start}` : `${lines.start}-${lines.end}`;
}
