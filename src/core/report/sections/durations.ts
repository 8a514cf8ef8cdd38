/**
 * "How long incidents took": one distribution per measure and severity,
 * never a single mean. The note on why comes first, so nobody reads a
 * median as a target.
 */
import { formatDuration } from '../../durationText';
import type { DurationMeasure, DurationName, Insights, MissingReason } from '../../insights/types';
import { stripChart } from '../charts';
import { severityName } from '../format';
import { prose, refList } from '../inline';
import type { Block, Inline, Section } from '../model';

const WHY_NO_MEAN =
  'Why there is no single "mean time to …" number here: durations are skewed — a few long incidents pull an average far from the typical one — and some incidents cannot be hurried (a provider\'s fix, a data repair, a building that stays closed). Read each distribution and the incidents behind its long tail, per severity.';

const TITLES: Readonly<Record<DurationName, string>> = { detect: 'Time to detect', mitigate: 'Time to mitigate', resolve: 'Time to resolve' };

const DEFINITIONS: Readonly<Record<DurationName, string>> = {
  detect: '`detected` − `started`: from when impact began to when someone or something noticed.',
  mitigate: '`mitigated` − `started`: from when impact began to when it stopped.',
  resolve: '`resolved` − `started`: from when impact began to when the incident was closed operationally.',
};

const REASONS: Readonly<Record<MissingReason, (field: string) => string>> = {
  'still-open': (field) => `Not ${field} yet (still open)`,
  'no-end': (field) => `No \`${field}\` time recorded`,
  'no-start': () => 'No `started` time',
  'out-of-order': (field) => `\`${field}\` is before \`started\` (see lifecycle-order)`,
};

export function durationSections(insights: Insights, name: (key: string) => string): Section[] {
  const intro: Block[] = [{ kind: 'text', style: 'note', parts: [WHY_NO_MEAN] }];
  if (insights.durations.nearMisses.length > 0) {
    intro.push({ kind: 'text', style: 'note', parts: ['Near misses are left out (there was no impact to time): ', ...refList(insights.durations.nearMisses), '.'] });
  }
  return [{ id: 'durations', title: 'How long incidents took', level: 2, blocks: intro }, ...insights.durations.measures.map((measure) => measureSection(measure, name))];
}

function measureSection(measure: DurationMeasure, name: (key: string) => string): Section {
  const title = TITLES[measure.name];
  const blocks: Block[] = [{ kind: 'text', style: 'definition', parts: prose(DEFINITIONS[measure.name]) }];
  if (measure.groups.length === 0) {
    blocks.push({ kind: 'text', parts: ['No incident here has both times yet.'] });
  } else {
    // Formatted only for the incidents a cell shows: rows can hold thousands.
    const msOf = new Map<string, number>();
    for (const group of measure.groups) for (const point of group.points) msOf.set(point.key, point.ms);
    const durationOf = (key: string) => {
      const ms = msOf.get(key);
      return ms === undefined ? '' : formatDuration(ms);
    };
    const rows = measure.groups.map((group) => {
      const { spread } = group;
      return [
        [severityName(group.severity)],
        [String(spread.n)],
        [formatDuration(spread.median)],
        [spread.n > 1 ? `${formatDuration(spread.q1)} – ${formatDuration(spread.q3)}` : '—'],
        [spread.n > 1 ? `${formatDuration(spread.min)} – ${formatDuration(spread.max)}` : formatDuration(spread.min)],
        refList(
          group.points.map((point) => point.key),
          12,
          durationOf,
        ),
      ];
    });
    const description = `Dot plot: ${title.toLowerCase()} per incident, one row per severity, with the middle half of each row as a band and its median as a line. The table below has the numbers.`;
    blocks.push({
      kind: 'figure',
      chart: stripChart(measure.groups, name, description),
      table: {
        caption: `${title}, by severity`,
        columns: [{ label: 'Severity' }, { label: 'Incidents', numeric: true }, { label: 'Median', numeric: true }, { label: 'Middle half', numeric: true }, { label: 'Range', numeric: true }, { label: 'Each incident, shortest first' }],
        rows,
      },
    });
  }
  const reasons = new Map<MissingReason, string[]>();
  for (const missing of measure.missing) {
    const list = reasons.get(missing.reason);
    if (list) list.push(missing.key);
    else reasons.set(missing.reason, [missing.key]);
  }
  if (reasons.size > 0) {
    const items: Inline[][] = [...reasons].map(([reason, keys]) => [...prose(REASONS[reason](measure.endField)), ': ', ...refList(keys)]);
    blocks.push({ kind: 'text', parts: ['Not measured, and why:'] }, { kind: 'list', items });
  }
  return { id: `durations-${measure.name}`, title, level: 3, blocks };
}
