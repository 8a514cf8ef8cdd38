/**
 * JSON Schemas of the front matter and of `incidents/catalog.yaml`, generated
 * from the zod schemas for tools that cannot run the linter: the YAML
 * extension (for the catalog), front matter validators, pre-commit hooks.
 * scripts/schemas.mjs writes them to schemas/. They say less than the linter:
 * docs/format.md, "JSON Schemas".
 */
import { z } from 'zod';
import { catalogSchema } from './catalog';
import { CATALOG_FIELD_DOCS, FIELD_DOCS } from './fieldDocs';
import { DEFAULT_SEVERITIES, incidentSchema, VALUES_WITH_OWN_JSON_SCHEMA } from './schema';
import { LINE_RANGE_SHAPE } from './summarize';
import { DATE_SHAPE, TIMESTAMP_SHAPE } from './timestamps';

type JsonSchema = z.core.JSONSchema.BaseSchema;

export const JSON_SCHEMA_FOLDER = 'schemas';
export const FRONT_MATTER_SCHEMA_FILE = 'incident-front-matter.schema.json';
export const CATALOG_SCHEMA_FILE = 'catalog.schema.json';

const { timestamp, date, lineRange, commitSha } = VALUES_WITH_OWN_JSON_SCHEMA;

/** What replaces zod's JSON Schema of a value, given zod's. */
const OWN_SCHEMAS = new Map<z.core.$ZodType, (derived: JsonSchema) => JsonSchema>([
  [timestamp, () => ({ type: 'string', pattern: TIMESTAMP_SHAPE.source, description: 'ISO 8601 with an offset, like 2026-11-20T14:02:00Z or 2026-11-20T15:02+01:00.' })],
  [date, () => ({ type: 'string', pattern: DATE_SHAPE.source, description: 'A date, like 2026-11-24, or a timestamp (its day in its own offset).' })],
  [lineRange, () => ({ type: 'string', pattern: LINE_RANGE_SHAPE.source, description: 'N or N-M, 1-based, N no more than M.' })],
  // YAML reads `sha: 1234567` as a number; the linter takes the digits as written.
  [commitSha, (derived) => ({ anyOf: [derived, { type: 'integer', minimum: 0 }] })],
]);

/** The generated files by name, as they are written to JSON_SCHEMA_FOLDER. */
export function jsonSchemaFiles(): Record<string, string> {
  return {
    [FRONT_MATTER_SCHEMA_FILE]: formatted(frontMatterJsonSchema()),
    [CATALOG_SCHEMA_FILE]: formatted(catalogJsonSchema()),
  };
}

function frontMatterJsonSchema(): JsonSchema {
  const schema = fromZod(
    incidentSchema(DEFAULT_SEVERITIES),
    'Incident Lens incident front matter',
    `The YAML front matter of an incident file (format version 1), with the default severity levels ${DEFAULT_SEVERITIES.join(', ')}. ` +
      'The linter, incident-lens lint, checks more: docs/format.md of Incident Lens.',
  );
  // Only the top level: nested names (an action's `status`) mean something else.
  return withDescriptions(schema, (name, depth) => (depth === 0 ? ownValue(FIELD_DOCS, name) : undefined));
}

function catalogJsonSchema(): JsonSchema {
  const schema = fromZod(
    catalogSchema,
    'Incident Lens service catalog',
    'incidents/catalog.yaml: the owners, contacts, runbook and code paths of each service. See docs/format.md of Incident Lens.',
  );
  return withDescriptions(schema, (name) => ownValue(CATALOG_FIELD_DOCS, name));
}

/**
 * Draft-07: the YAML language server validates with it (later drafts only in
 * part), and most validators (ajv's default among them) take it as is.
 * `input`: what a file may say, which is what tools check.
 */
function fromZod(schema: z.core.$ZodType, title: string, description: string): JsonSchema {
  const { $schema, ...derived } = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const own = OWN_SCHEMAS.get(zodSchema);
      if (own) replaceContents(jsonSchema, own({ ...jsonSchema }));
    },
  });
  return { $schema, title, description, ...derived };
}

/** zod keeps the object it handed to `override`, so it is changed in place. */
function replaceContents(target: JsonSchema, source: JsonSchema): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}

type Describe = (name: string, depth: number) => string | undefined;

/** A copy of the schema in which each property that `describe` has a text for carries it as its description. */
function withDescriptions(schema: JsonSchema, describe: Describe): JsonSchema {
  return describeIn(schema, describe, 0) as JsonSchema;
}

/** `depth` counts the objects around a property: 0 for the fields of the top-level map. */
function describeIn(value: unknown, describe: Describe, depth: number): unknown {
  if (Array.isArray(value)) return value.map((item) => describeIn(item, describe, depth));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, key === 'properties' ? describeProperties(child, describe, depth) : describeIn(child, describe, depth)]),
  );
}

function describeProperties(properties: object, describe: Describe, depth: number): object {
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      const described = describeIn(property, describe, depth + 1) as JsonSchema;
      const description = describe(name, depth);
      return [name, description === undefined ? described : { ...described, description }];
    }),
  );
}

function ownValue(docs: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.hasOwn(docs, name) ? docs[name] : undefined;
}

function formatted(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
