/** Folding ranges of an incident file: the front matter, and every field or list item that spans lines. */
import { FrontMatterText } from '../edits/frontMatterEdits';
import type { YamlNode } from '../yamlTree';

export interface FoldingLines {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'front-matter' | 'block';
}

/** Empty when the text has no front matter that parses. */
export function incidentFoldingRanges(text: string): FoldingLines[] {
  const fm = FrontMatterText.parse(text);
  if (!fm) return [];
  const closingLine = fm.lineOf(fm.yamlEnd);
  const found: FoldingLines[] = closingLine > 0 ? [{ startLine: 0, endLine: closingLine, kind: 'front-matter' }] : [];
  const add = (startOffset: number, node: YamlNode) => {
    const startLine = fm.lineOf(startOffset);
    const endLine = fm.lineOf(Math.max(fm.offset(node), fm.endOffset(node) - 1));
    if (endLine > startLine) found.push({ startLine, endLine, kind: 'block' });
  };
  const walk = (node: YamlNode | undefined) => {
    for (const { key, value } of node?.entries ?? []) {
      add(fm.offset(key), value);
      walk(value);
    }
    for (const item of node?.items ?? []) {
      add(fm.offset(item), item);
      walk(item);
    }
  };
  walk(fm.locator.root);
  return found;
}
