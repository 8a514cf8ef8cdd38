/**
 * The kinds a timeline entry may have, in the order an incident is usually
 * told, and what each means. Apart from the schema so the webview bundles
 * need not carry zod to list them.
 */
export const TIMELINE_KINDS = ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What each kind means, for tooltips and screen readers. */
export const KIND_MEANING: Readonly<Record<TimelineKind, string>> = {
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

export function isTimelineKind(kind: unknown): kind is TimelineKind {
  return typeof kind === 'string' && (TIMELINE_KINDS as readonly string[]).includes(kind);
}
