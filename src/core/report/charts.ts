/**
 * Chart geometry, computed once from the data: bars per label, columns per
 * month or quarter, dots per incident. The HTML report turns the marks into
 * an SVG string and the Insights panel into SVG elements; neither decides
 * any position. Classes name what a mark means (`sev-1`, `near-miss`), and
 * the stylesheets give each a color and a pattern, so color is never alone.
 */
import { formatDuration } from '../durationText';
import type { DurationGroup, TimeBucket } from '../insights/types';
import { bucketName, severityName } from './format';
import type { Chart, LegendEntry, Mark } from './model';

const WIDTH = 640;
/** Beyond this many dots per row, an even sample by rank keeps the shape readable. */
const MAX_DOTS = 200;

/** `sev-1` for the worst configured level, up to `sev-4`; `sev-5` for every other value. */
function severityClass(index: number): string {
  return `sev-${Math.min(index, 4) + 1}`;
}

export interface BarRow {
  readonly label: string;
  readonly count: number;
  readonly severe: number;
}

/** Horizontal bars, the severe part of each drawn apart (its own class and pattern), count written beside. */
export function barChart(rows: readonly BarRow[], options: { readonly description: string; readonly severeLabel: string }): Chart {
  const rowHeight = 24;
  const labelChars = Math.min(28, Math.max(6, ...rows.map((row) => row.label.length)));
  const left = Math.round(labelChars * 7 + 12);
  const valueRoom = 110;
  const barRoom = WIDTH - left - valueRoom;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const marks: Mark[] = [];
  rows.forEach((row, index) => {
    const y = 8 + index * rowHeight;
    const severeWidth = (row.severe / max) * barRoom;
    const otherWidth = ((row.count - row.severe) / max) * barRoom;
    const title = `${row.label}: ${row.count} ${row.count === 1 ? 'incident' : 'incidents'}, ${row.severe} ${options.severeLabel}`;
    marks.push({ type: 'text', x: left - 8, y: y + 12, text: clip(row.label, labelChars), className: 'label', anchor: 'end' });
    if (row.severe > 0) marks.push({ type: 'rect', x: left, y: y + 2, width: round(severeWidth), height: 14, className: 'bar-severe', title });
    if (row.count > row.severe) marks.push({ type: 'rect', x: round(left + severeWidth), y: y + 2, width: round(otherWidth), height: 14, className: 'bar-other', title });
    const value = row.severe > 0 ? `${row.count} (${row.severe} ${options.severeLabel})` : `${row.count}`;
    marks.push({ type: 'text', x: round(left + severeWidth + otherWidth + 6), y: y + 13, text: value, className: 'value', anchor: 'start' });
  });
  marks.push({ type: 'line', x1: left, y1: 4, x2: left, y2: 8 + rows.length * rowHeight, className: 'axis' });
  return {
    width: WIDTH,
    height: 16 + rows.length * rowHeight,
    description: options.description,
    marks,
    legend: [
      { label: options.severeLabel, className: 'bar-severe' },
      { label: 'other severities', className: 'bar-other' },
    ],
  };
}

