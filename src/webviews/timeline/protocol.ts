/**
 * Every message between the timeline panel and the extension, one schema per
 * direction. Each side validates what it receives: the webview renders only
 * a well-formed model, and the extension acts only on well-formed intents.
 *
 * No `vscode` or Node imports: this file is bundled into the webview too.
 */
// zod/mini: the same validation as zod in a twentieth of the bytes, which
// matters for a script the panel loads every time it opens.
import * as z from 'zod/mini';
import type { TimelineEntry, TimelineModel, TimelineRow } from '../../core/timeline/types';

/** The panel's view type: the serializer and `onWebviewPanel:` activation use it. */
export const TIMELINE_VIEW_TYPE = 'incidentLens.timeline';

// Bounds on what the webview may send: generous for typing, small enough that
// a broken or hostile page cannot hand the extension megabytes to parse.
const MAX_INPUT = 10_000;
const MAX_URL = 4_096;

const count = () => z.int().check(z.nonnegative());
const version = count();
const requestId = count();
const index = z.int().check(z.nonnegative(), z.maximum(10_000_000));
const input = z.string().check(z.maxLength(MAX_INPUT));

// ---- extension -> webview: the model ------------------------------------

const markerName = z.enum(['started', 'detected', 'mitigated', 'resolved']);
const epoch = z.number();

const rowSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('day'), date: z.string() }),
  z.strictObject({ type: z.literal('marker'), name: markerName, epochMs: epoch }),
  z.strictObject({ type: z.literal('gap'), fromMs: epoch, toMs: epoch, label: z.string() }),
  z.strictObject({ type: z.literal('phase'), phase: z.enum(['detect', 'mitigate', 'resolve']), fromMs: epoch, toMs: epoch, label: z.string(), meaning: z.string() }),
  z.strictObject({ type: z.literal('untimed'), count: count() }),
]);

/**
 * A long array checked with one tight loop, not a schema run per element:
 * zod's per-element path costs about 100 ms for a 5,000-entry timeline on
 * its first runs in a fresh page (before the engine optimizes it), which is
 * most of a first-paint budget; this loop costs well under a millisecond.
 */
function arrayOf<T>(is: (value: unknown) => value is T, what: string) {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(is), `expected a list of ${what}`);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isEpoch = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isEpochOrNull = (value: unknown): value is number | null => value === null || isEpoch(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
/** A row: an entry's index, or a (short) row object checked by its schema. */
const isRow = (value: unknown): value is number | z.infer<typeof rowSchema> => (typeof value === 'number' ? isCount(value) : rowSchema.safeParse(value).success);

/**
 * The model as it travels: entries by column (one array per field) and entry
 * rows as bare entry indexes, so a long timeline is a few flat arrays to
 * check instead of thousands of objects.
 */
const wireModelSchema = z.strictObject({
  header: z.strictObject({ id: z.string(), title: z.string(), severity: z.string(), status: z.string() }),
  offsetMinutes: z.int().check(z.minimum(-24 * 60), z.maximum(24 * 60)),
  markers: z.array(z.strictObject({ name: markerName, at: z.string(), epochMs: epoch, line: count() })),
  entries: z.strictObject({
    at: arrayOf(isString, 'strings'),
    epochMs: arrayOf(isEpochOrNull, 'times'),
    kind: arrayOf(isString, 'strings'),
    who: arrayOf(isString, 'strings'),
    text: arrayOf(isString, 'strings'),
    evidence: arrayOf(isString, 'strings'),
    line: arrayOf(isCount, 'line numbers'),
  }),
  rows: arrayOf(isRow, 'rows'),
  quietGapMs: z.number().check(z.nonnegative()),
  problem: z.nullable(z.string()),
});

type WireModel = z.infer<typeof wireModelSchema>;

export function encodeModel(model: TimelineModel): WireModel {
  const column = <K extends keyof TimelineEntry>(key: K) => model.entries.map((entry) => entry[key]);
  return {
    header: { ...model.header },
    offsetMinutes: model.offsetMinutes,
    markers: model.markers.map((marker) => ({ ...marker })),
    entries: { at: column('at'), epochMs: column('epochMs'), kind: column('kind'), who: column('who'), text: column('text'), evidence: column('evidence'), line: column('line') },
    rows: model.rows.map((row) => (row.type === 'entry' ? row.index : { ...row })),
    quietGapMs: model.quietGapMs,
    problem: model.problem,
  };
}

/** The model back from its checked wire form; undefined when the columns disagree (lengths, row indexes). */
function decodeModel(wire: WireModel): TimelineModel | undefined {
  const { entries: columns } = wire;
  const count = columns.at.length;
  if ([columns.epochMs, columns.kind, columns.who, columns.text, columns.evidence, columns.line].some((list) => list.length !== count)) return undefined;
  if (wire.rows.some((row) => typeof row === 'number' && row >= count)) return undefined;
  const entries: TimelineEntry[] = columns.at.map((at, i) => ({
    index: i,
    at,
    epochMs: columns.epochMs[i],
    kind: columns.kind[i],
    who: columns.who[i],
    text: columns.text[i],
    evidence: columns.evidence[i],
    line: columns.line[i],
  }));
  const rows: TimelineRow[] = wire.rows.map((row) => (typeof row === 'number' ? { type: 'entry', index: row } : row));
  return { header: wire.header, offsetMinutes: wire.offsetMinutes, markers: wire.markers, entries, rows, quietGapMs: wire.quietGapMs, problem: wire.problem };
}

/** What happened to one intent. `stale`: the file changed first, nothing was written. */
export const OUTCOMES = ['applied', 'stale', 'failed'] as const;

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('render'),
    /** The document version the model was built from; intents must quote it. */
    version,
    /** The incident file, kept in the webview's state so the panel can come back after a reload. */
    uri: z.string().check(z.maxLength(MAX_URL)),
    /** A short name for the file, for the header. */
    fileName: z.string(),
    /**
     * The model as JSON text. The browser copies a message between frames
     * with structured cloning, which for a 5,000-entry object graph costs
     * ten times what JSON.parse of one string does; the webview parses and
     * validates it with `wireModelSchema` (see decodeRender).
     */
    model: z.string(),
    /** The entry to focus after the panel's own edit (where it moved to). */
    focusIndex: z.nullable(index),
    /** A delete from this panel that the Undo button can still restore. */
    canUndoDelete: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('result'),
    requestId,
    outcome: z.enum(OUTCOMES),
    /** Plain words for the reader; empty when there is nothing to say. */
    message: z.string(),
  }),
]);

