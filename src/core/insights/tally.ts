/**
 * Counts of incidents per label (service, factor kind, tag, code area), each
 * with the incidents behind it. An incident counts once per label however
 * often it names it; `mentions` keeps the raw number where it means something.
 */
import type { IncidentRef, Tally, TallyRow } from './types';

interface Row {
  readonly keys: string[];
  severe: number;
  mentions: number;
  lastStartedMs?: number;
}

export class Tallier {
  private readonly rows = new Map<string, Row>();
  private readonly without: string[] = [];

  constructor(private readonly severe: ReadonlySet<string>) {}

  /**
   * Adds one incident under each of its labels. Call in incident order (earliest
   * first): the keys keep that order.
   */
  add(ref: IncidentRef, labels: readonly string[]): void {
    if (labels.length === 0) {
      this.without.push(ref.key);
      return;
    }
    const severe = this.severe.has(ref.severity);
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      let row = this.rows.get(label);
      if (!row) this.rows.set(label, (row = { keys: [], severe: 0, mentions: 0 }));
      row.mentions++;
      // Labels per incident are few: a scan beats a Set per incident.
      if (labels.indexOf(label) < i) continue;
      row.keys.push(ref.key);
      if (severe) row.severe++;
      if (ref.startedMs !== undefined && (row.lastStartedMs === undefined || ref.startedMs > row.lastStartedMs)) row.lastStartedMs = ref.startedMs;
    }
  }

  result(options: { mentions?: boolean } = {}): Tally {
    const rows: TallyRow[] = [...this.rows].map(([label, row]) => ({
      label,
      count: row.keys.length,
      severe: row.severe,
      incidents: row.keys,
      ...(row.lastStartedMs === undefined ? {} : { lastStartedMs: row.lastStartedMs }),
      ...(options.mentions ? { mentions: row.mentions } : {}),
    }));
    return { rows: rows.sort(compareRows), without: this.without };
  }
}

/** Most incidents first; then more severe ones; then the more recent; then by label. */
function compareRows(a: TallyRow, b: TallyRow): number {
  return b.count - a.count || b.severe - a.severe || (b.lastStartedMs ?? -Infinity) - (a.lastStartedMs ?? -Infinity) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}