/** Stacked columns per bucket (worst severity at the bottom), near misses in their own hollow column beside. */
export function timeChart(buckets: readonly TimeBucket[], severities: readonly string[], description: string): Chart {
  const height = 220;
  const top = 18;
  const bottom = 36;
  const left = 34;
  const plotWidth = WIDTH - left - 8;
  const plotHeight = height - top - bottom;
  const totals = buckets.map((bucket) => bucket.bySeverity.reduce((sum, n) => sum + n, 0));
  const max = niceCeiling(Math.max(1, ...totals, ...buckets.map((bucket) => bucket.nearMisses)));
  const step = max <= 5 ? 1 : max <= 10 ? 2 : niceCeiling(max / 5);
  const y = (value: number) => round(top + plotHeight - (value / max) * plotHeight);
  const marks: Mark[] = [];
  for (let tick = 0; tick <= max; tick += step) {
    marks.push({ type: 'line', x1: left, y1: y(tick), x2: WIDTH - 8, y2: y(tick), className: tick === 0 ? 'axis' : 'grid' });
    marks.push({ type: 'text', x: left - 6, y: y(tick) + 4, text: String(tick), className: 'tick', anchor: 'end' });
  }
  const slot = plotWidth / Math.max(1, buckets.length);
  const labelEvery = Math.max(1, Math.ceil(44 / slot));
  buckets.forEach((bucket, index) => {
    const x = left + index * slot;
    const stackWidth = round(Math.max(2, slot * 0.5));
    const nearWidth = round(Math.max(2, slot * 0.2));
    const stackX = round(x + slot * 0.12);
    let base = 0;
    bucket.bySeverity.forEach((count, severityIndex) => {
      if (count === 0) return;
      marks.push({
        type: 'rect',
        x: stackX,
        y: y(base + count),
        width: stackWidth,
        height: round(y(base) - y(base + count)),
        className: severityClass(severityIndex),
        title: `${bucketName(bucket.id)}: ${count} ${severityName(severities[severityIndex] ?? '')}`,
      });
      base += count;
    });
    if (totals[index] > 0) marks.push({ type: 'text', x: round(stackX + stackWidth / 2), y: y(base) - 4, text: String(totals[index]), className: 'value', anchor: 'middle' });
    if (bucket.nearMisses > 0) {
      const nearX = round(stackX + stackWidth + 3);
      marks.push({
        type: 'rect',
        x: nearX,
        y: y(bucket.nearMisses),
        width: nearWidth,
        height: round(y(0) - y(bucket.nearMisses)),
        className: 'near-miss',
        title: `${bucketName(bucket.id)}: ${bucket.nearMisses} near ${bucket.nearMisses === 1 ? 'miss' : 'misses'}`,
      });
    }
    if (index % labelEvery === 0) marks.push({ type: 'text', x: round(x + slot / 2), y: height - bottom + 16, text: bucketName(bucket.id), className: 'tick', anchor: 'middle' });
  });
  const present = severities.map((severity, index) => ({ severity, index })).filter(({ index }) => buckets.some((bucket) => (bucket.bySeverity[index] ?? 0) > 0));
  const legend: LegendEntry[] = present.map(({ severity, index }) => ({ label: severityName(severity), className: severityClass(index) }));
  if (buckets.some((bucket) => bucket.nearMisses > 0)) legend.push({ label: 'near misses (counted apart)', className: 'near-miss' });
  return { width: WIDTH, height, description, marks, legend };
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Roughly evenly spaced on a log axis (about ×3 apart), so labels never crowd. */
const TICKS = [MIN, 5 * MIN, 15 * MIN, HOUR, 4 * HOUR, 12 * HOUR, DAY, 3 * DAY, 7 * DAY, 30 * DAY, 90 * DAY, 365 * DAY];

/**
 * One row per severity: a dot per incident on a logarithmic time axis (a
 * 5-minute and a 5-hour incident both stay visible), the middle half as a
 * band and the median as a line.
 */
export function stripChart(groups: readonly DurationGroup[], name: (key: string) => string, description: string): Chart {
  const rowHeight = 46;
  const top = 8;
  const left = 150;
  const right = 16;
  const axisRoom = 34;
  const height = top + groups.length * rowHeight + axisRoom;
  const all = groups.flatMap((group) => [group.spread.min, group.spread.max]);
  const lowest = Math.max(MIN, Math.min(...all));
  const highest = Math.max(lowest, ...all);
  const lo = [...TICKS].reverse().find((tick) => tick <= lowest) ?? MIN;
  const hi = TICKS.find((tick) => tick >= highest && tick > lo) ?? Math.max(highest, lo * 2);
  const plotWidth = WIDTH - left - right;
  const x = (ms: number) => round(left + ((Math.log(Math.max(ms, lo)) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * plotWidth);
  const marks: Mark[] = [];
  const ticks = TICKS.filter((tick) => tick >= lo && tick <= hi);
  const every = Math.max(1, Math.ceil(ticks.length / 9));
  const axisY = top + groups.length * rowHeight;
  ticks.forEach((tick, index) => {
    if (index % every !== 0 && tick !== hi) return;
    marks.push({ type: 'line', x1: x(tick), y1: top, x2: x(tick), y2: axisY, className: 'grid' });
    marks.push({ type: 'text', x: x(tick), y: axisY + 16, text: formatDuration(tick), className: 'tick', anchor: 'middle' });
  });
  marks.push({ type: 'line', x1: left, y1: axisY, x2: WIDTH - right, y2: axisY, className: 'axis' });
  marks.push({ type: 'text', x: WIDTH - right, y: axisY + 30, text: 'logarithmic scale', className: 'tick', anchor: 'end' });
  groups.forEach((group, row) => {
    const middle = top + row * rowHeight + rowHeight / 2;
    const { spread } = group;
    marks.push({ type: 'text', x: 8, y: middle - 3, text: `${severityName(group.severity)} · ${group.points.length}`, className: 'label', anchor: 'start' });
    marks.push({ type: 'text', x: 8, y: middle + 12, text: `median ${formatDuration(spread.median)}`, className: 'tick', anchor: 'start' });
    marks.push({ type: 'rect', x: x(spread.q1), y: middle - 9, width: Math.max(1, x(spread.q3) - x(spread.q1)), height: 18, className: 'box', title: `middle half: ${formatDuration(spread.q1)} to ${formatDuration(spread.q3)}` });
    marks.push({ type: 'line', x1: x(spread.median), y1: middle - 14, x2: x(spread.median), y2: middle + 14, className: 'median' });
    for (const [index, point] of sample(group.points).entries()) {
      marks.push({
        type: 'circle',
        cx: x(point.ms),
        cy: middle + JITTER[index % JITTER.length],
        r: 4,
        className: 'dot',
        title: `${name(point.key)} · ${formatDuration(point.ms)}`,
        ref: point.key,
      });
    }
  });
  const sampled = groups.some((group) => group.points.length > MAX_DOTS);
  return {
    width: WIDTH,
    height,
    description: sampled ? `${description} Rows with more than ${MAX_DOTS} incidents show an even sample of them.` : description,
    marks,
    legend: [
      { label: 'one incident', className: 'dot' },
      { label: 'middle half (quartiles)', className: 'box' },
      { label: 'median', className: 'median' },
    ],
  };
}

/** Small vertical offsets so equal durations do not hide each other. */
const JITTER = [0, -6, 6, -3, 3, -9, 9];

function sample<T>(points: readonly T[]): readonly T[] {
  if (points.length <= MAX_DOTS) return points;
  return Array.from({ length: MAX_DOTS }, (_, i) => points[Math.round((i * (points.length - 1)) / (MAX_DOTS - 1))]);
}

function niceCeiling(value: number): number {
  if (value <= 5) return Math.ceil(value);
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
