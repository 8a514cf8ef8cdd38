/**
 * Every message between the Insights panel and the extension, one schema
 * per direction, validated on arrival by both sides: the webview draws only
 * a well-formed report, and the extension acts only on well-formed intents.
 *
 * No `vscode` or Node imports: this file is bundled into the webview too.
 */
// zod/mini: the same checks as zod in far fewer bytes, for a script the panel loads each time.
import * as z from 'zod/mini';
import type { ReportDocument } from '../../core/report/model';

/** The panel's view type: the serializer and `onWebviewPanel:` activation use it. */
export const INSIGHTS_VIEW_TYPE = 'incidentLens.insights';

// Bounds on what the webview may send: small, so a broken page cannot hand the extension megabytes.
const MAX_KEY = 4_096;
const MAX_NAME = 500;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const unit = z.enum(['month', 'quarter']);

const filtersSchema = z.strictObject({
  from: z.optional(day),
  to: z.optional(day),
  service: z.optional(z.string().check(z.maxLength(MAX_NAME))),
  severity: z.optional(z.string().check(z.maxLength(MAX_NAME))),
});

// ---- extension -> webview: the report --------------------------------------

const inline = z.union([z.string(), z.strictObject({ ref: z.string() }), z.strictObject({ code: z.string() })]);
const cell = z.array(inline);
const table = z.strictObject({
  caption: z.string(),
  columns: z.array(z.strictObject({ label: z.string(), numeric: z.optional(z.boolean()) })),
  rows: z.array(z.array(cell)),
});
const n = z.number();
const mark = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rect'), x: n, y: n, width: n, height: n, className: z.string(), title: z.optional(z.string()), ref: z.optional(z.string()) }),
  z.strictObject({ type: z.literal('circle'), cx: n, cy: n, r: n, className: z.string(), title: z.optional(z.string()), ref: z.optional(z.string()) }),
  z.strictObject({ type: z.literal('line'), x1: n, y1: n, x2: n, y2: n, className: z.string() }),
  z.strictObject({ type: z.literal('text'), x: n, y: n, text: z.string(), className: z.string(), anchor: z.enum(['start', 'middle', 'end']) }),
]);
const chart = z.strictObject({
  width: n,
  height: n,
  description: z.string(),
  marks: z.array(mark),
  legend: z.array(z.strictObject({ label: z.string(), className: z.string() })),
});
const block = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), parts: z.array(inline), style: z.optional(z.enum(['note', 'definition'])) }),
  z.strictObject({ kind: z.literal('list'), items: z.array(z.array(inline)) }),
  z.strictObject({ kind: z.literal('table'), table }),
  z.strictObject({ kind: z.literal('figure'), chart, table }),
]);
const incidentRef = z.strictObject({
  key: z.string(),
  id: z.string(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  nearMiss: z.boolean(),
  started: z.optional(z.string()),
  startedMs: z.optional(n),
  startedDay: z.optional(z.string()),
  folder: z.string(),
  path: z.string(),
});

const documentSchema = z.strictObject({
  title: z.string(),
  scope: z.array(inline),
  top: z.strictObject({ sentence: z.string(), incidents: z.array(z.string()), basis: z.string() }),
  sections: z.array(z.strictObject({ id: z.string(), title: z.string(), level: z.union([z.literal(2), z.literal(3)]), blocks: z.array(block) })),
  incidents: z.array(incidentRef),
});

const choices = z.strictObject({
  services: z.array(z.string()),
  severities: z.array(z.string()),
});

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('render'),
    /**
     * The report as JSON text: copying one string between frames is much
     * cheaper than a deep object; the webview parses it and checks it with
     * `documentSchema` (see decodeRender).
     */
    document: z.string(),
    filters: filtersSchema,
    unit: z.nullable(unit),
    choices,
    /** Code areas are still being read from git history; a second render follows. */
    pending: z.boolean(),
  }),
]);

// ---- webview -> extension: intents ------------------------------------------

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /** New filters (and grouping); the extension answers with a render. */
  z.strictObject({ type: z.literal('filter'), filters: filtersSchema, unit: z.nullable(unit) }),
  /** Opens an incident file in the editor. */
  z.strictObject({ type: z.literal('open'), key: z.string().check(z.maxLength(MAX_KEY)) }),
  /** Saves the report, as shown, to a file the user picks. */
  z.strictObject({ type: z.literal('save'), format: z.enum(['markdown', 'html']) }),
]);

/** What the webview keeps with `setState`, and the serializer gets back after a reload. */
export const panelStateSchema = z.object({
  filters: z.optional(filtersSchema),
  unit: z.optional(z.nullable(unit)),
});

type ParsedHostMessage = z.infer<typeof hostMessageSchema>;
export type RenderWire = Extract<ParsedHostMessage, { type: 'render' }>;
export type RenderMessage = Omit<RenderWire, 'document'> & { readonly document: ReportDocument };
export type HostMessage = RenderWire;
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type PanelState = z.infer<typeof panelStateSchema>;
export type PanelFilters = z.infer<typeof filtersSchema>;

export function encodeRender(message: RenderMessage): RenderWire {
  return { ...message, document: JSON.stringify(message.document) };
}

/** The render with its document parsed and checked; undefined when it is not valid JSON of the right shape. */
export function decodeRender(wire: RenderWire): RenderMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(wire.document);
  } catch {
    return undefined;
  }
  const document = documentSchema.safeParse(json);
  return document.success ? { ...wire, document: document.data } : undefined;
}

// The schema and the core's document type must describe the same thing: each
// must be assignable to the other, or this file does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
const documentMatches: Same<z.infer<typeof documentSchema>, DeepMutable<ReportDocument>> = true;
void documentMatches;
