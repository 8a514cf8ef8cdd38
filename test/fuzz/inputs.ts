/**
 * The fuzzer's inputs: generated incidents, the same broken at random, real
 * files from the repository broken at random, random YAML in front matter
 * fences, and random bytes. Each input says what kind it is, so the runner
 * can count cases per kind and a failure names where it came from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { generatedIncidentArb } from './incidents';

export type InputKind = 'generated' | 'mutated-generated' | 'mutated-seed' | 'random-yaml' | 'random-bytes';

export interface FuzzInput {
  readonly kind: InputKind;
  readonly text: string;
  /** For mutated inputs: what was done, for the report of a failure. */
  readonly how?: string;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Markdown files under a folder (recursively), skipping what is not text worth feeding. */
function markdownUnder(folder: string): string[] {
  const found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return found;
  }
  for (const name of entries.sort()) {
    const full = path.join(folder, name);
    const stat = statSync(full);
    if (stat.isDirectory()) found.push(...markdownUnder(full));
    else if ((name.endsWith('.md') || name.endsWith('.yaml')) && stat.size < 64 * 1024) found.push(full);
  }
  return found;
}

/** Real files: the example workspace, the lint fixtures, the postmortems the importer reads. */
export const SEED_FILES: readonly { name: string; text: string }[] = ['examples/workspace/incidents', 'test/fixtures/lint', 'test/fixtures/postmortems'].flatMap((folder) =>
  markdownUnder(path.join(ROOT, folder)).map((file) => ({ name: path.relative(ROOT, file), text: readFileSync(file, 'utf8') })),
);

/**
 * Inputs are cut at 16,000 characters, more than the largest incident in
 * the example workspace (12,000): long enough that anything quadratic in a
 * line's or a file's length shows (16,000 squared is about a second), short
 * enough that linear work stays under the time limit. markdown-it, which
 * the review panel and the body edits use, is linear but spends up to 4 µs
 * a character on runs of `![` (24,000 characters took 93 ms), so bigger
 * files are the benchmarks' job (docs/security.md, "Huge files").
 */
export const MAX_INPUT = 16_000;
/** Repeated lines add at most this many characters. */
const MAX_GROWTH = MAX_INPUT;

/** Pieces that mean something to YAML, Markdown or the front matter splitter. */
const TOKENS = [
  '---', '...', '\n', '\r\n', '\r', '\t', ': ', ':', '- ', '-', '? ', '#', ' # x', '&a ', '*a', '&b [1, 2]', '*b', '<<: *a',
  '!!binary ', '!!js/function ', '!custom ', '!!timestamp ', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n',
  '{', '}', '[', ']', ',', '"', "'", '|', '>', '|-', '>+', '~', 'null', 'true', '0x1F', '.inf', '1e308',
  '\uFEFF', '\u2028', '\u2029', '\u0085', '\u0000', '\uD800', '\uDFFF', '\u00A0', '😀', 'İ', 'ß',
  'timeline:', 'actions:', 'code:', 'review:', 'roles:', 'status: resolved', 'at: 2026-11-20T14:02:00Z', 'kind: action', 'text: x',
  'timeline: [{at: 2026-01-01T00:00:00Z, kind: trigger, text: a}, {at: 2026-01-01T01:00:00Z, kind: action, text: b}]\n', 'actions: [{id: A1, title: t, status: open}]\n',
  'path: ../../etc/passwd', 'path: /etc/passwd', 'lines: 88-40', 'sha: 1234567', 'sha: --all', 'id: INC-2026-001', 'due: 2026-02-30',
  '<script>alert(1)</script>', 'javascript:alert(1)', '## Summary', '### Support', '```', '<!--', '-->', '    ',
];

const tokenArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) },
);

/** One change to a text; positions are fractions so the same change fits any text. */
type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'indent'; line: number; delta: number }
  | { op: 'truncate'; at: number }
  | { op: 'repeat-line'; line: number; times: number }
  | { op: 'long-value'; at: number; length: number; char: string }
  | { op: 'alias-bomb'; at: number }
  | { op: 'crlf' }
  | { op: 'bom' };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fraction, token: tokenArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }), to: fraction }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), a: fraction, b: fraction }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), line: fraction, delta: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat-line' as const), line: fraction, times: fc.integer({ min: 2, max: 3000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('long-value' as const), at: fraction, length: fc.integer({ min: 1000, max: MAX_INPUT }), char: fc.constantFrom('a', ' ', '#', '-', '\u00e9', '[', ':') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('alias-bomb' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
);

