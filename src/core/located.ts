/** Source ranges of front matter nodes, in file coordinates. */
import { LineIndex, type Range } from './text';
import { findEntry, nodeAt, type YamlNode } from './yamlTree';

export type YamlPath = readonly (string | number)[];

/**
 * Answers "where is this value?" for one parsed front matter. Offsets from
 * the YAML parser are relative to the YAML text; `yamlStart` moves them into
 * the file.
 */
export class FrontMatterLocator {
  constructor(
    readonly root: YamlNode | undefined,
    private readonly lines: LineIndex,
    private readonly yamlStart: number,
    /** The opening `---` line: where file-level problems are shown. */
    readonly openingRange: Range,
  ) {}

  node(path: YamlPath): YamlNode | undefined {
    return nodeAt(this.root, path);
  }

  /** The value's range; where the value is empty or absent, its key; else the nearest parent's key. */
  valueRange(path: YamlPath): Range {
    const node = this.node(path);
    if (node && node.span.end > node.span.start) return this.rangeOf(node.span.start, node.span.end);
    return this.keyRange(path);
  }

  keyRange(path: YamlPath): Range {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = this.node(path.slice(0, depth - 1));
      const part = path[depth - 1];
      if (typeof part === 'string') {
        const entry = findEntry(parent, part);
        if (entry) return this.rangeOf(entry.key.span.start, entry.key.span.end);
      } else {
        const item = parent?.items?.[part];
        if (item) return this.firstLine(path.slice(0, depth));
      }
    }
    return this.openingRange;
  }

  /** The first line of a node (an action item, a timeline entry): enough to point at it without a wall of squiggles. */
  firstLine(path: YamlPath): Range {
    const node = this.node(path);
    if (!node) return this.keyRange(path.slice(0, -1));
    const start = this.lines.positionAt(this.yamlStart + node.span.start);
    const lineEnd = this.lines.positionAt(Math.min(this.lines.lineEnd(start.line), this.yamlStart + node.span.end));
    return { start, end: lineEnd };
  }

  rangeOf(start: number, end: number): Range {
    return this.lines.rangeOf({ start: this.yamlStart + start, end: this.yamlStart + end });
  }
}
