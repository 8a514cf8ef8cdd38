/**
 * The top insight: one sentence from the strongest signal, with its numbers,
 * so a reader can follow the trail from the claim to the incidents.
 *
 * Candidates are the most-touched code area, the most-affected service and
 * the most common contributing-factor kind, each by its share of incidents,
 * and overdue action items by their share of the open ones. A candidate
 * needs at least two incidents and a fifth of them (overdue: three items and
 * half of the open ones); the largest share wins, and on equal shares the
 * order above decides (a code area is where to invest most directly).
 */
import { severeLabel } from './severity';
import type { FollowThrough, InsightFilters, Tally, TallyRow, TopInsight, TopKind } from './types';

const MIN_COUNT = 2;
const MIN_SHARE = 0.2;
const MIN_OVERDUE = 3;
const MIN_OVERDUE_SHARE = 0.5;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How a factor kind reads in "had … among their contributing factors". */
const FACTOR_PHRASES: Readonly<Record<string, string>> = {
  change: 'a change',
  capacity: 'capacity',
  dependency: 'a dependency',
  config: 'configuration',
  monitoring: 'monitoring',
  process: 'process',
  knowledge: 'knowledge',
  communication: 'communication',
  other: 'an "other" factor',
};

const TOP_BASIS =
  'Compared: the code area, service and contributing-factor kind named by the largest share of incidents (at least 2, and a fifth of them), and overdue action items (at least 3, and half of the open ones).';

export interface TopInput {
  readonly total: number;
  readonly filters: InsightFilters;
  readonly firstDay?: string;
  readonly lastDay?: string;
  readonly today: string;
  readonly severe: readonly string[];
  readonly areas: Tally;
  readonly services: Tally;
  readonly factors: Tally;
  readonly followThrough: FollowThrough;
}

interface Candidate {
  readonly kind: TopKind;
  readonly share: number;
  readonly sentence: string;
  readonly incidents: readonly string[];
}

export function topInsight(input: TopInput): TopInsight {
  const period = periodPhrase(input.filters.from ?? input.firstDay, input.filters.to, input.lastDay);
  const subject = `${input.total} ${input.total === 1 ? 'incident' : 'incidents'}${period ? ` ${period}` : ''}`;
  if (input.total === 0) {
    const filtered = Object.keys(input.filters).length > 0;
    return { kind: 'none', sentence: filtered ? 'No incidents match these filters.' : 'There are no incidents to read yet.', incidents: [], basis: TOP_BASIS };
  }
  const candidates: Candidate[] = [];
  const severe = severeLabel(input.severe);
  const tallyCandidate = (kind: TopKind, tally: Tally, noun: string, name: (label: string) => string, verb: (label: string) => string, chosen?: string) => {
    // Under a service filter every incident names that service: no news, so the next one competes.
    const rows = chosen === undefined ? tally.rows : tally.rows.filter((row) => row.label !== chosen);
    const top = rows[0];
    if (!top || top.count < MIN_COUNT || top.count / input.total < MIN_SHARE) return;
    const of = `${top.count} of ${subject}`;
    const sentence = `${of} ${verb(top.label)} — ${comparison(rows, noun, name)}; ${severeClause(top, rows, severe, name)}.`;
    candidates.push({ kind, share: top.count / input.total, sentence, incidents: top.incidents });
  };
  tallyCandidate('area', input.areas, 'area', areaName, (label) => `touched ${areaName(label)}`);
  tallyCandidate('service', input.services, 'service', (label) => label, (label) => `affected ${label}`, input.filters.service);
  tallyCandidate('factor', input.factors, 'kind', (label) => label, (label) => `had ${FACTOR_PHRASES[label] ?? label} among their contributing factors`);

  const { open, overdue } = input.followThrough;
  if (overdue.length >= MIN_OVERDUE && overdue.length / open.length >= MIN_OVERDUE_SHARE) {
    const incidents = [...new Set(overdue.map((action) => action.incident))];
    candidates.push({
      kind: 'follow-through',
      share: overdue.length / open.length,
      sentence: `${overdue.length} of ${open.length} open action items from ${subject} are overdue as of ${input.today}; ${incidents.length === 1 ? '1 incident is' : `${incidents.length} incidents are`} waiting on them.`,
      incidents,
    });
  }
  // Stable sort: on equal shares, the order the candidates were added in decides.
  const best = candidates.sort((a, b) => b.share - a.share)[0];
  if (!best) {
    return {
      kind: 'none',
      sentence: `${cap(subject)}: no code area, service or contributing factor recurs in enough of them to stand out, and follow-through shows no backlog.`,
      incidents: [],
      basis: TOP_BASIS,
    };
  }
  return { kind: best.kind, sentence: best.sentence, incidents: best.incidents, basis: TOP_BASIS };
}

function areaName(label: string): string {
  return `${label}/`;
}

/** "more than any other area", "as many as config/", "as many as config/ and 2 more". */
function comparison(rows: readonly TallyRow[], noun: string, name: (label: string) => string): string {
  const [top, second] = rows;
  if (!second) return `the only ${noun} named`;
  const tied = rows.slice(1).filter((row) => row.count === top.count);
  if (tied.length === 0) return `more than any other ${noun} (next: ${name(second.label)}, ${second.count})`;
  return tied.length === 1 ? `as many as ${name(tied[0].label)}` : `as many as ${name(tied[0].label)} and ${tied.length - 1} more`;
}

function severeClause(top: TallyRow, rows: readonly TallyRow[], severe: string, name: (label: string) => string): string {
  const many = top.severe === 0 ? `none of them was ${severe}` : top.severe === top.count ? `all of them were ${severe}` : `${top.severe} of them ${top.severe === 1 ? 'was' : 'were'} ${severe}`;
  const tied = rows.slice(1).filter((row) => row.count === top.count);
  return tied.length === 1 && tied[0].severe !== top.severe ? `${many} (${name(tied[0].label)}: ${tied[0].severe})` : many;
}

/** "since June 2026", "from June 2026 to September 2026", "in June 2026"; '' without dates. */
export function periodPhrase(from: string | undefined, to: string | undefined, lastDay?: string): string {
  if (!from) return to ? `until ${monthName(to)}` : '';
  if (!to) return lastDay && lastDay.slice(0, 7) === from.slice(0, 7) ? `in ${monthName(from)}` : `since ${monthName(from)}`;
  if (from.slice(0, 7) === to.slice(0, 7)) return `in ${monthName(from)}`;
  return `from ${monthName(from)} to ${monthName(to)}`;
}

export function monthName(day: string): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1] ?? day.slice(5, 7)} ${day.slice(0, 4)}`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
