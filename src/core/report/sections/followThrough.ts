/**
 * "Follow-through on action items": what got done, what waits and for how
 * long, what was dropped and why. Review meetings lose trust when their
 * items go nowhere; this is where a team sees whether they do.
 */
import type { ActionRef, Insights } from '../../insights/types';
import { formatDays, plural } from '../format';
import { prose, refList } from '../inline';
import type { Block, Cell, Section } from '../model';

const MAX_ROWS = 25;

export function followThroughSection(insights: Insights): Section {
  const follow = insights.followThrough;
  const today = insights.scope.today;
  const blocks: Block[] = [
    {
      kind: 'text',
      style: 'definition',
      parts: prose(
        `Action items (\`actions\`) of these incidents, as of ${today}. Open includes in progress; overdue means open with a due date before ${today}. An open item's age counts from the day its incident started: the files do not record when an item was added.`,
      ),
    },
  ];
  if (follow.total === 0) {
    blocks.push({ kind: 'text', parts: ['These incidents have no action items yet.'] });
    if (follow.withoutActions.length > 0) blocks.push({ kind: 'text', style: 'note', parts: ['No action items: ', ...refList(follow.withoutActions), '.'] });
    return { id: 'follow-through', title: 'Follow-through on action items', level: 2, blocks };
  }
  const overdue = follow.overdue.length;
  const summary = [`${plural(follow.total, 'item')}: ${follow.done.length} done, ${follow.open.length} open`];
  if (follow.open.length > 0) summary.push(` (${overdue} overdue)`);
  summary.push(`, ${follow.dropped.length} dropped`);
  if (follow.unknown.length > 0) summary.push(`, ${follow.unknown.length} with another status`);
  summary.push('.');
  blocks.push({ kind: 'text', parts: [summary.join('')] });

  const incidentsOf = (actions: readonly ActionRef[]) => [...new Set(actions.map((action) => action.incident))];
  const onTime = follow.open.filter((action) => !((action.daysOverdue ?? 0) > 0));
  const stateRows: Cell[][] = [
    [['Done'], [String(follow.done.length)], refList(incidentsOf(follow.done))],
    [['Open, not overdue'], [String(onTime.length)], refList(incidentsOf(onTime))],
    [['Open, overdue'], [String(overdue)], refList(incidentsOf(follow.overdue))],
    [['Dropped'], [String(follow.dropped.length)], refList(incidentsOf(follow.dropped))],
  ];
  if (follow.unknown.length > 0) stateRows.push([['Other status'], [String(follow.unknown.length)], refList(incidentsOf(follow.unknown))]);
  blocks.push({ kind: 'table', table: { caption: 'Action items by state', columns: [{ label: 'State' }, { label: 'Items', numeric: true }, { label: 'From incidents' }], rows: stateRows } });

  if (follow.openAge) {
    const age = follow.openAge;
    const spread = age.n > 1 ? ` (middle half ${Math.round(age.q1)}–${Math.round(age.q3)} days; range ${age.min}–${age.max} days)` : '';
    blocks.push({ kind: 'text', parts: [`Median age of the ${plural(age.n, 'open item')}: ${formatDays(age.median)}${spread}.`] });
  }
  if (overdue > 0) {
    blocks.push({
      kind: 'table',
      table: {
        caption: `Overdue items, most overdue first (as of ${today})`,
        columns: [{ label: 'Incident' }, { label: 'Item' }, { label: 'Owner' }, { label: 'Due' }, { label: 'Days overdue', numeric: true }],
        rows: follow.overdue.slice(0, MAX_ROWS).map((action) => [[{ ref: action.incident }], [`${action.id}: ${action.title}`], [action.owner ?? '—'], [action.due ?? '—'], [String(action.daysOverdue ?? 0)]]),
      },
    });
    if (overdue > MAX_ROWS) blocks.push({ kind: 'text', style: 'note', parts: [`And ${overdue - MAX_ROWS} more overdue items.`] });
  }
  if (follow.dropped.length > 0) {
    const withoutReason = follow.dropped.filter((action) => !action.reason).length;
    blocks.push({
      kind: 'table',
      table: {
        caption: `Dropped items and why${withoutReason > 0 ? ` (${withoutReason} without a reason)` : ''}`,
        columns: [{ label: 'Incident' }, { label: 'Item' }, { label: 'Reason' }],
        rows: follow.dropped.slice(0, MAX_ROWS).map((action) => [[{ ref: action.incident }], [`${action.id}: ${action.title}`], [action.reason ?? 'No reason given']]),
      },
    });
    if (follow.dropped.length > MAX_ROWS) blocks.push({ kind: 'text', style: 'note', parts: [`And ${follow.dropped.length - MAX_ROWS} more dropped items.`] });
  }
  const notes: Block[] = [];
  if (follow.allOpen.length > 0) notes.push({ kind: 'text', parts: ['Every item still open (nothing done yet): ', ...refList(follow.allOpen), '.'] });
  if (follow.noDue.length > 0) notes.push({ kind: 'text', style: 'note', parts: [`Open without a due date: ${plural(follow.noDue.length, 'item')}, from `, ...refList(incidentsOf(follow.noDue)), '.'] });
  if (follow.withoutActions.length > 0) notes.push({ kind: 'text', style: 'note', parts: ['No action items: ', ...refList(follow.withoutActions), '.'] });
  blocks.push(...notes);
  return { id: 'follow-through', title: 'Follow-through on action items', level: 2, blocks };
}
