/** The optional service catalog, `incidents/catalog.yaml`: owners, contacts, runbooks, code paths. */
import { z } from 'zod';
import { compareDiagnostics, diagnostic, type Diagnostic } from './diagnostics';
import { FrontMatterLocator, type YamlPath } from './located';
import { nearestName } from './suggest';
import { LineIndex, stripBom } from './text';
import { parseYamlWithSpans } from './yamlTree';

export const CATALOG_PATH = 'incidents/catalog.yaml';

const contactSchema = z.strictObject({ name: z.string().min(1), how: z.string().optional() });

const serviceSchema = z.strictObject({
  owners: z.array(z.string()).optional(),
  contacts: z.array(contactSchema).optional(),
  runbook: z.string().optional(),
  code: z.array(z.string()).optional(),
});

export const catalogSchema = z.strictObject({ services: z.record(z.string(), serviceSchema.nullable()) });

export interface CatalogContact {
  readonly name: string;
  readonly how?: string;
}

export interface CatalogService {
  readonly name: string;
  readonly owners: readonly string[];
  readonly contacts: readonly CatalogContact[];
  readonly runbook?: string;
  readonly code: readonly string[];
  /** Line of the service's key in catalog.yaml. */
  readonly line: number;
}

export interface Catalog {
  readonly services: ReadonlyMap<string, CatalogService>;
  readonly diagnostics: readonly Diagnostic[];
  /** Line after which a new service can be appended. */
  readonly lastLine: number;
  /** False when the file is not YAML or has no `services:` map: it then names no services, and none is called unknown. */
  readonly readable: boolean;
}

export function parseCatalog(rawText: string): Catalog {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const parsed = parseYamlWithSpans(text);
  const opening = lines.lineRange(0);
  if (!parsed.ok) {
    return { services: new Map(), diagnostics: [diagnostic('yaml-syntax', lines.characterRange(parsed.offset), `The catalog is not valid YAML: ${parsed.message}.`)], lastLine: lines.lineCount - 1, readable: false };
  }
  const locator = new FrontMatterLocator(parsed.root, lines, 0, opening);
  const value = parsed.value;
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    const problem =
      value === null || value === undefined
        ? diagnostic('missing-field', opening, 'The catalog is empty; it needs a `services:` map, one entry per service.', { field: 'services', path: [] })
        : diagnostic('invalid-value', locator.valueRange([]), `The catalog is ${Array.isArray(value) ? 'a list' : 'a single value'}; it should be a map with a \`services:\` entry, one entry per service.`);
    return { services: new Map(), diagnostics: [problem], lastLine: lines.lineCount - 1, readable: false };
  }
  const result = catalogSchema.safeParse(parsed.value);
  const diagnostics = result.success ? [] : result.error.issues.flatMap((issue) => catalogIssue(issue, locator, (value as Record<string, unknown>).services));
  const services = new Map<string, CatalogService>();
  const raw = parsed.value as { services?: Record<string, unknown> } | null;
  const readable = !!raw && typeof raw === 'object' && !Array.isArray(raw) && !!raw.services && typeof raw.services === 'object' && !Array.isArray(raw.services);
  const serviceNodes = readable ? (raw.services as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(serviceNodes)) {
    const service = serviceSchema.safeParse(value ?? {});
    const data = service.success ? service.data : {};
    services.set(name, {
      name,
      owners: data.owners ?? [],
      contacts: data.contacts ?? [],
      runbook: data.runbook,
      code: data.code ?? [],
      line: locator.keyRange(['services', name]).start.line,
    });
  }
  return { services, diagnostics: diagnostics.sort(compareDiagnostics), lastLine: lines.lineCount - 1, readable };
}

function catalogIssue(issue: z.core.$ZodIssue, locator: FrontMatterLocator, services: unknown): Diagnostic[] {
  const path = issue.path as YamlPath;
  if (issue.code === 'unrecognized_keys') {
    const known = path.length === 0 ? ['services'] : path[path.length - 1] === 'contacts' || typeof path[path.length - 1] === 'number' ? ['name', 'how'] : ['owners', 'contacts', 'runbook', 'code'];
    return issue.keys.map((key) => {
      const suggestion = nearestName(key, known);
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
      return diagnostic('unknown-field', locator.keyRange([...path, key]), `Unknown catalog field \`${key}\`.${hint}`, suggestion ? { field: key, suggestion } : { field: key });
    });
  }
  if (issue.code === 'invalid_type' && path.length === 1 && path[0] === 'services') {
    if (services !== null && services !== undefined) {
      return [diagnostic('invalid-value', locator.valueRange(['services']), '`services` should be a map from service names to their owners, contacts, runbook and code.')];
    }
    return [diagnostic('missing-field', locator.openingRange, 'The catalog needs a `services:` map, one entry per service.', { field: 'services', path: [] })];
  }
  const where = path.map(String).join('.') || 'the catalog';
  return [diagnostic('invalid-value', locator.valueRange(path), `Catalog: \`${where}\` ${issue.message.toLowerCase()}.`)];
}
