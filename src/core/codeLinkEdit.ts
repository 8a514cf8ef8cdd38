/** Adds a code link to an incident's `code:` list, touching only the lines it adds. */
import { flowScalar, FrontMatterText, itemBlocks } from './edits/frontMatterEdits';
import type { TextEdit } from './edits/textEdit';
import { checked, isRecord } from './edits/verify';

export interface NewCodeLink {
  readonly path: string;
  readonly lines?: { readonly start: number; readonly end: number };
  readonly pattern?: string;
  readonly note?: string;
}

/** The link as a one-line flow map: `{path: src/a.ts, lines: 4-9, pattern: "x"}`. */
function codeLinkText(link: NewCodeLink): string {
  // Inside `{...}` a bracket or comma ends a plain value: `pages/[id].tsx` must be quoted.
  const parts = [`path: ${flowScalar(link.path)}`];
  if (link.lines) parts.push(`lines: ${link.lines.start === link.lines.end ? link.lines.start : `${link.lines.start}-${link.lines.end}`}`);
  if (link.pattern) parts.push(`pattern: ${JSON.stringify(link.pattern)}`);
  if (link.note) parts.push(`note: ${flowScalar(link.note)}`);
  return `{${parts.join(', ')}}`;
}

export function appendCodeLink(text: string, link: NewCodeLink): TextEdit | undefined {
  const fm = FrontMatterText.parse(text);
  if (!fm) return undefined;
  const before = Array.isArray(fm.value.code) ? fm.value.code.length : 0;
  // Read back like every other edit: a layout this cannot follow (a front matter written as one `{...}`) gives no edit, never a broken file.
  const [edit] = checked(fm, appendEdits(fm, codeLinkText(link)), (value) => {
    const code = value.code;
    return Array.isArray(code) && code.length === before + 1 && isRecord(code[before]) && code[before].path === link.path;
  }) ?? [];
  return edit;
}

function appendEdits(fm: FrontMatterText, item: string): TextEdit[] | undefined {
  const edit = appendEdit(fm, item);
  return edit && [edit];
}

function appendEdit(fm: FrontMatterText, item: string): TextEdit | undefined {
  const seq = fm.node(['code']);
  const at = (offset: number, newText: string): TextEdit => ({ range: fm.lines.rangeOf({ start: offset, end: offset }), newText });
  if (seq && seq.kind === 'seq' && fm.text[fm.offset(seq)] === '[') {
    const closing = fm.endOffset(seq) - 1;
    const empty = (seq.items ?? []).length === 0;
    return at(closing, `${empty ? '' : ', '}${item}`);
  }
  if (seq && seq.kind === 'seq') {
    const blocks = itemBlocks(fm, seq);
    const last = blocks?.[blocks.length - 1];
    if (!last) return undefined;
    const indent = ' '.repeat(fm.lines.positionAt(fm.offset(seq.items![0])).character - 2);
    const needsBreak = !/[\r\n]$/.test(fm.text.slice(last.start, last.end));
    return at(last.end, `${needsBreak ? fm.eol : ''}${indent}- ${item}${fm.eol}`);
  }
  if (fm.value.code !== undefined && fm.value.code !== null) return undefined;
  // No list yet (or an empty `code:`): add one at the end of the front matter.
  const existing = fm.locator.root?.entries?.find((entry) => entry.key.value === 'code');
  if (existing) {
    const keyLine = fm.lineOf(fm.offset(existing.key));
    const lineEnd = fm.lines.lineEnd(keyLine);
    return { range: fm.lines.rangeOf({ start: fm.endOffset(existing.key), end: lineEnd }), newText: `:${fm.eol}  - ${item}` };
  }
  return at(fm.yamlEnd, `code:${fm.eol}  - ${item}${fm.eol}`);
}
