/** Incident ids named in free text such as commit messages. */

/**
 * The format's id pattern, found inside text. A letter, digit or underscore
 * right before or after means the match is part of a longer word
 * (`XINC-1`, `INC-12a`), so it is no id. Callers keep only ids of known
 * incidents, which filters look-alikes such as `UTF-8` or `CVE-2024-1234`.
 */
const ID_IN_TEXT = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*-\d+(?:-\d+)?(?![A-Za-z0-9_])/g;

/** Every distinct id-shaped word in `text`, in order of first appearance. */
export function findIncidentIdMentions(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(ID_IN_TEXT)) found.add(match[0]);
  return [...found];
}
