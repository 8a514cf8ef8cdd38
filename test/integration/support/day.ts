// The day the tests run on: INCIDENT_LENS_NOW, which the runner also hands to
// the extension and uses to build the example workspace. Texts written for
// the example's own day (2026-11-25) move to it the way the example did, so
// a test reads as it was written and holds on any day.
import { EXAMPLE_NOW, exampleMove } from '../../../scripts/example-day.cjs';

const pinnedMs = Date.parse(process.env.INCIDENT_LENS_NOW ?? EXAMPLE_NOW);
const loadedAt = performance.now();
const moved = exampleMove(pinnedMs);

/** Now for the tests: the pinned instant, running on since the suite loaded. */
export function testNowMs(): number {
  return pinnedMs + Math.round(performance.now() - loadedAt);
}

/** A text (incident, expected line, file name) written for 2026-11-25, on the test day. */
export function onTestDay(text: string): string {
  return moved.path(moved.text(text));
}

/** A YYYY-MM-DD date written for 2026-11-25, on the test day. */
export function dateOnTestDay(iso: string): string {
  return moved.date(iso);
}

/** The test day's calendar date and year where the editor runs (the process's zone). */
export function testToday(): { iso: string; year: number } {
  const now = new Date(pinnedMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { iso: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, year: now.getFullYear() };
}

/** A pattern written for 2026-11-25, on the test day. */
export function patternOnTestDay(pattern: RegExp): RegExp {
  return new RegExp(onTestDay(pattern.source), pattern.flags);
}

/** The id Declare Incident gives next on the test day: the example holds INC-2026-009 to 018. */
export function nextDeclaredId(): string {
  const { year } = testToday();
  return year === 2026 ? 'INC-2026-019' : `INC-${year}-001`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A UTC timestamp written for 2026-11-25 as the views show it on the test day: `Nov 25 08:12 UTC`. */
export function utcLabelOnTestDay(iso: string): string {
  const at = new Date(onTestDay(iso));
  return `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()} ${twoDigits(at.getUTCHours())}:${twoDigits(at.getUTCMinutes())} UTC`;
}

/** A due date written for 2026-11-25 as the views show it on the test day: `Dec 4`, or `Dec 4, 2027` in another year. */
export function dueDayOnTestDay(iso: string): string {
  const [year, month, day] = dateOnTestDay(iso).split('-').map(Number);
  return `${MONTHS[month - 1]} ${day}${year === testToday().year ? '' : `, ${year}`}`;
}