// ---- webview -> extension: intents ----------------------------------------

const entryChangesSchema = z
  .strictObject({ at: z.optional(input), kind: z.optional(input), who: z.optional(input), text: z.optional(input), evidence: z.optional(input) })
  .check(z.refine((changes) => Object.values(changes).some((value) => value !== undefined), 'an edit changes at least one field'));

const newEntrySchema = z.strictObject({ at: input, kind: input, who: z.optional(input), text: input, evidence: z.optional(input) });

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('edit'), requestId, version, index, changes: entryChangesSchema }),
  z.strictObject({ type: z.literal('delete'), requestId, version, index }),
  z.strictObject({ type: z.literal('add'), requestId, version, entry: newEntrySchema }),
  z.strictObject({ type: z.literal('undoDelete'), requestId, version }),
  /** Asks the extension to open a link; it checks the scheme and asks the user first. */
  z.strictObject({ type: z.literal('openEvidence'), url: z.string().check(z.maxLength(MAX_URL)) }),
  /** Shows an entry (or marker) in the text editor. */
  z.strictObject({ type: z.literal('reveal'), line: count() }),
]);

/** What the webview keeps with `setState`, and the serializer gets back after a reload. */
export const panelStateSchema = z.object({
  uri: z.string().check(z.maxLength(MAX_URL)),
  kind: z.optional(z.string().check(z.maxLength(100))),
  who: z.optional(input),
  search: z.optional(input),
});

type ParsedHostMessage = z.infer<typeof hostMessageSchema>;
/** A render as posted: the model still JSON text. */
export type RenderWire = Extract<ParsedHostMessage, { type: 'render' }>;
/** A render with its model, typed as the core builds it (read-only); the schema checks the same shape. */
export type RenderMessage = Omit<RenderWire, 'model'> & { readonly model: TimelineModel };
export type ResultMessage = Extract<ParsedHostMessage, { type: 'result' }>;
export type HostMessage = RenderWire | ResultMessage;

export function encodeRender(message: RenderMessage): RenderWire {
  return { ...message, model: JSON.stringify(encodeModel(message.model)) };
}

/** The render with its model parsed and checked; undefined when the model is not valid JSON of the right shape. */
export function decodeRender(wire: RenderWire): RenderMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(wire.model);
  } catch {
    return undefined;
  }
  const checked = wireModelSchema.safeParse(json);
  const model = checked.success ? decodeModel(checked.data) : undefined;
  return model ? { ...wire, model } : undefined;
}
export type Outcome = (typeof OUTCOMES)[number];
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type Intent = Exclude<WebviewMessage, { type: 'ready' | 'openEvidence' | 'reveal' }>;
export type PanelState = z.infer<typeof panelStateSchema>;
