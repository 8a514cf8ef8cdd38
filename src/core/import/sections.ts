/**
 * What a heading is about. Postmortems name the same parts in many ways
 * ("Root cause", "Contributing factors (findings)", "Follow-ups"...); this
 * maps the usual variations to the parts the importer understands.
 */

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'factors'
  | 'actions'
  | 'learnings'
  | 'went-well'
  | 'lucky'
  | 'open-questions'
  | 'perspectives'
  | 'participants'
  | 'stats'
  | 'narrative';

interface Rule {
  readonly kind: SectionKind;
  readonly pattern: RegExp;
}

// Order matters: the first match wins ("Timeline of impact" is a timeline).
const RULES: readonly Rule[] = [
  { kind: 'timeline', pattern: /\b(timeline|time ?line|chronology|sequence of events|events? log|log of events|incident log)\b/ },
  { kind: 'went-well', pattern: /\b(went well|what worked|things that went well)\b/ },
  { kind: 'lucky', pattern: /\b(got lucky|were lucky|luck)\b/ },
  { kind: 'open-questions', pattern: /\b(open questions?|unanswered questions?|questions)\b/ },
  {
    kind: 'factors',
    pattern: /\b(contributing factors?|root ?causes?( analysis)?|causes?|causal factors?|why did (it|this) happen|why it happened|what caused|trigger|triggers|five whys|5 whys)\b/,
  },
  { kind: 'narrative', pattern: /\b(actions taken|steps taken|response)\b/ },
  {
    kind: 'actions',
    pattern: /\b(action items?|actions?( plan)?|follow[- ]?ups?|next steps|remediations?|corrective|preventive|preventative|to-?dos?|tasks|improvements?)\b/,
  },
  { kind: 'learnings', pattern: /\b(lessons?( learned| learnt)?|learnings?|what we learned|takeaways?|key takeaways|reflections?)\b/ },
  { kind: 'participants', pattern: /\b(attendees|atendees|attendance|participants|responders|present|(people|teams|who was) involved)\b/ },
  { kind: 'stats', pattern: /\b(stats|statistics|metrics|key numbers|incident (details|metadata|info)|metadata)\b/ },
  { kind: 'perspectives', pattern: /\bperspectives?\b/ },
  { kind: 'impact', pattern: /\b(impact|customer impact|user impact|who was affected|blast radius)\b/ },
  { kind: 'summary', pattern: /\b(summary|overview|tl;? ?dr|synopsis|abstract|description|what happened|background)\b/ },
];

/** Words that alone make a heading in a wiki paste (`**Timeline**` on its own line). */
const STANDALONE = new Set([
  'summary',
  'executive summary',
  'overview',
  'impact',
  'customer impact',
  'timeline',
  'root cause',
  'root causes',
  'contributing factors',
  'trigger',
  'resolution',
  'detection',
  'action items',
  'actions',
  'follow-ups',
  'follow ups',
  'next steps',
  'lessons learned',
  'learnings',
  'what went well',
  'what went wrong',
  'where we got lucky',
  'attendees',
  'participants',
  'stats',
  'supporting information',
]);

export function classifyHeading(heading: string): SectionKind | undefined {
  const text = normalise(heading);
  if (!text) return undefined;
  return RULES.find((rule) => rule.pattern.test(text))?.kind;
}

export function isStandaloneHeading(heading: string): boolean {
  return STANDALONE.has(normalise(heading));
}

function normalise(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N};'\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
