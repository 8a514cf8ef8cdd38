/** "Incidents over time": per month or quarter, by severity, near misses apart. */
import type { Insights } from '../../insights/types';
import { timeChart } from '../charts';
import { bucketName, severityName } from '../format';
import { prose, refList } from '../inline';
import type { Block, Column, Inline, Section } from '../model';

export function overTimeSection(insights: Insights): Section {
  const { overTime, scope } = insights;
  const unit = overTime.unit;
  const blocks: Block[] = [
    {
      kind: 'text',
      style: 'definition',
      parts: prose(
        `Incidents by the ${unit} they started in, on the day in each incident's own time zone. Near misses (\`near_miss: true\`) are counted apart: nothing broke for users, but they are incidents too.`,
      ),
    },
  ];
  if (overTime.buckets.length === 0) {
    blocks.push({ kind: 'text', parts: ['No incident here has a start time to place.'] });
  } else {
    // Only severities that occur, plus the configured ones: a column of zeros for SEV1 is news too.
    const columns = scope.severities.map((severity, index) => ({ severity, index }));
    const head: Column[] = [{ label: unit === 'month' ? 'Month' : 'Quarter' }, ...columns.map(({ severity }) => ({ label: severityName(severity), numeric: true })), { label: 'Total', numeric: true }, { label: 'Near misses', numeric: true }, { label: 'Which incidents' }];
    const rows = overTime.buckets.map((bucket) => {
      const total = bucket.bySeverity.reduce((sum, n) => sum + n, 0);
      const which: Inline[] = refList(bucket.incidents);
      if (bucket.nearMissIncidents.length > 0) which.push(...(bucket.incidents.length > 0 ? ['; near misses: '] : ['near misses: ']), ...refList(bucket.nearMissIncidents));
      return [[bucketName(bucket.id)], ...columns.map(({ index }) => [String(bucket.bySeverity[index] ?? 0)]), [String(total)], [String(bucket.nearMisses)], which];
    });
    const description = `Column chart: incidents per ${unit}, stacked by severity (worst at the bottom), with near misses in a separate outlined column. The table below has the numbers.`;
    blocks.push({
      kind: 'figure',
      chart: timeChart(overTime.buckets, scope.severities, description),
      table: { caption: `Incidents per ${unit}, by severity`, columns: head, rows },
    });
  }
  if (overTime.undated.length > 0) blocks.push({ kind: 'text', style: 'note', parts: ['Not placed (no start time): ', ...refList(overTime.undated), '.'] });
  return { id: 'over-time', title: 'Incidents over time', level: 2, blocks };
}
