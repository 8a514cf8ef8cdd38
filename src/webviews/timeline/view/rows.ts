/**
 * One list item per row of the model. Rows carry only text and data-*
 * attributes from a fixed set (kind names are checked against the known
 * kinds before they become an attribute), and every row is focusable for
 * keyboard navigation.
 */
import { safeLink } from '../../../core/safeLink';
import { isTimelineKind, KIND_MEANING } from '../../../core/timelineKinds';
import type { TimelineEntry, TimelineModel, TimelineRow } from '../../../core/timeline/types';
import type { Clock } from './clock';
import { h } from './dom';

/** The label a kind shows beside its icon; the icon never stands alone. */
export function kindLabel(kind: string): string {
  if (kind === 'communication') return 'comms';
  return kind || 'no kind';
}

/**
 * One row to show: a key that is equal exactly when the row would look the
 * same (so a re-render can keep the element), how to build it, and how to
 * update the few attributes that change without its content changing.
 */
export interface RowSpec {
  readonly key: string;
  build(): HTMLLIElement;
  patch(element: HTMLLIElement): void;
}

const SEP = '\u0000';

export function rowSpecs(model: TimelineModel, clock: Clock): RowSpec[] {
  const specs: RowSpec[] = [];
  const zone = String(clock.offsetMinutes);
  let previousMs: number | undefined;
  for (const row of model.rows) {
    if (row.type === 'entry') {
      const entry = model.entries[row.index];
      if (!entry) continue;
      const spacing = step(previousMs, entry.epochMs);
      previousMs = entry.epochMs ?? previousMs;
      specs.push({
        key: ['e', zone, entry.at, entry.kind, entry.who, entry.text, entry.evidence].join(SEP),
        build: () => entryRow(entry, clock, spacing),
        patch: (element) => {
          // Index and spacing follow from the neighbours: update them, keep the element.
          if (element.dataset.index !== String(entry.index)) element.dataset.index = String(entry.index);
          if (element.dataset.step !== spacing) element.dataset.step = spacing;
        },
      });
      continue;
    }
    if (row.type === 'marker') previousMs = row.epochMs;
    specs.push({ key: [row.type, zone, JSON.stringify(row)].join(SEP), build: () => buildRow(row, clock), patch: () => undefined });
  }
  return specs;
}

function buildRow(row: Exclude<TimelineRow, { type: 'entry' }>, clock: Clock): HTMLLIElement {
  switch (row.type) {
    case 'marker': {
      const time = clock.time(row.epochMs);
      return h(
        'li',
        { class: 'row marker', attrs: { 'data-marker': row.name, 'data-ms': String(row.epochMs), tabindex: '-1', 'aria-label': `${time}, ${row.name}` } },
        h('span', { class: 'time', text: time }),
        h('span', { class: 'axis', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'dot' })),
        h('span', { class: 'marker-label', text: row.name }),
        h('span', { class: 'marker-rule', attrs: { 'aria-hidden': 'true' } }),
      );
    }
    case 'phase':
      return h(
        'li',
        { class: 'row phase', attrs: { 'data-phase': row.phase, tabindex: '-1', 'aria-label': `${row.label}: ${row.meaning}` } },
        h('span', { class: 'time' }),
        h('span', { class: 'axis', attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'phase-label', text: row.label }),
        h('span', { class: 'phase-meaning', text: `(${row.meaning})` }),
      );
    case 'gap':
      return h(
        'li',
        { class: 'row gap', attrs: { tabindex: '-1', 'aria-label': `${row.label}: nothing recorded`, title: `Nothing recorded from ${clock.time(row.fromMs)} to ${clock.time(row.toMs)}` } },
        h('span', { class: 'time' }),
        h('span', { class: 'axis', attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'gap-label', text: `··· ${row.label} ···` }),
      );
    case 'day':
      return h('li', { class: 'row day', attrs: { tabindex: '-1' } }, h('span', { class: 'day-label', text: row.date }));
    case 'untimed':
      return h('li', { class: 'row untimed', attrs: { tabindex: '-1' } }, h('span', { class: 'untimed-label', text: `${row.count === 1 ? '1 entry' : `${row.count} entries`} without a readable time` }));
  }
}

/** The step since the previous moment, as a spacing class: the axis shows rhythm, not just order. */
function step(previousMs: number | undefined, epochMs: number | null): string {
  if (previousMs === undefined || epochMs === null) return '0';
  const minutes = (epochMs - previousMs) / 60_000;
  if (minutes < 1) return '0';
  if (minutes < 5) return '1';
  return '2';
}

export function entryRow(entry: TimelineEntry, clock: Clock, spacing = '0'): HTMLLIElement {
  const known = isTimelineKind(entry.kind);
  const time = entry.epochMs === null ? '—' : clock.time(entry.epochMs);
  const link = entry.evidence ? safeLink(entry.evidence) : undefined;
  const spoken = `${entry.epochMs === null ? 'no readable time' : time}, ${entry.kind || 'no kind'}${entry.who ? `, ${entry.who}` : ''}: ${entry.text}`;
  return h(
    'li',
    {
      class: 'row entry',
      attrs: {
        'data-index': String(entry.index),
        'data-kind': known ? entry.kind : 'unknown',
        'data-step': spacing,
        'data-ms': entry.epochMs === null ? undefined : String(entry.epochMs),
        tabindex: '-1',
        'aria-label': spoken,
        'aria-describedby': 'timeline-keys',
      },
    },
    h('span', { class: 'time', text: time }),
    h('span', { class: 'axis axis-entry', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'kind-icon' })),
    h('span', { class: 'kind', text: kindLabel(entry.kind), attrs: { title: known ? `${entry.kind}: ${KIND_MEANING[entry.kind]}` : 'Not a known kind' } }),
    h('span', { class: 'who', text: entry.who }),
    h('span', { class: 'text', text: entry.text }),
    entry.evidence
      ? link
        ? h('button', { class: 'evidence', text: '↗ evidence', attrs: { type: 'button', tabindex: '-1', title: link, 'data-action': 'evidence' } })
        : h('span', { class: 'evidence not-a-link', text: 'evidence (not a web link)', attrs: { title: entry.evidence } })
      : null,
  );
}
