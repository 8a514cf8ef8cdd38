/**
 * Attendees as `participants` and named roles ("Incident commander: Jane")
 * as `roles`. Names are kept as written, initials included.
 */
import { readBlocks, stripInline } from './markdown';
import { isRealValue, readKeyValue } from './stats';
import { blankOr, trimEndWhere, trimStartWhere } from './trim';

export interface PeopleReading {
  readonly participants: string[];
  readonly roles: Record<string, string>;
  readonly kept: string[];
}

const ROLE_KEYS: ReadonlyArray<[string, RegExp]> = [
  ['commander', /^(incident )?(commander|manager|lead)$|^ic$/],
  ['communications', /^(comms?|communications?)( lead| manager)?$/],
  ['operations', /^(ops|operations?)( lead)?$/],
  ['scribe', /^(scribe|note ?taker|notes)$/],
];

export function roleOf(key: string): string | undefined {
  return ROLE_KEYS.find(([, pattern]) => pattern.test(key))?.[0];
}

export function readPeople(lines: readonly string[]): PeopleReading {
  const participants: string[] = [];
  const roles: Record<string, string> = {};
  const kept: string[] = [];
  const add = (name: string): void => {
    // "Support: Ana Ruiz" names a person and what they did.
    const clean = trimEndWhere(trimStartWhere(stripInline(name), blankOr('-–—')), blankOr('.')).replace(/^([A-Za-z][\w ]{0,20}):\s+(\S.*)$/, (_, what: string, who: string) => `${who} (${what.toLowerCase()})`);
    if (isRealValue(clean) && !participants.includes(clean)) participants.push(clean);
  };
  const readEntry = (text: string): boolean => {
    const pair = readKeyValue(text);
    const role = pair ? roleOf(pair.key) : undefined;
    if (pair && role && isRealValue(pair.value)) {
      roles[role] = pair.value;
      add(pair.value);
      return true;
    }
    const names = splitNames(stripInline(text));
    if (names.length === 0) return false;
    names.forEach(add);
    return true;
  };
  for (const block of readBlocks([...lines])) {
    if (block.kind === 'list') {
      for (const item of block.items) readEntry(item.text);
    } else if (block.kind === 'text') {
      for (const line of block.lines) if (line.trim() !== '' && !readEntry(line)) kept.push(line);
    } else kept.push(...block.lines);
  }
  return { participants, roles, kept };
}

/** "EC, MM, WC", "EC RF SD", "Ana and Bo"; a sentence is not a list of names. */
function splitNames(text: string): string[] {
  if (text === '' || text.split(/\s+/).length > 12 && !text.includes(',')) return [];
  if (/^([A-Z]{2,4}\s+)+[A-Z]{2,4}$/.test(text)) return text.split(/\s+/);
  return text.split(/\s*(?:,|;|\band\b|&)\s*/).filter((n) => n !== '');
}
