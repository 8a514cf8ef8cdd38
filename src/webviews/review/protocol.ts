/**
 * Every message between the review panel and the extension, one schema per
 * direction. Each side validates what it receives: the webview renders only
 * a well-formed model (whose body is the safe Markdown tree, never HTML),
 * and the extension acts only on well-formed intents.
 *
 * No `vscode` or Node imports: this file is bundled into the webview too.
 */
// zod/mini, as in the timeline panel: the same checks in far fewer bytes.
import * as z from 'zod/mini';
import { MD_TAGS, type MdNode } from '../../core/review/mdNode';
import { safeLink } from '../../core/safeLink';
import { ACTION_TESTS, REVIEW_STATUSES, type ReviewModel, STEP_IDS, TEMPLATE_SECTIONS } from '../../core/review/types';

/** The panel's view type: the serializer and `onWebviewPanel:` activation use it. */
export const REVIEW_VIEW_TYPE = 'incidentLens.review';

// Bounds on what the webview may send: enough for a name or a date, small
// enough that a broken or hostile page cannot hand the extension megabytes.
const MAX_INPUT = 200;
const MAX_URL = 4_096;

const count = () => z.int().check(z.nonnegative());
const line = count();
const version = count();
const requestId = count();
const input = z.string().check(z.maxLength(MAX_INPUT));

// ---- extension -> webview: the model ------------------------------------

const textNode = z.strictObject({ t: z.literal('text'), v: z.string() });
const elementNode = z.strictObject({
  t: z.literal('el'),
  tag: z.enum(MD_TAGS),
  get children() {
    return z.array(mdNode);
  },
  line: z.optional(line),
  start: z.optional(z.int()),
  align: z.optional(z.enum(['left', 'right', 'center'])),
});
const codeNode = z.strictObject({ t: z.literal('code'), v: z.string(), block: z.boolean() });
const linkNode = z.strictObject({
  t: z.literal('link'),
  // Only addresses the reader may open reach the page as links.
  href: z.nullable(z.string().check(z.refine((href) => safeLink(href) === href))),
  target: z.string(),
  get children() {
    return z.array(mdNode);
  },
});
const imageNode = z.strictObject({ t: z.literal('image'), alt: z.string(), target: z.string() });
const mdNode: z.ZodMiniType<MdNode> = z.discriminatedUnion('t', [
  textNode,
  elementNode,
  codeNode,
  linkNode,
  imageNode,
  z.strictObject({ t: z.literal('br') }),
  z.strictObject({ t: z.literal('hr') }),
]);

const sectionName = z.enum(TEMPLATE_SECTIONS);
const reviewField = z.enum(['status', 'facilitator', 'held']);

const target = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reveal'), line }),
  z.strictObject({ kind: z.literal('insertSection'), section: sectionName }),
  z.strictObject({ kind: z.literal('insertPerspective'), group: z.string() }),
  z.strictObject({ kind: z.literal('insertFactors') }),
  z.strictObject({ kind: z.literal('reviewField'), field: reviewField }),
  z.strictObject({ kind: z.literal('openTimeline') }),
]);

const check = z.strictObject({ id: z.string(), label: z.string(), done: z.boolean(), detail: z.string(), targets: z.array(target) });

const step = z.strictObject({
  id: z.enum(STEP_IDS),
  number: count(),
  title: z.string(),
  done: z.boolean(),
  checks: z.array(check),
  prompts: z.array(z.string()),
});

const actionTest = z.enum(ACTION_TESTS);

const actionItem = z.strictObject({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  due: z.string(),
  status: z.string(),
  active: z.boolean(),
  line,
  tests: z.array(z.strictObject({ test: actionTest, ok: z.boolean(), message: z.string() })),
  linkedTo: z.string(),
});

const actions = z.strictObject({
  items: z.array(actionItem),
  activeCount: count(),
  maxOpen: count(),
  tooMany: z.boolean(),
  horizonDays: count(),
  horizonFrom: z.strictObject({ date: z.string(), basis: z.enum(['review', 'resolved', 'started', 'today']) }),
  okCount: count(),
  failing: z.strictObject({ owner: count(), due: count(), horizon: count(), linked: count() }),
  summary: z.string(),
  line: z.int().check(z.minimum(-1)),
});

const blameItem = z.strictObject({
  phrase: z.string(),
  hint: z.string(),
  line,
  character: count(),
  endCharacter: count(),
  section: z.string(),
  excerpt: z.string(),
});

const modelSchema = z.strictObject({
  header: z.strictObject({ id: z.string(), title: z.string(), severity: z.string(), status: z.string(), resolved: z.string() }),
  review: z.strictObject({ status: z.string(), facilitator: z.string(), held: z.string() }),
  steps: z.array(step),
  actions,
  blame: z.array(blameItem),
  body: z.array(mdNode),
  problem: z.nullable(z.string()),
});

/** What happened to one intent. `stale`: the file changed first, nothing was written. */
export const OUTCOMES = ['applied', 'stale', 'failed'] as const;

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('render'),
    /** The document version the model was built from; intents must quote it. */
    version,
    /** The incident file, kept in the webview's state so the panel comes back after a reload. */
    uri: z.string().check(z.maxLength(MAX_URL)),
    fileName: z.string(),
    /** Today in the reader's calendar (YYYY-MM-DD): the date field's suggestion. */
    today: z.string(),
    model: modelSchema,
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

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('insertSection'), requestId, version, section: sectionName }),
  z.strictObject({ type: z.literal('insertPerspective'), requestId, version, group: input.check(z.minLength(1)) }),
  z.strictObject({ type: z.literal('insertFactors'), requestId, version }),
  z.strictObject({
    type: z.literal('setReview'),
    requestId,
    version,
    status: z.optional(z.enum(REVIEW_STATUSES)),
    facilitator: z.optional(input),
    held: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
  /** Shows a line of the incident in the text editor (a section, an action item, a phrase). */
  z.strictObject({ type: z.literal('reveal'), line, character: z.optional(count()), endCharacter: z.optional(count()) }),
  /** Asks the extension to open a link from the body; it checks the address and asks the user first. */
  z.strictObject({ type: z.literal('openLink'), url: z.string().check(z.maxLength(MAX_URL)) }),
  z.strictObject({ type: z.literal('openTimeline') }),
  z.strictObject({ type: z.literal('export') }),
]);

/** What the webview keeps with `setState`, and the serializer gets back after a reload. */
export const panelStateSchema = z.object({ uri: z.string().check(z.maxLength(MAX_URL)) });

type ParsedHostMessage = z.infer<typeof hostMessageSchema>;
/** The model typed as the core builds it (read-only); the schema checks the same shape. */
export type RenderMessage = Omit<Extract<ParsedHostMessage, { type: 'render' }>, 'model'> & { readonly model: ReviewModel };
export type ResultMessage = Extract<ParsedHostMessage, { type: 'result' }>;
export type HostMessage = RenderMessage | ResultMessage;
export type Outcome = (typeof OUTCOMES)[number];
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type Intent = Extract<WebviewMessage, { type: 'insertSection' | 'insertPerspective' | 'insertFactors' | 'setReview' }>;
export type PanelState = z.infer<typeof panelStateSchema>;

// The schema and the core's model type must describe the same thing: each
// must be assignable to the other, or this file does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const modelMatches: Same<DeepMutable<z.infer<typeof modelSchema>>, DeepMutable<ReviewModel>> = true;
void modelMatches;

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
