/** Times for display: the incident's own offset on the page, the viewer's local time on hover. */
import { offsetLabel, wallClock } from '../../../core/timeline/duration';

export class Clock {
  readonly zone: string;
  private local: Intl.DateTimeFormat | undefined;

  constructor(readonly offsetMinutes: number) {
    this.zone = offsetLabel(offsetMinutes);
  }

  /** "14:02" (with seconds when they are not zero). */
  time(epochMs: number): string {
    const clock = wallClock(epochMs, this.offsetMinutes);
    return clock.seconds ? `${clock.time}:${String(clock.seconds).padStart(2, '0')}` : clock.time;
  }

  /** "2026-11-20 14:02 UTC". */
  full(epochMs: number): string {
    return `${wallClock(epochMs, this.offsetMinutes).date} ${this.time(epochMs)} ${this.zone}`;
  }

  /** The viewer's local time; built only when asked (on hover), as it is the slow part. */
  localTime(epochMs: number): string {
    this.local ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' });
    return this.local.format(new Date(epochMs));
  }

  /** The tooltip of a time: both clocks. */
  tooltip(epochMs: number): string {
    return `${this.full(epochMs)}\nYour time: ${this.localTime(epochMs)}`;
  }
}
