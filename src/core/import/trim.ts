/**
 * Trimming runs of given characters off the ends of a text, in linear time.
 * `.replace(/[:\s]+$/, '')` and its kind are not: the regex retries from
 * every character of a run that stops short of the end, so a run of 12,000
 * colons, dots or dashes inside a timeline line, an action or a heading took
 * a quarter of a second, and four times as many took sixteen times as long.
 */

export function isWhitespace(c: string): boolean {
  return /\s/.test(c);
}

/** A test for one of the characters of `marks`. */
export function oneOf(marks: string): (c: string) => boolean {
  return (c) => marks.includes(c);
}

/** A test for whitespace or one of the characters of `marks`. */
export function blankOr(marks: string): (c: string) => boolean {
  return (c) => isWhitespace(c) || marks.includes(c);
}

/** The text without the trailing characters `isTrimmed` accepts: `.replace(/[…]+$/, '')`. */
export function trimEndWhere(text: string, isTrimmed: (c: string) => boolean): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The text without the leading characters `isTrimmed` accepts: `.replace(/^[…]+/, '')`. */
export function trimStartWhere(text: string, isTrimmed: (c: string) => boolean): string {
  let start = 0;
  while (start < text.length && isTrimmed(text[start])) start++;
  return text.slice(start);
}
