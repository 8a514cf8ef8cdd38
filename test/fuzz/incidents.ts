/**
 * Generated incident files: a model (the values the file means) and a
 * rendering of it in one of the many layouts people write by hand — block
 * or flow collections, indented or flush sequences, quoted or plain
 * scalars, comments above and beside values, blank lines, unknown fields,
 * CRLF. The fuzzer breaks these files; the edit property test edits them and
 * compares what the file says afterwards with what the model says it should.
 *
 * Every comment carries a unique marker (`c<n>`) and every unknown field a
 * unique name, so a test can tell exactly which ones an edit kept.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ACTION_KINDS, ACTION_STATUSES, COMMIT_ROLES, FACTOR_KINDS, REVIEW_STATUSES, STATUSES } from '../../src/core/schema';
import { TIMELINE_KINDS } from '../../src/core/timelineKinds';

export interface TimelineModel {
  at: string;
  kind: string;
  who?: string;
  text: string;
  evidence?: string;
  /** Unknown fields kept on the entry. */
  extra?: Record<string, string>;
}

export interface ActionModel {
  id: string;
  title: string;
  owner?: string;
  due?: string;
  status: string;
  kind?: string;
  link?: string;
  reason?: string;
}

export interface CodeModel {
  path: string;
  lines?: string;
  note?: string;
  pattern?: string;
}

export interface IncidentModel {
  id: string;
  title: string;
  status: string;
  severity: string;
  started: string;
  detected?: string;
  mitigated?: string;
  resolved?: string;
  services?: string[];
  tags?: string[];
  roles?: Record<string, string>;
  participants?: string[];
  impact?: Record<string, string>;
  near_miss?: boolean;
  review?: { status?: string; facilitator?: string; held?: string };
  code?: CodeModel[];
  commits?: { sha: string; role: string }[];
  factors?: { kind: string; text: string }[];
  actions?: ActionModel[];
  timeline?: TimelineModel[];
  /** Top-level fields the format does not know, kept by every edit. */
  unknown?: Record<string, string | number>;
}

/** How the model is written out. */
export interface Layout {
  readonly eol: '\n' | '\r\n';
  /** Block sequences indented under their key (`  - a`) or flush with it (`- a`). */
  readonly seqIndent: 0 | 2;
  /** Block lists of maps (actions, timeline, code...) written with one flow map per item (`- {at: ...}`). */
  readonly flowItems: boolean;
  /** Lists of strings (services, tags) as `[a, b]`. */
  readonly flowLists: boolean;
  /** Small maps (roles, impact, review) as `{a: b}`. */
  readonly flowMaps: boolean;
  readonly quote: 'plain' | 'single' | 'double';
  /** Probability-like switches, decided per place from this seed. */
  readonly commentSeed: number;
  readonly blankLines: boolean;
  readonly body: string;
  /** Top-level fields in this order (a permutation of the ones present). */
  readonly shuffle: number;
}

export interface GeneratedIncident {
  readonly model: IncidentModel;
  readonly layout: Layout;
  readonly text: string;
  /** Markers of every comment written (`c0`, `c1`...). */
  readonly comments: readonly string[];
  /** For each timeline entry, the comment markers written above it (they move and go with it). */
  readonly entryComments: readonly (readonly string[])[];
}

// ---------------------------------------------------------------- values

/** Words people write, with the characters that make YAML quoting matter. */
const WORDS = ['cache', 'checkout', 'rollback', 'p99', 'EU-west', 'DNS', 'TTL', 'on-call', 'v42', 'Priya', 'Ünïcødé', '東京', 'emoji 🚒', 'deploy-bot', 'config'];
const AWKWARD = [': ', ' #', '#', '- ', '"', "'", '`', '{', '}', '[', ']', ',', '&', '*', '!', '%', '@', '|', '>', '?', 'null', 'true', '~', '0x1F', '1e3', '2026-11-20', '---', '...', '\\', '\t', '<script>'];

export const textArb: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  // Control characters cannot be written in most YAML scalars; the mutation fuzzer covers them.
  .map((parts) => parts.join(' ').replace(/[\p{Cc}\p{Cs}\uFEFF\uFFFE\uFFFF]/gu, ' ').trim())
  .filter((value) => value.length > 0 && value.length <= 200);

/** Names for people and services: what a plain scalar usually is. */
const nameArb = fc.constantFrom('Priya Shah', 'Lee Wong', 'Sam Ortiz', 'Dana Kim (support)', 'deploy-bot', 'alerting', 'team-payments', "O'Brien", 'José');
const serviceArb = fc.constantFrom('checkout', 'cache', 'payments', 'search', 'edge-proxy', 'ledger');

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const offsetArb = fc.constantFrom('Z', '+01:00', '-05:00', '+05:30', '+00:00');

