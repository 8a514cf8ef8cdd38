/** Maps zod validation issues to diagnostics with ranges and plain messages. */
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics';
import type { FrontMatterLocator, YamlPath } from './located';
import { incidentSchema, isValidTimeline, knownFieldsAt, REQUIRED_FIELDS, TIMESTAMP_ISSUE } from './schema';
import { nearestName } from './suggest';
import { parseTimestamp } from './timestamps';

type Issue = z.core.$ZodIssue;

export function validateFrontMatter(value: Record<string, unknown>, locator: FrontMatterLocator, severities: readonly string[]): Diagnostic[] {
  // A timeline that passes the quick check has no issues to find: zod checks the rest.
  const checked = isValidTimeline(value.timeline) ? { ...value, timeline: undefined } : value;
  const result = incidentSchema(severities).safeParse(checked);
  if (result.success) return [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    for (const d of issueDiagnostics(issue, value, locator, severities)) {
      const key = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
  }
  return diagnostics;
}

function issueDiagnostics(issue: Issue, root: unknown, locator: FrontMatterLocator, severities: readonly string[]): Diagnostic[] {
  const path = issue.path as YamlPath;
  const input = valueAt(root, path);
  const field = fieldLabel(path);
  // zod reports an absent enum, timestamp or union field as a bad value; the format calls it missing.
  if (issue.code !== 'unrecognized_keys' && isAbsent(root, path)) return [missingField(path, locator, severities)];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownField(key, path, locator));
    case 'invalid_type':
      if (input === undefined) return [missingField(path, locator, severities)];
      return [diagnostic('invalid-value', locator.valueRange(path), `${field} should be ${expectedLabel(issue.expected)}, not ${describe(input)}.`)];
    case 'invalid_value':
      return [
        diagnostic('invalid-value', locator.valueRange(path), `${quote(input)} is not allowed for ${field}. Allowed: ${issue.values.map(String).join(', ')}.`, {
          allowed: issue.values.map(String),
        }),
      ];
    case 'invalid_format':
      return [diagnostic('invalid-value', locator.valueRange(path), formatMessage(path, input))];
    case 'too_small':
      return [diagnostic('invalid-value', locator.valueRange(path), typeof input === 'number' ? `${field} should be a positive number.` : `${field} should not be empty.`)];
    case 'too_big':
      return [diagnostic('invalid-value', locator.valueRange(path), `${field} is ${String(input).length} characters; keep it to ${String(issue.maximum)} or fewer.`)];
    case 'invalid_union':
      return [diagnostic('invalid-value', locator.valueRange(path), unionMessage(path, input))];
    case 'custom': {
      const params = issue.params as { kind?: string; expected?: string } | undefined;
      if (params?.kind === TIMESTAMP_ISSUE) return [timestampProblem(path, input, params.expected, locator)];
      if (path[path.length - 1] === 'lines') return [diagnostic('invalid-value', locator.valueRange(path), linesMessage(input))];
      return [diagnostic('invalid-value', locator.valueRange(path), `${field}: ${issue.message}`)];
    }
    default:
      return [diagnostic('invalid-value', locator.valueRange(path), `${field}: ${issue.message}`)];
  }
}

function unknownField(key: string, parentPath: YamlPath, locator: FrontMatterLocator): Diagnostic {
  const suggestion = nearestName(key, knownFieldsAt(parentPath));
  const range = locator.keyRange([...parentPath, key]);
  const where = parentPath.length === 0 ? '' : ` in ${fieldLabel(parentPath)}`;
  if (suggestion) {
    return diagnostic('unknown-field', range, `Unknown field \`${key}\`${where}. Did you mean \`${suggestion}\`?`, { field: key, suggestion });
  }
  return diagnostic('unknown-field', range, `Unknown field \`${key}\`${where}. It is kept as it is, but Incident Lens does not read it.`, { field: key });
}

