/**
 * Incident ids written in any text (an incident, a code comment, a commit
 * message): where they are, which one is under the cursor, and the edits that
 * rename one. Only ids of known incidents count, so `UTF-8` or `SHA-256`
 * never read as an incident.
 */
import { INCIDENT_ID_PATTERN } from '../ids';
import type { Span } from '../text';

export interface IdOccurrence {
  readonly id: string;
  readonly span: Span;
}

/** An id-shaped word: not part of a longer word or a longer id (`INC-2026-001-2`, `XINC-2026-001`). */
const ID_WORD = /(?<![\w-])[A-Z][A-Z0-9]*(?:-\d+)+(?![\w-]*\w)/g;

export function idOccurrences(text: string, known: (id: string) => boolean): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  for (const match of text.matchAll(ID_WORD)) {
    if (known(match[0])) found.push({ id: match[0], span: { start: match.index, end: match.index + match[0].length } });
  }
  return found;
}

/** The known id the offset is in or touches (the cursor right after an id counts). */
export function idAt(text: string, offset: number, known: (id: string) => boolean): IdOccurrence | undefined {
  // Ids are short: a window around the offset holds any id that touches it, without scanning a long file.
  const from = Math.max(0, offset - 64);
  const window = text.slice(from, offset + 64);
  return idOccurrences(window, known)
    .map(({ id, span }) => ({ id, span: { start: span.start + from, end: span.end + from } }))
    .find(({ span }) => span.start <= offset && offset <= span.end);
}

/** Why a new id cannot replace an old one; undefined when it can. */
export function renameProblem(newId: string, taken: (id: string) => boolean): string | undefined {
  if (!INCIDENT_ID_PATTERN.test(newId)) return `"${newId}" is not an incident id. Ids look like INC-2026-014.`;
  if (taken(newId)) return `Another incident already uses the id ${newId}.`;
  return undefined;
}