function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function aliasBomb(): string {
  const lines = ['x_l1: &l1 [a, a, a, a, a, a, a, a, a]'];
  for (let level = 2; level <= 9; level++) lines.push(`x_l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export function mutate(text: string, mutation: Mutation): string {
  const at = (f: number) => Math.floor(f * (text.length + 1));
  switch (mutation.op) {
    case 'delete': {
      const start = at(mutation.at);
      return text.slice(0, start) + text.slice(start + mutation.length);
    }
    case 'insert': {
      const start = at(mutation.at);
      return text.slice(0, start) + mutation.token + text.slice(start);
    }
    case 'duplicate': {
      const start = at(mutation.at);
      const piece = text.slice(start, start + mutation.length);
      const to = at(mutation.to);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'swap-lines': {
      const lines = splitLines(text);
      const a = Math.floor(mutation.a * lines.length);
      const b = Math.floor(mutation.b * lines.length);
      if (lines.length < 2) return text;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('');
    }
    case 'indent': {
      const lines = splitLines(text);
      const i = Math.floor(mutation.line * lines.length);
      if (lines.length === 0) return text;
      lines[i] = mutation.delta >= 0 ? ' '.repeat(mutation.delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-mutation.delta}}`), '');
      return lines.join('');
    }
    case 'truncate':
      return text.slice(0, at(mutation.at));
    case 'repeat-line': {
      const lines = splitLines(text);
      const i = Math.floor(mutation.line * lines.length);
      if (lines.length === 0) return text;
      const line = lines[i].endsWith('\n') ? lines[i] : `${lines[i]}\n`;
      lines.splice(i, 1, line.repeat(Math.max(1, Math.min(mutation.times, Math.floor(MAX_GROWTH / line.length)))));
      return lines.join('');
    }
    case 'long-value': {
      const start = at(mutation.at);
      return text.slice(0, start) + mutation.char.repeat(mutation.length) + text.slice(start);
    }
    case 'alias-bomb': {
      // At a line start, where a top-level key can begin.
      const start = text.lastIndexOf('\n', at(mutation.at)) + 1;
      return text.slice(0, start) + aliasBomb() + text.slice(start);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
  }
}

function mutateAll(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce((current, mutation) => mutate(current, mutation).slice(0, MAX_INPUT), text);
}

const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 5 });

function describe(mutations: readonly Mutation[]): string {
  return mutations.map((m) => JSON.stringify(m, (_key, value: unknown) => (typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}…` : value))).join(' ');
}

/** A JSON-like value, written as YAML in one of the styles `yaml` knows. */
const yamlValueArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom('id', 'title', 'status', 'severity', 'started', 'timeline', 'actions', 'code', 'review', 'roles', 'at', 'kind', 'text', 'path', 'lines'), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 6 }),
  ),
})).value;

const randomYamlArb: fc.Arbitrary<FuzzInput> = fc
  .record({
    value: yamlValueArb,
    flow: fc.boolean(),
    indent: fc.integer({ min: 1, max: 4 }),
    tokens: fc.array(tokenArb, { maxLength: 30 }),
    soup: fc.boolean(),
    fence: fc.constantFrom('---\n', '---\r\n', '--- \n', ''),
    close: fc.constantFrom('---\n', '...\n', '---', ''),
    body: fc.constantFrom('', '\n## Summary\nText.\n', '# x\n'),
  })
  .map((r) => {
    let yaml: string;
    try {
      yaml = r.soup ? r.tokens.join('') : stringify(r.value, { collectionStyle: r.flow ? 'flow' : 'block', indent: r.indent, lineWidth: 0 });
    } catch {
      yaml = r.tokens.join('');
    }
    return { kind: 'random-yaml' as const, text: `${r.fence}${yaml}${yaml.endsWith('\n') ? '' : '\n'}${r.close}${r.body}` };
  });

const randomBytesArb: fc.Arbitrary<FuzzInput> = fc
  .record({ bytes: fc.uint8Array({ maxLength: 600 }), encoding: fc.constantFrom('utf-8', 'latin1', 'utf-16le'), fence: fc.boolean() })
  .map((r) => {
    const decoded = new TextDecoder(r.encoding).decode(r.bytes);
    return { kind: 'random-bytes' as const, text: r.fence ? `---\n${decoded}\n---\n${decoded}` : decoded };
  });

export const fuzzInputArb: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 3, arbitrary: generatedIncidentArb.map((g): FuzzInput => ({ kind: 'generated', text: g.text })) },
  {
    weight: 5,
    arbitrary: fc.tuple(generatedIncidentArb, mutationsArb).map(([g, mutations]): FuzzInput => ({ kind: 'mutated-generated', text: mutateAll(g.text, mutations), how: describe(mutations) })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat({ max: SEED_FILES.length - 1 }), mutationsArb).map(([index, mutations]): FuzzInput => ({
      kind: 'mutated-seed',
      text: mutateAll(SEED_FILES[index].text, mutations),
      how: `${SEED_FILES[index].name}: ${describe(mutations)}`,
    })),
  },
  { weight: 2, arbitrary: randomYamlArb },
  { weight: 1, arbitrary: randomBytesArb },
);