function missingField(path: YamlPath, locator: FrontMatterLocator, severities: readonly string[]): Diagnostic {
  const name = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const range = parent.length === 0 ? locator.openingRange : locator.firstLine(parent);
  const hint = parent.length === 0 ? topLevelHint(name, severities) : '';
  const where = parent.length === 0 ? '' : ` in ${fieldLabel(parent)}`;
  return diagnostic('missing-field', range, `Missing required field \`${name}\`${where}.${hint}`, { field: name, path: parent.map(String) });
}

function topLevelHint(name: string, severities: readonly string[]): string {
  switch (name as (typeof REQUIRED_FIELDS)[number]) {
    case 'id':
      return ' Use the next free id, like INC-2026-001.';
    case 'title':
      return ' One line: what users saw.';
    case 'status':
      return ' Start with `investigating`.';
    case 'severity':
      return ` One of ${severities.join(', ')}.`;
    case 'started':
      return ' When impact began, as an ISO 8601 time with an offset.';
    default:
      return '';
  }
}

function timestampProblem(path: YamlPath, input: unknown, expected: string | undefined, locator: FrontMatterLocator): Diagnostic {
  const field = fieldLabel(path);
  const example = expected === 'date' ? 'a date like 2026-12-15' : 'a time with a date and an offset, like 2026-11-20T14:02:00Z or 2026-11-20T15:02+01:00';
  const value = input === null ? '' : ` ${quote(input)}`;
  return diagnostic('invalid-timestamp', locator.valueRange(path), `${field}${value} ${timestampFault(input, expected)}. Use ${example}.`);
}

/** What is wrong with a timestamp or date, as precisely as the text allows. */
function timestampFault(input: unknown, expected: string | undefined): string {
  if (typeof input !== 'string') return input === null ? 'is empty' : expected === 'date' ? 'is not a date' : 'is not ISO 8601';
  const looksLikeDate = /^\d{4}-\d{2}-\d{2}/.test(input);
  if (expected === 'date') return looksLikeDate ? 'is not a real date' : 'is not a date';
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return 'has no time of day';
  const withT = input.replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, '$1T');
  if (!/([Zz]|[+-]\d{2}(:?\d{2})?)$/.test(withT) && parseTimestamp(`${withT}Z`)) return 'has no offset (Z, or +HH:MM from UTC)';
  if (withT !== input && parseTimestamp(withT)) return 'needs a T between the date and the time';
  return looksLikeDate ? 'is not a real date and time' : 'is not ISO 8601';
}

function formatMessage(path: YamlPath, input: unknown): string {
  const name = path[path.length - 1];
  if (name === 'id' && path.length === 1) return `${quote(input)} is not an incident id. Use capital letters, a dash and numbers, like INC-2026-014.`;
  if (name === 'sha' || name === 'ref') return `${quote(input)} is not a commit sha: use 7 to 40 hexadecimal characters.`;
  if (name === 'lines') return linesMessage(input);
  return `${quote(input)} does not have the expected form for ${fieldLabel(path)}.`;
}

function linesMessage(input: unknown): string {
  return `${quote(input)} is not a line range: use N or N-M, 1-based with N no more than M, like 40-88.`;
}

function unionMessage(path: YamlPath, input: unknown): string {
  const name = path[path.length - 1];
  if (name === 'lines') return linesMessage(input);
  if (name === 'id') return `The action id should be text like A1, not ${describe(input)}.`;
  return `${fieldLabel(path)} has an unexpected value: ${describe(input)}.`;
}

function expectedLabel(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a map of names to values';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    default:
      return expected;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a map';
    default:
      return typeof value;
  }
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** `actions[2].owner` style labels, as people read them in the file. */
export function fieldLabel(path: YamlPath): string {
  if (path.length === 0) return 'The front matter';
  return path.map((part, i) => (typeof part === 'number' ? `[${part + 1}]` : i === 0 ? `\`${part}` : `.${part}`)).join('') + '`';
}

/** The path names a key its parent map does not have. */
function isAbsent(root: unknown, path: YamlPath): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return false;
  return !Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]);
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}
