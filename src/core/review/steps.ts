/**
 * The four steps of a narrative, blameless review, each checked against the
 * file: gather the data, collect perspectives, hold the review, write it up.
 * A check says what is there or what is missing, and where its button leads.
 */
import type { IncidentSummary } from '../incident';
import type { BodySection, IncidentBody } from './outline';
import { FACILITATOR_PROMPTS } from './prompts';
import { findSection, isGroup, isResponderGroup } from './sectionNames';
import { type CheckTarget, type ReviewStep, type SectionName, type StepCheck, type StepId, WIDER_GROUPS } from './types';

export interface StepContext {
  readonly incident: IncidentSummary;
  readonly body: IncidentBody;
  /** 0-based line of the closing `---`: where a missing front matter field is typed. */
  readonly frontMatterEndLine: number;
}

const TITLES: Readonly<Record<StepId, string>> = {
  gather: 'Gather the data',
  perspectives: 'Collect perspectives',
  hold: 'Hold the review',
  writeUp: 'Write it up',
};

export function reviewSteps(context: StepContext): ReviewStep[] {
  return [
    step('gather', 1, gatherChecks(context)),
    step('perspectives', 2, perspectiveChecks(context)),
    step('hold', 3, holdChecks(context)),
    step('writeUp', 4, writeUpChecks(context)),
  ];
}

function step(id: StepId, number: number, checks: StepCheck[]): ReviewStep {
  return { id, number, title: TITLES[id], done: checks.every((check) => check.done), checks, prompts: FACILITATOR_PROMPTS[id] };
}

// ---- 1 gather the data ------------------------------------------------------

const MOMENTS = [
  { kind: 'trigger', label: 'Trigger in the timeline', missing: 'No trigger entry yet: what set the incident off?' },
  { kind: 'detection', label: 'Detection in the timeline', missing: 'No detection entry yet: who or what noticed first?' },
  { kind: 'mitigation', label: 'Mitigation in the timeline', missing: 'No mitigation entry yet: what stopped the impact?' },
] as const;

function gatherChecks({ incident, frontMatterEndLine }: StepContext): StepCheck[] {
  const timelineLine = incident.timeline.line;
  return MOMENTS.map(({ kind, label, missing }) => {
    const count = incident.timeline.kinds[kind] ?? 0;
    const targets: CheckTarget[] = [{ kind: 'openTimeline' }, { kind: 'reveal', line: timelineLine ?? frontMatterEndLine }];
    return { id: `timeline-${kind}`, label, done: count > 0, detail: count > 0 ? `${count} ${kind} ${count === 1 ? 'entry' : 'entries'}` : missing, targets: count > 0 ? [] : targets };
  });
}

// ---- 2 perspectives -----------------------------------------------------------

/** Perspectives beyond the responders that a review should hear. */
const MIN_WIDER_PERSPECTIVES = 2;

function perspectiveChecks({ body }: StepContext): StepCheck[] {
  const section = findSection(body.sections, 'Perspectives');
  const groups = section?.children ?? [];
  const written = groups.filter((group) => group.hasContent);
  const wider = written.filter((group) => !isResponderGroup(group.title));
  const suggestions = WIDER_GROUPS.filter((name) => !groups.some((group) => isGroup(group.title, name)));
  const done = wider.length >= MIN_WIDER_PERSPECTIVES;
  const checks: StepCheck[] = [
    {
      id: 'perspectives-wider',
      label: `${MIN_WIDER_PERSPECTIVES} perspectives beyond the responders`,
      done,
      detail: perspectiveDetail(written, wider, suggestions),
      targets: done ? [] : suggestions.map((group): CheckTarget => ({ kind: 'insertPerspective', group })),
    },
  ];
  for (const group of groups.filter((child) => !child.hasContent)) {
    checks.push({ id: `perspective-empty-${group.line}`, label: `${group.title}: not written yet`, done: false, detail: 'The heading is there; their story is not yet.', targets: [{ kind: 'reveal', line: group.line }] });
  }
  return checks;
}

