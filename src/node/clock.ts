// Pins the product's clock (src/core/clock.ts) from the environment:
// INCIDENT_LENS_NOW=2027-02-28T09:25:00Z makes "now" start at that instant
// and run on from there. The test runners set it; users never need to.
import { performance } from 'node:perf_hooks';
import { pinnedClock, setClock } from '../core/clock';

export const NOW_VARIABLE = 'INCIDENT_LENS_NOW';

/**
 * Reads INCIDENT_LENS_NOW; returns the pinned instant, undefined when the
 * variable is unset, or throws a message naming the variable when it is not
 * a timestamp with a date, a time and an offset.
 */
export function pinnedNowFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env[NOW_VARIABLE]?.trim();
  if (!value) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`${NOW_VARIABLE}="${value}" is not a timestamp like 2027-02-28T09:25:00Z`);
  return ms;
}

/** Installs the pinned clock when INCIDENT_LENS_NOW is set; returns the pinned instant. */
export function installClockFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const pinned = pinnedNowFromEnvironment(env);
  if (pinned !== undefined) setClock(pinnedClock(pinned, () => performance.now()));
  return pinned;
}
