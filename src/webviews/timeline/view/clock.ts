/** Times for display: the incident's own offset on the page, the viewer's local time on hover. */
import { offsetLabel, wallClock } from '../../../core/offsets';
import type { TimelineModel } from '../../../core/timeline/types';

/** Built once per page: making an Intl formatter loads locale data (tens of milliseconds the first time). */
let localFormat: Intl.DateTimeFormat | undefined;

export class Clock {
  readonly zone: string;

  constructor(readonly offsetMinutes: number) {
    this.zone = offsetLabel(offsetMinutes);
  }

  /** "14:02" (with seconds when they are not zero). */
  time(epochMs: number): string {
    const clock = wallClock(epochMs, this.offsetMinutes);
    return clock.seconds ? `${clock.time}:${String(clock.seconds).padStart(2, '0')}` : clock.time;
  }

  /** Whether any time the rows show has seconds ("14:02:37"): the time column must then be wider. */
  showsSeconds(model: Pick<TimelineModel, 'entries' | 'rows'>): boolean {
    const withSeconds = (epochMs: number | null) => epochMs !== null && wallClock(epochMs, this.offsetMinutes).seconds !== 0;
    return model.entries.some((entry) => withSeconds(entry.epochMs)) || model.rows.some((row) => row.type === 'marker' && withSeconds(row.epochMs));
  }

  /** "2026-11-20 14:02 UTC". */
  full(epochMs: number): string {
    return `${wallClock(epochMs, this.offsetMinutes).date} ${this.time(epochMs)} ${this.zone}`;
  }

  /** The viewer's local time; built only when asked (on hover), as it is the slow part. */
  localTime(epochMs: number): string {
    // dateStyle/timeStyle cannot be combined with timeZoneName: spell the fields out.
    localFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    return localFormat.format(new Date(epochMs));
  }

  /** The tooltip of a time: both clocks. */
  tooltip(epochMs: number): string {
    return `${this.full(epochMs)}\nYour time: ${this.localTime(epochMs)}`;
  }
}
