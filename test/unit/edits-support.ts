/** Helpers of the edit tests: apply core edits to a text, and read the result back. */
import { FrontMatterText } from '../../src/core/edits/frontMatterEdits';
import { applyEdits, type TextEdit } from '../../src/core/edits/textEdit';
import { LineIndex } from '../../src/core/text';

export function apply(text: string, edits: readonly TextEdit[] | undefined): string {
  if (!edits) throw new Error('no edit was offered');
  const lines = new LineIndex(text);
  return applyEdits(text, edits, (position) => lines.offsetAt(position));
}

export function valueOf(text: string): Record<string, unknown> {
  const fm = FrontMatterText.parse(text);
  if (!fm) throw new Error(`front matter cannot be read:\n${text}`);
  return fm.value;
}

/** An incident file from front matter lines and body lines, `\n` line ends. */
export function file(frontMatter: readonly string[], body: readonly string[] = ['', '## Summary', '', 'Body text.']): string {
  return ['---', ...frontMatter, '---', ...body].join('\n') + '\n';
}

export const HEAD = ['id: INC-2026-030', 'title: Search latency after reindex', 'status: investigating', 'severity: SEV2', 'started: 2026-11-20T14:00:00Z'];

/** Lines that were added (in order) when `after` only adds lines to `before`. */
export function addedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (endA !== start) throw new Error(`lines were changed, not only added: ${JSON.stringify(a.slice(start, endA))}`);
  return b.slice(start, endB);
}
