/**
 * Time zones as postmortems state them ("All times in CET", "Time (UTC)",
 * "PST", "+02:00", "Europe/Oslo") and the offsets they give a local time.
 *
 * An abbreviation is taken literally (CET is +01:00 even in summer): the
 * writer chose it, and the written wall-clock time is kept in the timestamp
 * with that offset. Names without a season ("Pacific time", "PT") follow the
 * region's daylight saving rules.
 */
import { isoOffset, offsetLabel } from '../offsets';
import { oneOf, trimEndWhere } from './trim';
import type { LocalDate, LocalTime } from './types';

export type Zone =
  | { readonly label: string; readonly fixedMinutes: number }
  | { readonly label: string; readonly iana: string };

const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, IST: 330, CET: 60, CEST: 120, MET: 60, MEST: 120,
  EET: 120, EEST: 180, MSK: 180, GST: 240, PKT: 300, SGT: 480, HKT: 480, AWST: 480, JST: 540, KST: 540,
  ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, BRT: -180, ART: -180, EST: -300,
  EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480,
  HST: -600,
};

const REGIONS: Readonly<Record<string, string>> = {
  PT: 'America/Los_Angeles',
  'PACIFIC TIME': 'America/Los_Angeles',
  ET: 'America/New_York',
  'EASTERN TIME': 'America/New_York',
  CT: 'America/Chicago',
  'CENTRAL TIME': 'America/Chicago',
  MT: 'America/Denver',
  'MOUNTAIN TIME': 'America/Denver',
  'CENTRAL EUROPEAN TIME': 'Europe/Berlin',
  // A winter/summer pair says "local time, whichever applies".
  'CET/CEST': 'Europe/Berlin',
  'CEST/CET': 'Europe/Berlin',
  'GMT/BST': 'Europe/London',
  'EET/EEST': 'Europe/Helsinki',
  'PST/PDT': 'America/Los_Angeles',
  'MST/MDT': 'America/Denver',
  'CST/CDT': 'America/Chicago',
  'EST/EDT': 'America/New_York',
};

/** A zone from one token or short phrase; undefined when it is not a zone. */
export function parseZone(token: string): Zone | undefined {
  const text = token.trim().replace(/^\(|\)$/g, '').trim();
  if (/^(utc|gmt|z)$/i.test(text)) return { label: text.toUpperCase(), fixedMinutes: 0 };
  const offset = /^(?:(?:UTC|GMT)\s*)?([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    const sign = offset[1] === '+' ? 1 : -1;
    return { label: text, fixedMinutes: sign * (hours * 60 + minutes) };
  }
  if (text in ABBREVIATIONS) return { label: text, fixedMinutes: ABBREVIATIONS[text] };
  const region = REGIONS[text.toUpperCase().replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ')];
  if (region && (text === text.toUpperCase() || /\btime\b/i.test(text))) return { label: text, iana: region };
  if (/^[A-Za-z]+\/[A-Za-z_+-]+(\/[A-Za-z_+-]+)?$/.test(text) && isIanaZone(text)) return { label: text, iana: text };
  return undefined;
}

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone a line states for the times around it ("All times in UTC.",
 * "**Timezone**: CET", "Time (UTC)", "2015-10-21 (all times UTC)").
 */
export function findZoneStatement(line: string): Zone | undefined {
  const text = withoutMarkup(line, ' ');
  const keyword = /\b(?:times?|time\s*-?\s*zone|timezone|tz)\b/i.exec(text);
  if (keyword) {
    const after = text.slice(keyword.index + keyword[0].length).split(/[\s,;()[\]]+/).filter((t) => t !== '');
    const zone = firstZone(after.map((t) => trimEndWhere(t, oneOf('.:'))).slice(0, 5));
    if (zone) return zone;
  }
  // "Timeline (UTC)": a zone alone in parentheses.
  const parenthesised = /\(([^()]{1,30})\)/.exec(text);
  return parenthesised ? parseZone(parenthesised[1].replace(/^(?:all\s+)?(?:times?\s+)?(?:in\s+)?/i, '')) : undefined;
}

/** Emphasis marks and table pipes out; an underscore inside a name stays (`America/Los_Angeles`). */
function withoutMarkup(text: string, replacement: string): string {
  return text.replace(/[*`|]|(?<![A-Za-z])_|_(?![A-Za-z])/g, replacement);
}

function firstZone(tokens: string[]): Zone | undefined {
  for (let i = 0; i < tokens.length; i++) {
    for (const width of [3, 2, 1]) {
      if (i + width > tokens.length) continue;
      const zone = parseZone(tokens.slice(i, i + width).join(' '));
      if (zone) return zone;
    }
  }
  return undefined;
}

/** A column heading that is only a zone ("UTC") or names one ("Time (CET)", "Date and time in CET"). */
export function findZoneInHeader(cell: string): Zone | undefined {
  const text = withoutMarkup(cell, '').trim();
  const alone = parseZone(text);
  if (alone && alone.label.length > 1) return alone;
  return findZoneStatement(text);
}

/** Minutes east of UTC for a wall-clock time in the zone. */
function offsetMinutes(zone: Zone, date: LocalDate, time: LocalTime): number {
  if ('fixedMinutes' in zone) return zone.fixedMinutes;
  const wallMs = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  // Two rounds settle the offset except inside a DST gap, where the later offset is fine.
  let offset = ianaOffsetAt(zone.iana, wallMs);
  offset = ianaOffsetAt(zone.iana, wallMs - offset * 60_000);
  return offset;
}

function ianaOffsetAt(zone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

export interface ZonedTime {
  readonly iso: string;
  readonly epochMs: number;
}

/** `2019-11-29T12:00:00+01:00`: the written wall-clock time with its offset (`Z` for UTC). */
export function zonedTimestamp(date: LocalDate, time: LocalTime, zone: Zone): ZonedTime {
  const offset = offsetMinutes(zone, date, time);
  const wallMs = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const iso = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${isoOffset(offset)}`;
  return { iso, epochMs: wallMs - offset * 60_000 };
}

export function describeZone(zone: Zone, date?: LocalDate): string {
  if ('iana' in zone) return zone.label === zone.iana ? zone.iana : `${zone.label} (${zone.iana})`;
  if (zone.fixedMinutes === 0) return zone.label === 'Z' ? 'UTC' : zone.label;
  const sample = date ?? { year: 2000, month: 1, day: 1 };
  return `${zone.label} (${offsetLabel(offsetMinutes(zone, sample, { hour: 0, minute: 0, second: 0 }))})`;
}

/** Zones of the United States, where `03/06/2024` is March 6. */
export function writesMonthFirst(zone: Zone): boolean {
  if ('iana' in zone) return /^(America\/(New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Detroit|Boise|Indiana\/.+)|Pacific\/Honolulu|US\/.+)$/.test(zone.iana);
  return /^(EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST)$/.test(zone.label);
}