/** An instant in 2025-2027, as minutes from a base, so times can be ordered. */
export const BASE_MS = Date.UTC(2026, 0, 1);

export function isoAt(ms: number, offset: string): string {
  const minutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms + minutes * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${offset}`;
}

export function dateOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const optional = <T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq });

const timelineArb = (startMs: number, offset: string): fc.Arbitrary<TimelineModel[]> =>
  fc.array(
    fc.record({
      minute: fc.integer({ min: -30, max: 600 }),
      kind: fc.constantFrom(...TIMELINE_KINDS),
      who: optional(nameArb),
      text: textArb,
      evidence: optional(fc.constantFrom('https://grafana.example/d/abc', 'https://status.example/x?y=1#z')),
      extra: optional(fc.dictionary(fc.constantFrom('x_source', 'severity_hint', 'ticket'), fc.constantFrom('pager', '42', 'yes please'), { maxKeys: 1, minKeys: 1 }), 6),
    }),
    { maxLength: 8 },
  ).map((entries) =>
    entries.map((entry) => {
      const model: TimelineModel = { at: isoAt(startMs + entry.minute * 60_000, offset), kind: entry.kind, text: entry.text };
      if (entry.who !== undefined) model.who = entry.who;
      if (entry.evidence !== undefined) model.evidence = entry.evidence;
      if (entry.extra !== undefined) model.extra = entry.extra;
      return model;
    }),
  );

const actionsArb = (startMs: number): fc.Arbitrary<ActionModel[]> =>
  fc
    .array(
      fc.record({
        title: textArb,
        owner: optional(nameArb, 4),
        dueDays: optional(fc.integer({ min: -30, max: 90 }), 4),
        status: fc.constantFrom(...ACTION_STATUSES),
        kind: optional(fc.constantFrom(...ACTION_KINDS)),
        link: optional(fc.constant('https://tracker.example/PROJ-812')),
        reason: optional(textArb),
      }),
      { maxLength: 5 },
    )
    .map((actions) =>
      actions.map((action, i) => {
        const model: ActionModel = { id: `A${i + 1}`, title: action.title, status: action.status };
        if (action.owner !== undefined) model.owner = action.owner;
        if (action.dueDays !== undefined) model.due = dateOf(startMs + action.dueDays * 86_400_000);
        if (action.kind !== undefined) model.kind = action.kind;
        if (action.link !== undefined) model.link = action.link;
        if (action.reason !== undefined) model.reason = action.reason;
        return model;
      }),
    );

export const incidentModelArb: fc.Arbitrary<IncidentModel> = fc
  .record({
    year: fc.integer({ min: 2025, max: 2027 }),
    number: fc.integer({ min: 1, max: 999 }),
    title: textArb,
    status: fc.constantFrom(...STATUSES),
    severity: fc.constantFrom('SEV1', 'SEV2', 'SEV3', 'SEV4'),
    startMinute: fc.integer({ min: 0, max: 500_000 }),
    offset: offsetArb,
    detected: optional(fc.integer({ min: 0, max: 60 })),
    mitigated: optional(fc.integer({ min: 0, max: 600 })),
    resolved: optional(fc.integer({ min: 0, max: 6000 })),
    services: optional(fc.uniqueArray(serviceArb, { minLength: 1, maxLength: 3 })),
    tags: optional(fc.uniqueArray(fc.constantFrom('cache', 'config', 'regional', 'near miss'), { minLength: 1, maxLength: 3 })),
    roles: optional(fc.dictionary(fc.constantFrom('commander', 'communications', 'operations', 'scribe', 'liaison'), nameArb, { minKeys: 1, maxKeys: 3 })),
    participants: optional(fc.uniqueArray(nameArb, { minLength: 1, maxLength: 4 })),
    impact: optional(fc.record({ summary: textArb }, { requiredKeys: [] })),
    nearMiss: optional(fc.boolean(), 5),
    review: optional(fc.record({ status: fc.constantFrom(...REVIEW_STATUSES), facilitator: nameArb, heldDays: fc.integer({ min: 1, max: 30 }) }, { requiredKeys: [] })),
    code: optional(
      fc.array(
        fc.record({
          path: fc.constantFrom('src/cache/client.ts', 'deploy/cache/**', 'src/a b/c.ts'),
          lines: optional(fc.constantFrom('40-88', '7', '1-2')),
          note: optional(textArb),
          pattern: optional(fc.constantFrom('const DEFAULT_TTL', 'x: y # z')),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    commits: optional(fc.array(fc.record({ sha: fc.constantFrom('3f2a9c1', 'abcdef0123', '0123456789abcdef0123456789abcdef01234567'), role: fc.constantFrom(...COMMIT_ROLES) }), { minLength: 1, maxLength: 2 })),
    factors: optional(fc.array(fc.record({ kind: fc.constantFrom(...FACTOR_KINDS), text: textArb }), { minLength: 1, maxLength: 2 })),
    withActions: fc.boolean(),
    withTimeline: fc.integer({ min: 0, max: 4 }),
    unknown: optional(fc.dictionary(fc.constantFrom('sevrity_note', 'x_pager', 'customer_ticket', 'x_team'), fc.oneof(textArb, fc.integer({ min: 0, max: 99 })), { minKeys: 1, maxKeys: 2 })),
  })
  .chain((r) => {
    const startMs = BASE_MS + r.startMinute * 60_000;
    return fc.tuple(fc.constant(r), timelineArb(startMs, r.offset), actionsArb(startMs)).map(([rec, timeline, actions]) => {
      const model: IncidentModel = {
        id: `INC-${rec.year}-${pad(rec.number, 3)}`,
        title: rec.title,
        status: rec.status,
        severity: rec.severity,
        started: isoAt(startMs, rec.offset),
      };
      let at = startMs;
      if (rec.detected !== undefined) model.detected = isoAt((at += rec.detected * 60_000), rec.offset);
      if (rec.mitigated !== undefined) model.mitigated = isoAt((at += rec.mitigated * 60_000), rec.offset);
      if (rec.resolved !== undefined) model.resolved = isoAt((at += rec.resolved * 60_000), rec.offset);
      if (rec.services) model.services = rec.services;
      if (rec.tags) model.tags = rec.tags;
      if (rec.roles) model.roles = rec.roles;
      if (rec.participants) model.participants = rec.participants;
      if (rec.impact && Object.keys(rec.impact).length > 0) model.impact = rec.impact as Record<string, string>;
      if (rec.nearMiss !== undefined) model.near_miss = rec.nearMiss;
      if (rec.review && Object.keys(rec.review).length > 0) {
        const review: IncidentModel['review'] = {};
        if (rec.review.status) review.status = rec.review.status;
        if (rec.review.facilitator) review.facilitator = rec.review.facilitator;
        if (rec.review.heldDays) review.held = dateOf(startMs + rec.review.heldDays * 86_400_000);
        model.review = review;
      }
      if (rec.code) model.code = rec.code.map((link) => dropUndefined({ ...link }));
      if (rec.commits) model.commits = rec.commits;
      if (rec.factors) model.factors = rec.factors;
      if (rec.withActions && actions.length > 0) model.actions = actions;
      if (rec.withTimeline > 0 && timeline.length > 0) model.timeline = timeline;
      if (rec.unknown) model.unknown = rec.unknown;
      return model;
    });
  });

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

export const layoutArb: fc.Arbitrary<Layout> = fc.record({
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\n', '\n', '\r\n'),
  seqIndent: fc.constantFrom<0 | 2>(2, 2, 0),
  flowItems: fc.boolean(),
  flowLists: fc.boolean(),
  flowMaps: fc.boolean(),
  quote: fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'plain', 'single', 'double'),
  commentSeed: fc.nat(),
  blankLines: fc.boolean(),
  body: fc.constantFrom('', '## Summary\nCache TTL went to zero.\n', '## Narrative\nThe team failed to roll back: human error.\n\n## Learnings\n- a\n', '\n# Heading\n\n```yaml\n---\nid: X-1\n---\n```\n'),
  shuffle: fc.nat(),
});

export const generatedIncidentArb: fc.Arbitrary<GeneratedIncident> = fc.tuple(incidentModelArb, layoutArb).map(([model, layout]) => renderIncident(model, layout));

// ---------------------------------------------------------------- rendering

/** A tiny deterministic generator for the layout's per-place choices. */
function chooser(seed: number): (percent: number) => boolean {
  let state = seed >>> 0 || 1;
  return (percent) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 100 < percent;
  };
}

const CANONICAL = ['id', 'title', 'status', 'severity', 'started', 'detected', 'mitigated', 'resolved', 'services', 'tags', 'roles', 'participants', 'impact', 'near_miss', 'review', 'code', 'commits', 'factors', 'actions', 'timeline'];

export function renderIncident(model: IncidentModel, layout: Layout): GeneratedIncident {
  const maybe = chooser(layout.commentSeed);
  const comments: string[] = [];
  const entryComments: string[][] = [];
  const lines: string[] = ['---'];
  const comment = (): string => {
    const marker = `c${comments.length}`;
    comments.push(marker);
    return `# ${marker}`;
  };
  const trailing = (percent: number): string => (maybe(percent) ? `  ${comment()}` : '');
  const scalar = (value: string | number | boolean, flow = false): string => writeScalar(value, layout.quote, flow);
  const dash = ' '.repeat(layout.seqIndent);

  const keys = CANONICAL.filter((key) => (model as unknown as Record<string, unknown>)[key] !== undefined);
  const unknownKeys = Object.keys(model.unknown ?? {});
  const order = [...keys, ...unknownKeys];
  // A rotation of the optional fields after the required ones: people reorder, rarely the required ones.
  const rotate = layout.shuffle % Math.max(1, order.length - 5);
  const tail = order.slice(5);
  const ordered = [...order.slice(0, 5), ...tail.slice(rotate), ...tail.slice(0, rotate)];

  for (const key of ordered) {
    if (maybe(12)) lines.push(comment());
    if (layout.blankLines && maybe(10)) lines.push('');
    const value = key in (model.unknown ?? {}) ? model.unknown![key] : (model as unknown as Record<string, unknown>)[key];
    switch (key) {
      case 'services':
      case 'tags':
      case 'participants': {
        const list = value as string[];
        if (layout.flowLists) lines.push(`${key}: [${list.map((item) => scalar(item, true)).join(', ')}]${trailing(10)}`);
        else {
          lines.push(`${key}:${trailing(10)}`);
          for (const item of list) lines.push(`${dash}- ${scalar(item)}${trailing(5)}`);
        }
        break;
      }
      case 'roles':
      case 'impact':
      case 'review': {
        const map = value as Record<string, string>;
        const entries = Object.entries(map);
        if (layout.flowMaps) lines.push(`${key}: {${entries.map(([k, v]) => `${k}: ${scalar(v, true)}`).join(', ')}}${trailing(10)}`);
        else {
          lines.push(`${key}:${trailing(10)}`);
          for (const [k, v] of entries) lines.push(`  ${k}: ${scalar(v)}${trailing(8)}`);
        }
        break;
      }
      case 'code':
      case 'commits':
      case 'factors':
      case 'actions':
      case 'timeline': {
        const items = value as Record<string, unknown>[];
        lines.push(`${key}:${trailing(10)}`);
        items.forEach((item, index) => {
          const above: string[] = [];
          if (maybe(15)) {
            const line = comment();
            above.push(line.slice(2));
            lines.push(`${dash}${line}`);
          }
          if (key === 'timeline') entryComments[index] = above;
          const fields = Object.entries(key === 'timeline' ? flattenEntry(item as unknown as TimelineModel) : item).filter(([, v]) => v !== undefined) as [string, string | number | boolean][];
          if (layout.flowItems) {
            lines.push(`${dash}- {${fields.map(([k, v]) => `${k}: ${scalar(v, true)}`).join(', ')}}${trailing(8)}`);
          } else {
            fields.forEach(([k, v], i) => lines.push(`${i === 0 ? `${dash}- ` : `${dash}  `}${k}: ${scalar(v)}${trailing(6)}`));
          }
        });
        break;
      }
      default:
        lines.push(`${key}: ${scalar(value as string | number | boolean)}${trailing(10)}`);
    }
  }
  if (maybe(10)) lines.push(comment());
  lines.push('---');
  const text = `${lines.join(layout.eol)}${layout.eol}${layout.body.replace(/\n/g, layout.eol)}`;
  return { model, layout, text, comments, entryComments };
}

