/** Small builders for the document's text: incident lists that stay readable at any size. */
import type { Inline } from './model';

/** Lists in a table cell stop here and say how many more there are. */
const MAX_REFS = 10;

/** "INC-1, INC-2 and 3 more", as inline parts. */
export function refList(keys: readonly string[], max = MAX_REFS, describe?: (key: string) => string): Inline[] {
  const parts: Inline[] = [];
  const shown = keys.length > max ? keys.slice(0, max) : keys;
  shown.forEach((key, index) => {
    if (index > 0) parts.push(', ');
    parts.push({ ref: key });
    const note = describe?.(key);
    if (note) parts.push(` (${note})`);
  });
  if (keys.length > shown.length) parts.push(` and ${keys.length - shown.length} more`);
  return parts;
}

/** The report's own sentences, where `backticks` mark code spans. Never for incident text. */
export function prose(sentence: string): Inline[] {
  return sentence.split('`').flatMap((piece, index): Inline[] => (piece === '' ? [] : index % 2 === 1 ? [{ code: piece }] : [piece]));
}
