// CommonJS so that both the .mjs scripts and the TypeScript tests (CommonJS) can load it.
'use strict';

// Moves the bundled example to another day, so it never ages: the history
// ends yesterday, today's incidents started minutes to hours ago, due dates
// keep their distance from today. Used by scripts/make-example-repo.mjs (the
// demo's and the tests' workspaces) and by tests that name example files.

/** The moment examples/workspace was written at: its SEV1 started 88 minutes before. */
const EXAMPLE_NOW = '2026-11-25T09:40:00Z';
const EXAMPLE_DAY = Date.UTC(2026, 10, 25);
// From here on events belong to the incidents still running: they move with
// the clock to the minute. Older ones move by whole days and keep their time of day.
const RUNNING_FROM = Date.parse('2026-11-24T15:00:00Z');
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const STAMP = /\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?(?![\d-])/g;

const pad = (n, width = 2) => String(n).padStart(width, '0');

function isoDay(ms) {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function offsetMinutesOf(zone) {
  if (!zone || zone === 'Z') return 0;
  return (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/**
 * How the example moves to `nowMs` (the local calendar day of the process
 * decides how many days the history moves): { days, exactMs, instant(ms),
 * date(iso), text(content), path(file) }.
 */
function exampleMove(nowMs) {
  const now = new Date(nowMs);
  const days = Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - EXAMPLE_DAY) / DAY_MS);
  const exactMs = Math.floor((nowMs - Date.parse(EXAMPLE_NOW)) / MINUTE_MS) * MINUTE_MS;
  const instant = (ms) => ms + (ms >= RUNNING_FROM ? exactMs : days * DAY_MS);
  const date = (iso) => isoDay(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS);

  const stamp = (match, y, mo, d, h, mi, s, zone) => {
    if (h === undefined) return date(`${y}-${mo}-${d}`);
    const offset = offsetMinutesOf(zone);
    const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, s === undefined ? 0 : +s);
    const moved = new Date(instant(wall - offset * MINUTE_MS) + offset * MINUTE_MS);
    const time = `${pad(moved.getUTCHours())}:${pad(moved.getUTCMinutes())}${s === undefined ? '' : `:${pad(moved.getUTCSeconds())}`}`;
    return `${isoDay(moved.getTime())}T${time}${zone ?? ''}`;
  };
  const text = (content) => content.replace(STAMP, stamp);
  const path = (file) => file.replace(/(^|\/)(\d{4}-\d{2}-\d{2})(?=-[^/]*$)/, (_m, slash, day) => `${slash}${date(day)}`);
  return { days, exactMs, instant, date, text, path };
}

module.exports = { EXAMPLE_NOW, exampleMove };
