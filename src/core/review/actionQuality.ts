/**
 * "Goldilocks" action items: not so small they do not matter, not so big
 * they never get done. Each open item needs an owner and a due date within a
 * horizon after the review (default 60 days: it should fit into the next
 * month or two), each item should trace back to a factor or a learning, and
 * an incident should not pile up more open items than a team finishes
 * (default 5): a long list of follow-ups that never happen teaches people
 * that reviews are a waste of time.
 */
import type { ActionSummary, IncidentSummary } from '../incident';
import { DAY_MS, formatDate, parseDate } from '../timestamps';
import type { ActionQuality, ActionQualityItem, ActionTest, ActionTestResult } from './types';

export interface ActionQualityInput {
  readonly incident: IncidentSummary;
  /** The text of the Learnings section, for the "linked" test. */
  readonly learnings: string;
  readonly horizonDays: number;
  readonly maxOpen: number;
  readonly todayMs: number;
}

/** Open, in progress, or without a status (which the linter reports): still to be done. */
export function isActive(status: string): boolean {
  return status === 'open' || status === 'in-progress' || status === '';
}

export function actionQuality(input: ActionQualityInput): ActionQuality {
  const { incident, horizonDays, maxOpen } = input;
  const horizonFrom = horizonStart(input);
  const limitMs = horizonFrom.ms + horizonDays * DAY_MS;
  const factorWords = incident.factors.map((factor) => ({ label: `factor (${factor.kind})`, words: contentWords(factor.text) }));
  const learningWords = contentWords(input.learnings);

  const items = incident.actions.map((action): ActionQualityItem => {
    const active = isActive(action.status);
    const link = linkOf(action, factorWords, learningWords);
    const tests: ActionTestResult[] = [];
    if (active) {
      tests.push(ownerTest(action), dueTest(action));
      if (action.dueMs !== undefined) tests.push(horizonTest(action.dueMs, limitMs, horizonFrom, horizonDays));
    }
    if (action.status !== 'dropped') {
      tests.push(link ? { test: 'linked', ok: true, message: `Linked to a ${link}.` } : { test: 'linked', ok: false, message: 'Not clearly linked to a factor or a learning: which one does it address?' });
    }
    return {
      id: action.id,
      title: action.title,
      owner: action.owner ?? '',
      due: action.due ?? '',
      status: action.status,
      active,
      line: action.range.start.line,
      tests,
      linkedTo: link ?? '',
    };
  });

  const failing: Record<ActionTest, number> = { owner: 0, due: 0, horizon: 0, linked: 0 };
  for (const item of items) for (const test of item.tests) if (!test.ok) failing[test.test]++;
  const activeCount = items.filter((item) => item.active).length;
  const okCount = items.filter((item) => item.tests.every((test) => test.ok)).length;
  const quality = {
    items,
    activeCount,
    maxOpen,
    tooMany: activeCount > maxOpen,
    horizonDays,
    horizonFrom: { date: formatDate(horizonFrom.ms), basis: horizonFrom.basis },
    okCount,
    failing,
    line: incident.fieldLines.actions ?? -1,
  };
  return { ...quality, summary: summaryLine(quality) };
}

function ownerTest(action: ActionSummary): ActionTestResult {
  return action.owner?.trim() ? { test: 'owner', ok: true, message: `Owner: ${action.owner}.` } : { test: 'owner', ok: false, message: 'No owner: who will see it through?' };
}

function dueTest(action: ActionSummary): ActionTestResult {
  if (!action.due) return { test: 'due', ok: false, message: 'No due date: when should it be done?' };
  if (action.dueMs === undefined) return { test: 'due', ok: false, message: `The due date "${action.due}" is not a day like 2026-12-15.` };
  return { test: 'due', ok: true, message: `Due ${action.due}.` };
}

function horizonTest(dueMs: number, limitMs: number, from: { ms: number; basis: HorizonBasis }, horizonDays: number): ActionTestResult {
  const since = FROM_WORDS[from.basis];
  if (dueMs <= limitMs) return { test: 'horizon', ok: true, message: `Due within ${horizonDays} days after ${since}.` };
  const days = Math.round((dueMs - from.ms) / DAY_MS);
  const note = from.basis === 'review' ? '' : '; no review date yet';
  return { test: 'horizon', ok: false, message: `Due ${days} days after ${since} (horizon ${horizonDays} days${note}): can it be made smaller, or be planned work instead?` };
}

type HorizonBasis = ActionQuality['horizonFrom']['basis'];

const FROM_WORDS: Readonly<Record<HorizonBasis, string>> = {
  review: 'the review',
  resolved: 'the incident was resolved',
  started: 'the incident started',
  today: 'today',
};

/** The horizon counts from the review; before there is a review date, from the incident itself, or today. */
function horizonStart({ incident, todayMs }: ActionQualityInput): { ms: number; basis: HorizonBasis } {
  const held = incident.review?.held ? parseDate(incident.review.held) : undefined;
  if (held !== undefined) return { ms: held, basis: 'review' };
  if (incident.resolved) return { ms: parseDate(incident.resolved.text) ?? todayMs, basis: 'resolved' };
  if (incident.started) return { ms: parseDate(incident.started.text) ?? todayMs, basis: 'started' };
  return { ms: todayMs, basis: 'today' };
}

function summaryLine(quality: Omit<ActionQuality, 'summary'>): string {
  const total = quality.items.length;
  if (total === 0) return 'No action items yet. One or two that fit into the next month or two beat a long list.';
  const parts = [`${total} ${total === 1 ? 'item' : 'items'}`, `${quality.okCount} ok`];
  const { failing } = quality;
  if (failing.owner) parts.push(`${failing.owner} without an owner`);
  if (failing.due) parts.push(`${failing.due} without a due date`);
  if (failing.horizon) parts.push(`${failing.horizon} due after the ${quality.horizonDays}-day horizon`);
  if (failing.linked) parts.push(`${failing.linked} not linked to a factor or learning`);
  if (quality.tooMany) parts.push(`${quality.activeCount} open, more than ${quality.maxOpen}`);
  return parts.join(' · ');
}

// ---- linked: shared words ---------------------------------------------------

const STOP_WORDS = new Set(
  'about after again also before being between both could does done each every from have into just like made make many more most much must need only other over same should some such than that their them then there these they this those through under until very were what when where which while will with within without would your'.split(' '),
);

/**
 * Words of four letters or more, lower case, cut to their first five letters
 * after a plural s: a rough stem ("alerts", "alerting" and "alert" meet),
 * enough to see that two sentences talk about the same thing.
 */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []) {
    if (STOP_WORDS.has(raw)) continue;
    words.add(raw.replace(/([^s])s$/, '$1').slice(0, 5));
  }
  return words;
}

function linkOf(action: ActionSummary, factors: readonly { label: string; words: Set<string> }[], learnings: Set<string>): string | undefined {
  const words = contentWords(action.title);
  const shares = (other: Set<string>) => [...words].some((word) => other.has(word));
  const factor = factors.find((candidate) => shares(candidate.words));
  if (factor) return factor.label;
  return shares(learnings) ? 'learning' : undefined;
}
