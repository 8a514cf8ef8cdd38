/**
 * The incident format (version 1) as a zod schema. Validation issues are
 * mapped to diagnostics with source ranges by `validate.ts`; the schema is
 * also the single list of known fields and allowed values.
 */
import { z } from 'zod';
import { INCIDENT_ID_PATTERN } from './ids';
import { parseLines } from './summarize';
import { isTimelineKind, TIMELINE_KINDS } from './timelineKinds';
import { parseDate, parseTimestamp } from './timestamps';

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'reviewed'] as const;
export const REVIEW_STATUSES = ['draft', 'in-review', 'done'] as const;
export const COMMIT_ROLES = ['trigger', 'fix', 'mitigation', 'related'] as const;
export const FACTOR_KINDS = ['change', 'capacity', 'dependency', 'config', 'monitoring', 'process', 'knowledge', 'communication', 'other'] as const;
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export const ACTION_KINDS = ['mitigate', 'prevent', 'detect', 'process', 'learn'] as const;
export const STANDARD_ROLES = ['commander', 'communications', 'operations', 'scribe'] as const;
export const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** The level to start from when nothing says otherwise: the third (SEV3 of SEV1..SEV4), or the last of a shorter list. */
export function usualSeverity(levels: readonly string[]): string {
  return levels[Math.min(2, levels.length - 1)];
}
export const LIFECYCLE_FIELDS = ['started', 'detected', 'mitigated', 'resolved'] as const;
export const REQUIRED_FIELDS = ['id', 'title', 'status', 'severity', 'started'] as const;

/** Marks a zod issue as a timestamp problem, so it maps to `invalid-timestamp`. */
export const TIMESTAMP_ISSUE = 'incident-lens/timestamp';

const timestamp = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== 'string' || !parseTimestamp(value)) {
    ctx.addIssue({ code: 'custom', message: 'timestamp', params: { kind: TIMESTAMP_ISSUE, expected: 'timestamp' }, input: value });
  }
});

const date = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== 'string' || parseDate(value) === undefined) {
    ctx.addIssue({ code: 'custom', message: 'date', params: { kind: TIMESTAMP_ISSUE, expected: 'date' }, input: value });
  }
});

// `N-M` with 1 <= N <= M: `0-4` and `88-40` are not line ranges.
const lineRange = z.string().refine((value) => parseLines(value) !== undefined, { message: 'line range' });

const commitSha = z.string().regex(/^[0-9a-fA-F]{7,40}$/);

/**
 * The values whose JSON Schema jsonSchemas.ts writes itself, as zod cannot
 * derive it: timestamps, dates and line ranges are checked by code, and a sha
 * of digits only is a number to YAML that the linter reads as written.
 */
export const VALUES_WITH_OWN_JSON_SCHEMA = { timestamp, date, lineRange, commitSha };

const text = z.string();
const stringList = z.array(z.string());

const codeLinkSchema = z.strictObject({
  path: z.string().min(1),
  lines: z.union([z.number().int().positive(), lineRange]).optional(),
  note: text.optional(),
  pattern: z.string().min(1).optional(),
  ref: commitSha.optional(),
});

const commitSchema = z.strictObject({
  sha: commitSha,
  role: z.enum(COMMIT_ROLES),
  repo: text.optional(),
});

const factorSchema = z.strictObject({
  kind: z.enum(FACTOR_KINDS),
  text: z.string().min(1),
});

const actionSchema = z.strictObject({
  id: z.union([z.string().min(1), z.number()]),
  title: z.string().min(1),
  owner: text.optional(),
  due: date.optional(),
  status: z.enum(ACTION_STATUSES),
  kind: z.enum(ACTION_KINDS).optional(),
  link: text.optional(),
  reason: text.optional(),
});

const timelineEntrySchema = z.strictObject({
  at: timestamp,
  kind: z.enum(TIMELINE_KINDS),
  who: text.optional(),
  text: z.string().min(1),
  evidence: text.optional(),
});

/**
 * True only for a timeline that `timelineEntrySchema` accepts entry by entry:
 * maps with a valid `at` and `kind`, a non-empty `text`, `who` and
 * `evidence` absent or text, and no other key. The timeline is most of a
 * typical front matter and zod spends several times longer on it than this
 * check, so validation skips it when this holds; whatever this does not
 * accept still goes through zod, so the issues are the same. It must never
 * accept more than the schema: keep the two in step.
 */
export function isValidTimeline(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
    const entry = item as Record<string, unknown>;
    for (const key in entry) {
      if (key !== 'at' && key !== 'kind' && key !== 'who' && key !== 'text' && key !== 'evidence') return false;
    }
    const { at, kind, who, text, evidence } = entry;
    if (typeof at !== 'string' || parseTimestamp(at) === undefined) return false;
    if (!isTimelineKind(kind)) return false;
    if (typeof text !== 'string' || text.length === 0) return false;
    if ((who !== undefined && typeof who !== 'string') || (evidence !== undefined && typeof evidence !== 'string')) return false;
  }
  return true;
}

function incidentShape(severities: readonly string[]) {
  return {
    id: z.string().regex(INCIDENT_ID_PATTERN),
    title: z.string().min(1).max(200),
    status: z.enum(STATUSES),
    severity: z.enum(severities as [string, ...string[]]),
    started: timestamp,
    detected: timestamp.optional(),
    mitigated: timestamp.optional(),
    resolved: timestamp.optional(),
    services: stringList.optional(),
    tags: stringList.optional(),
    roles: z.record(z.string(), z.string()).optional(),
    participants: stringList.optional(),
    impact: z.strictObject({ summary: text.optional(), customers: text.optional(), duration_note: text.optional() }).optional(),
    near_miss: z.boolean().optional(),
    review: z.strictObject({ status: z.enum(REVIEW_STATUSES).optional(), facilitator: text.optional(), held: date.optional() }).optional(),
    code: z.array(codeLinkSchema).optional(),
    commits: z.array(commitSchema).optional(),
    factors: z.array(factorSchema).optional(),
    actions: z.array(actionSchema).optional(),
    timeline: z.array(timelineEntrySchema).optional(),
  };
}

export const KNOWN_FIELDS: readonly string[] = Object.keys(incidentShape(DEFAULT_SEVERITIES));

const schemaCache = new Map<string, z.ZodType>();

/** The front matter schema for a set of severity levels. */
export function incidentSchema(severities: readonly string[]): z.ZodType {
  const key = severities.join('\u0000');
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = z.strictObject(incidentShape(severities.length > 0 ? severities : DEFAULT_SEVERITIES));
    schemaCache.set(key, schema);
  }
  return schema;
}

/** Field names known at a path, for suggestions (`sevrity` → `severity`). */
export function knownFieldsAt(path: readonly (string | number)[]): readonly string[] {
  const names = path.filter((part): part is string => typeof part === 'string');
  const parent = names[names.length - 1];
  switch (parent) {
    case undefined:
      return KNOWN_FIELDS;
    case 'code':
      return Object.keys(codeLinkSchema.shape);
    case 'commits':
      return Object.keys(commitSchema.shape);
    case 'factors':
      return Object.keys(factorSchema.shape);
    case 'actions':
      return Object.keys(actionSchema.shape);
    case 'timeline':
      return Object.keys(timelineEntrySchema.shape);
    case 'impact':
      return ['summary', 'customers', 'duration_note'];
    case 'review':
      return ['status', 'facilitator', 'held'];
    default:
      return [];
  }
}
