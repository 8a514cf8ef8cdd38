/**
 * Timeline kinds as the panel labels them. The list repeats the format's
 * (src/core/schema.ts) so the webview bundle need not load the whole schema;
 * a unit test keeps the two equal.
 */
export const ENTRY_KINDS = ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What each kind means, for tooltips and screen readers. */
export const KIND_MEANING: Readonly<Record<EntryKind, string>> = {
  trigger: 'what set the incident off',
  detection: 'someone or something noticed',
  diagnosis: 'learning what was wrong',
  action: 'something someone did',
  communication: 'telling users or colleagues',
  decision: 'a choice that was made',
  observation: 'something seen, no action yet',
  mitigation: 'what stopped the impact',
  resolution: 'closing the incident',
};

export function isEntryKind(kind: string): kind is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(kind);
}
