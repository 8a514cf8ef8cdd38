// The day the tests run on, and how every process the tests start is told.
//
// TEST_TODAY picks it:
//   TEST_TODAY=2027-02-28                 that day at 09:40 UTC
//   TEST_TODAY=2026-12-31T23:30-08:00     that instant; processes run with TZ at -08:00
// Unset, it is EXAMPLE_NOW (scripts/example-day.cjs): the moment the example
// workspace was written at.
//
// The processes get:
//   INCIDENT_LENS_NOW  the pinned instant; the extension (in test mode), the CLI,
//                      the example builder and the tests read it;
//   TZ                 when TEST_TODAY names an offset (whole hours);
//   LD_PRELOAD/FAKETIME  libfaketime moves the system clock of every process
//                      started (code-server, its extension host, git, mocha) by
//                      the same amount. Chromium does not start under it, so
//                      browsers are launched without it (withoutFaketime).

import { existsSync } from 'node:fs';
import { EXAMPLE_NOW } from './example-day.cjs';

const TIME_OF_DAY = EXAMPLE_NOW.slice(10);

const LIBFAKETIME = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
].find((file) => existsSync(file));

/** True when libfaketime is installed. */
export function hasLibfaketime() {
  return LIBFAKETIME !== undefined;
}

const FAKETIME_KEYS = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC'];

/**
 * Reads TEST_TODAY: { iso, ms, offsetMinutes? } or throws a message that
 * names the variable and shows the accepted forms.
 */
export function testDay(value = process.env.TEST_TODAY) {
  const text = value?.trim() || EXAMPLE_NOW;
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  const iso = match ? (match[2] ? text : `${match[1]}${TIME_OF_DAY}`) : '';
  const ms = Date.parse(iso);
  if (!match || Number.isNaN(ms) || new Date(`${match[1]}T00:00:00Z`).toISOString().slice(0, 10) !== match[1]) {
    throw new Error(`TEST_TODAY="${value}" is not a day: use 2027-02-28 or 2026-12-31T23:30-08:00`);
  }
  const zone = match[3];
  const offsetMinutes = zone && zone !== 'Z' ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) : undefined;
  if (offsetMinutes !== undefined && offsetMinutes % 60 !== 0) throw new Error(`TEST_TODAY="${value}": only whole-hour offsets can be set as TZ`);
  return { iso, ms, offsetMinutes };
}

/** The IANA zone for a whole-hour offset (POSIX signs: Etc/GMT+8 is UTC-08:00). */
function zoneFor(offsetMinutes) {
  const hours = -offsetMinutes / 60;
  return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
}

/**
 * Environment that puts child processes on the test day. `nowMs` is the real
 * clock now; the faked clock runs on from the pinned instant.
 */
export function testDayEnvironment(day, { nowMs = Date.now(), requireFaketime = false } = {}) {
  const env = { INCIDENT_LENS_NOW: new Date(day.ms).toISOString(), TEST_TODAY: day.iso };
  if (day.offsetMinutes !== undefined) env.TZ = zoneFor(day.offsetMinutes);
  if (!LIBFAKETIME) {
    if (requireFaketime) throw new Error('TEST_TODAY needs libfaketime to move the system clock: apt-get install -y faketime');
    return { env, faketime: false };
  }
  env.LD_PRELOAD = [LIBFAKETIME, process.env.LD_PRELOAD].filter(Boolean).join(' ');
  env.FAKETIME = `${day.ms >= nowMs ? '+' : '-'}${Math.round(Math.abs(day.ms - nowMs) / 1000)}`;
  // Timers and performance.now() keep real time: only the calendar moves.
  env.FAKETIME_DONT_FAKE_MONOTONIC = '1';
  return { env, faketime: true };
}

/** Pins INCIDENT_LENS_NOW to the test day when nothing did (a runner started on its own). */
export function ensureTestNow() {
  process.env.INCIDENT_LENS_NOW ??= new Date(testDay().ms).toISOString();
  return process.env.INCIDENT_LENS_NOW;
}

/** `env` without libfaketime, for Chromium, which does not start under it. */
export function withoutFaketime(env = process.env) {
  const copy = { ...env };
  for (const key of FAKETIME_KEYS) delete copy[key];
  return copy;
}
