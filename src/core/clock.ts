// The one place product code asks for "now". The system clock by default;
// the editor and the CLI pin it from INCIDENT_LENS_NOW (src/node/clock.ts),
// which the test runners set, so every "now" a test sees follows one day.

let source: () => number = () => Date.now();

/** Now, in epoch milliseconds. */
export function nowMs(): number {
  return source();
}

/** Now, as a Date. */
export function nowDate(): Date {
  return new Date(source());
}

/** Makes `next` the source of "now"; returns a function that puts the previous one back. */
export function setClock(next: () => number): () => void {
  const previous = source;
  source = next;
  return () => {
    source = previous;
  };
}

/**
 * A clock that starts at `startMs` and runs on with `elapsedMs` (a monotonic
 * counter), so times stamped a moment apart still differ as they would.
 */
export function pinnedClock(startMs: number, elapsedMs: () => number): () => number {
  const origin = elapsedMs();
  return () => startMs + Math.round(elapsedMs() - origin);
}

/** Today's date where the user is, as UTC midnight of that calendar day. */
export function localToday(at: Date = nowDate()): number {
  return Date.UTC(at.getFullYear(), at.getMonth(), at.getDate());
}

/** The user's UTC offset in minutes at an instant (east of UTC is positive). */
export function localOffsetMinutes(at: Date = nowDate()): number {
  return -at.getTimezoneOffset();
}
