/**
 * Adds a `factors:` list with one placeholder entry, where the format puts
 * it (after the last field that comes before it), for the write-up step's
 * button. The result says where the placeholder's text is, so the editor can
 * select it and the reader types over it.
 */
import { FrontMatterText } from '../edits/frontMatterEdits';
import type { TextEdit } from '../edits/textEdit';
import { firstPresent, insertTopLevel } from '../edits/topLevel';
import { checked } from '../edits/verify';
import { KNOWN_FIELDS } from '../schema';
import { stripBom } from '../text';
import { UNREADABLE } from './reviewEdits';

export type FactorsEditResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[]; readonly line: number; readonly character: number; readonly endCharacter: number }
  | { readonly ok: false; readonly message: string };

/** Valid as it stands (so the file stays clean), and plainly a prompt to replace. */
export const FACTOR_PLACEHOLDER = 'Describe one condition that lined up';

const ENTRY_PREFIX = '  - {kind: other, text: ';

/** The format's fields before `factors`, nearest first: the new list goes after the first one present. */
const FIELDS_BEFORE_FACTORS = KNOWN_FIELDS.slice(0, KNOWN_FIELDS.indexOf('factors')).reverse();

export function insertFactors(rawText: string): FactorsEditResult {
  const text = stripBom(rawText);
  const fm = FrontMatterText.parse(text);
  if (!fm) return { ok: false, message: UNREADABLE };
  if (fm.value.factors !== undefined) return { ok: false, message: `There is already a \`factors:\` field (line ${fm.locator.keyRange(['factors']).start.line + 1}).` };
  const edit = insertTopLevel(fm, ['factors:', `${ENTRY_PREFIX}${FACTOR_PLACEHOLDER}}`], firstPresent(fm, FIELDS_BEFORE_FACTORS));
  const edits = checked(fm, [edit], (value) => Array.isArray(value.factors) && value.factors.length === 1);
  if (!edits) return { ok: false, message: 'A `factors:` list could not be added without disturbing other lines. Add it in the file instead.' };
  const line = edit.range.start.line + 1;
  return { ok: true, edits, line, character: ENTRY_PREFIX.length, endCharacter: ENTRY_PREFIX.length + FACTOR_PLACEHOLDER.length };
}
