/**
 * Positions and ranges as the editor counts them: 0-based lines and UTF-16
 * columns. The core has its own types so it never needs `vscode`; the editor
 * layer converts at the edge.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** An offset span in a text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Maps offsets to positions. Line breaks are `\r\n`, `\n` or a lone `\r`,
 * as in VS Code, so CRLF files get the columns a user sees.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case, found with indexOf: several times faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line] + position.character, this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length + 1;
    let end = Math.min(next - 1, this.text.length);
    if (next <= this.text.length && end > 0 && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    if (next > this.text.length) end = this.text.length;
    return end;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /**
   * The character at an offset, as a range that stays inside its line's
   * content: empty at the end of a line (the parser stopped at a line break
   * or at the end of the text).
   */
  characterRange(offset: number): Range {
    const at = this.positionAt(offset);
    const length = this.lineEnd(at.line) - this.lineStarts[at.line];
    const character = Math.min(at.character, length);
    return { start: { line: at.line, character }, end: { line: at.line, character: Math.min(character + 1, length) } };
  }

  /** The whole content of one line, without its line break. */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: this.positionAt(this.lineEnd(line)) };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
