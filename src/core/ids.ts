/** Id rules: the format's pattern and allocation of the next free incident and action ids. */

export const INCIDENT_ID_PATTERN = /^[A-Z][A-Z0-9]*-\d+(-\d+)?$/;

/**
 * The next free id of the form PREFIX-YEAR-NNN, one above the highest number
 * already used for that prefix and year (gaps are not reused: ids are cited
 * in chat logs and commits, so a number never changes meaning).
 */
export function nextIncidentId(existingIds: Iterable<string>, year: number, prefix = 'INC'): string {
  const head = `${prefix}-${year}-`;
  let highest = 0;
  let width = 3;
  for (const id of existingIds) {
    if (!id.startsWith(head)) continue;
    const rest = id.slice(head.length);
    if (!/^\d+$/.test(rest)) continue;
    highest = Math.max(highest, Number(rest));
    width = Math.max(width, rest.length);
  }
  return head + String(highest + 1).padStart(width, '0');
}

/**
 * The next free action id of the form `A<n>`, one above the highest used in
 * the incident (as with incident ids, a gap is not reused: actions are cited
 * by id in tickets and reviews).
 */
export function nextActionId(existingIds: Iterable<unknown>): string {
  // BigInt: an id like A99999999999999999999 would otherwise come back as A1e+20.
  let highest = 0n;
  for (const id of existingIds) {
    const number = typeof id === 'string' ? /^A(\d+)$/.exec(id)?.[1] : undefined;
    if (number && BigInt(number) > highest) highest = BigInt(number);
  }
  return `A${highest + 1n}`;
}