function perspectiveDetail(written: readonly BodySection[], wider: readonly BodySection[], suggestions: readonly string[]): string {
  const names = (list: readonly BodySection[]) => list.map((group) => group.title).join(', ');
  const ask = suggestions.length > 0 ? ` Add ${suggestions.map((name) => name.toLowerCase()).join('? ')}?` : '';
  if (written.length === 0) return `No perspectives written yet.${ask}`;
  if (wider.length >= MIN_WIDER_PERSPECTIVES) return `Written: ${names(written)}.`;
  if (wider.length === 0) return `Only ${names(written).toLowerCase()} so far.${ask}`;
  return `Written: ${names(written)}; one more group beyond the responders.${ask}`;
}

// ---- 3 hold the review ------------------------------------------------------

function holdChecks({ incident }: StepContext): StepCheck[] {
  const review = incident.review ?? {};
  const facilitator = review.facilitator?.trim() ?? '';
  const held = review.held?.trim() ?? '';
  const status = review.status?.trim() ?? '';
  const statusDone = status === 'in-review' || status === 'done';
  return [
    {
      id: 'facilitator',
      label: 'Facilitator named',
      done: facilitator.length > 0,
      detail: facilitator ? facilitator : 'Who guides the conversation? Ideally someone who was not on the call.',
      targets: facilitator ? [] : [{ kind: 'reviewField', field: 'facilitator' }],
    },
    {
      id: 'held',
      label: 'Review date',
      done: held.length > 0,
      detail: held ? `Held ${held}` : 'When the review is (or was) held.',
      targets: held ? [] : [{ kind: 'reviewField', field: 'held' }],
    },
    {
      id: 'review-status',
      label: 'Review under way',
      done: statusDone,
      detail: status ? `Status: ${status}` : 'No review status yet (draft, in-review, done).',
      targets: statusDone ? [] : [{ kind: 'reviewField', field: 'status' }],
    },
  ];
}

// ---- 4 write it up ----------------------------------------------------------

function writeUpChecks(context: StepContext): StepCheck[] {
  const { incident } = context;
  const factorCount = incident.factors.length;
  // A `factors:` key with nothing listed yet is shown; a missing one is added.
  const factorsLine = incident.fieldLines.factors;
  const kinds = [...new Set(incident.factors.map((factor) => factor.kind))].join(', ');
  return [
    sectionCheck(context, 'Summary', 'What happened, in a few sentences, for someone who was not there.'),
    {
      id: 'factors',
      label: 'Contributing factors',
      done: factorCount > 0,
      detail: factorCount > 0 ? `${factorCount} ${factorCount === 1 ? 'factor' : 'factors'}: ${kinds}` : 'None yet. List the conditions that lined up (factors, never one root cause) under `factors:`.',
      targets: factorCount > 0 ? [] : [factorsLine === undefined ? { kind: 'insertFactors' } : { kind: 'reveal', line: factorsLine }],
    },
    sectionCheck(context, 'Open questions', 'What the team still does not know: questions are findings too.'),
    sectionCheck(context, 'Learnings', 'What the team now knows that it did not before.'),
  ];
}

function sectionCheck({ body }: StepContext, name: SectionName, why: string): StepCheck {
  const section = findSection(body.sections, name);
  const id = `section-${name.toLowerCase().replace(/\s+/g, '-')}`;
  if (!section) return { id, label: name, done: false, detail: `No "${name}" section. ${why}`, targets: [{ kind: 'insertSection', section: name }] };
  if (!section.hasContent) return { id, label: name, done: false, detail: `"${section.title}" is there, with nothing written under it yet.`, targets: [{ kind: 'reveal', line: section.line }] };
  return { id, label: name, done: true, detail: `Written (line ${section.line + 1})`, targets: [{ kind: 'reveal', line: section.line }] };
}