function flattenEntry(entry: TimelineModel): Record<string, string> {
  const { extra, ...fields } = entry;
  return { ...fields, ...(extra ?? {}) };
}

/** A scalar as YAML, in the requested quoting where that quoting can hold it. */
export function writeScalar(value: string | number | boolean, quote: Layout['quote'], flow: boolean): string {
  if (typeof value !== 'string') return String(value);
  // Timestamps and dates stay plain: the format reads them as strings either way.
  if (/^\d{4}-\d{2}-\d{2}(T[\d:]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) && quote === 'plain') return value;
  if (quote === 'double') return JSON.stringify(value);
  if (quote === 'single') return `'${value.replace(/'/g, "''")}'`;
  const written = stringify(flow ? [value] : value, flow ? { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 } : { lineWidth: 0 }).trim();
  const plain = flow ? written.slice(1, -1) : written;
  // `yaml` writes some strings (`... x`, `--- x`) as block scalars, which cannot sit after a nested key.
  return /[\r\n]/.test(plain) ? JSON.stringify(value) : plain;
}

/** The model as the parsed front matter should read: what `FrontMatterText.parse(text).value` gives. */
export function expectedValue(model: IncidentModel): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(model)) {
    if (field === undefined || key === 'unknown' || key === 'timeline') continue;
    value[key] = field;
  }
  if (model.timeline) value.timeline = model.timeline.map(flattenEntry);
  Object.assign(value, model.unknown ?? {});
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
