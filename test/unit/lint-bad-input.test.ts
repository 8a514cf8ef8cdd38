/**
 * Input nobody should write, and some that people do: each gets a clear
 * diagnostic (or, for files that are not incidents, none), quickly, and no
 * exception ever reaches the caller.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseCatalog } from '../../src/core/catalog';
import { analyzeText } from '../../src/core/lint';
import { LineIndex, stripBom } from '../../src/core/text';
import { NodeWorkspaceHost } from '../../src/node/nodeHost';
import { incident, lint, lintOptions, MemoryHost, newIndex, REQUIRED, scanned, seen, timed, withCode, withRequired } from './lint-support';

/** A billion laughs: nine levels of nine aliases, 9^9 strings if expanded. */
function aliasBomb(key = 'lol9'): string[] {
  const lines = ['lol1: &lol1 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 2; level <= 9; level++) {
    const name = level === 9 ? key : `lol${level}`;
    lines.push(`${name}: &lol${level} [${Array(9).fill(`*lol${level - 1}`).join(', ')}]`);
  }
  return lines;
}

describe('bad input', () => {
  describe('malformed YAML', () => {
    it('reports yaml-syntax on the line where the parser stopped, and nothing else', () => {
      const cases: [string[], number, number][] = [
        [['tags: "unclosed'], 7, 0],
        [['tags: [a, b', 'services: [c]'], 7, 0],
        [['  indented: wrong'], 6, 10],
        [['tags:', '- a', '  b: c'], 8, 3],
        [['tags: @at'], 6, 6],
      ];
      for (const [extra, line, character] of cases) {
        const found = lint(withRequired(extra));
        assert.deepEqual(
          found.map((d) => [d.code, d.range.start.line, d.range.start.character]),
          [['yaml-syntax', line, character]],
          extra.join(' / '),
        );
      }
    });

    it('names the problem in the message', () => {
      const found = lint(withRequired(['title: again']));
      assert.equal(found[0].message, 'The front matter is not valid YAML: duplicated mapping key.');
    });

    it('rejects tags beyond the core schema instead of running them', () => {
      for (const value of ['!!binary aGVsbG8=', '!!js/function "() => 1"', '!!timestamp 2026-11-20', '!custom x']) {
        const found = lint(withRequired([`tags: ${value}`]));
        assert.deepEqual(found.map((d) => d.code), ['yaml-syntax'], value);
        assert.match(found[0].message, /unknown tag/);
      }
    });
  });

  describe('front matter of the wrong shape', () => {
    it('a list is invalid-value over the list', () => {
      const found = lint(incident(['- id: INC-2026-014', '- title: Checkout']));
      assert.deepEqual(seen(found), [['invalid-value', 'error', 1, 0, 2, 17]]);
      assert.equal(found[0].message, 'The front matter is a list; it should be fields with values, like `id: INC-2026-001` on its own line.');
    });

    it('a scalar is invalid-value over the scalar', () => {
      const found = lint(incident(['Checkout was slow']));
      assert.deepEqual(seen(found), [['invalid-value', 'error', 1, 0, 1, 17]]);
      assert.match(found[0].message, /^The front matter is a single value;/);
    });

    it('empty, blank or null front matter misses the five required fields', () => {
      for (const lines of [[], [''], ['# only a comment'], ['~']]) {
        const found = lint(incident(lines));
        assert.deepEqual(
          found.map((d) => [d.code, d.data?.field]),
          ['id', 'title', 'status', 'severity', 'started'].map((field) => ['missing-field', field]),
          JSON.stringify(lines),
        );
      }
    });

    it('odd keys are unknown fields on their keys, and __proto__ changes nothing', () => {
      const analysis = analyzeText(withRequired(['__proto__: {status: resolved}', '2026: x', 'true: y', 'constructor: z']), lintOptions());
      assert.deepEqual(seen(analysis.diagnostics), [
        ['unknown-field', 'warning', 6, 0, 6, 9],
        ['unknown-field', 'warning', 7, 0, 7, 4],
        ['unknown-field', 'warning', 8, 0, 8, 4],
        ['unknown-field', 'warning', 9, 0, 9, 11],
      ]);
      assert.equal(analysis.incident?.status, 'investigating');
      assert.equal(({} as Record<string, unknown>).status, undefined);
    });
  });

  describe('alias bombs and deep nesting', () => {
    it('a billion laughs returns quickly with one yaml-syntax on the opening line', () => {
      for (const key of ['lol9', 'title']) {
        const { value: found, ms } = timed(() => lint(incident([...REQUIRED.filter((line) => !line.startsWith('title')), ...aliasBomb(key)])));
        assert.deepEqual(seen(found), [['yaml-syntax', 'error', 0, 0, 0, 3]]);
        assert.equal(found[0].message, 'The front matter expands to too many values (through YAML aliases) to read safely.');
        assert.ok(ms < 1000, `${ms} ms`);
      }
    });

    it('a few aliases that stay small are fine', () => {
      assert.deepEqual(seen(lint(withRequired(['tags: &people [Priya, Lee]', 'participants: *people']))), []);
    });

    it('100,000 opening brackets fail fast as yaml-syntax, without a stack overflow', () => {
      for (const open of ['[', '{']) {
        const { value: found, ms } = timed(() => lint(withRequired([`tags: ${open.repeat(100_000)}`])));
        assert.equal(found.length, 1);
        assert.equal(found[0].code, 'yaml-syntax');
        assert.equal(found[0].range.start.line, 6);
        assert.match(found[0].message, /nesting exceeded|nested too deeply/);
        assert.ok(ms < 1000, `${ms} ms`);
      }
    });

    it('deep block nesting fails the same way', () => {
      const nested = Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`);
      const found = lint(withRequired(nested));
      assert.deepEqual(found.map((d) => d.code), ['yaml-syntax']);
    });
  });

  describe('size', () => {
    it('a 50 MB file is too-large at once and is not parsed', () => {
      // Unparseable on purpose: were it parsed, there would be a yaml-syntax error.
      const text = `---\ntitle: [${'x'.repeat(50 * 1024 * 1024)}\n---\n`;
      const { value: found, ms } = timed(() => lint(text));
      assert.deepEqual(seen(found), [['too-large', 'warning', 0, 0, 0, 0]]);
      assert.equal(found[0].message, 'This file is 50.0 MB, over the 2.0 MB limit (setting incidentLens.maxFileSize), so it is not checked.');
      assert.ok(ms < 1500, `${ms} ms`);
    });
  });

  describe('bytes that are not UTF-8 text', () => {
    let dir = '';
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-bytes-'));
      mkdirSync(path.join(dir, 'incidents'));
      const latin1 = Buffer.from(withRequired(['sevrity: SEV1']).replace('Checkout latency spike', 'Caf\u00e9 down'), 'latin1');
      writeFileSync(path.join(dir, 'incidents', 'latin1.md'), latin1);
      writeFileSync(path.join(dir, 'incidents', 'png.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]));
      writeFileSync(path.join(dir, 'incidents', 'nul.md'), Buffer.concat([Buffer.from('---\nid: INC-2026-001\ntitle: '), Buffer.from([0, 1, 2, 0xff]), Buffer.from('\n---\n')]));
      writeFileSync(path.join(dir, 'incidents', 'utf16.md'), Buffer.from(`\ufeff${withRequired()}`, 'utf16le'));
      writeFileSync(path.join(dir, 'incidents', 'empty.md'), '');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('non-UTF-8 bytes are decoded lossily and the rest of the file is still checked', async () => {
      const index = newIndex();
      await index.scan(new NodeWorkspaceHost(dir));
      assert.equal(index.get('incidents/latin1.md')?.incident.title, 'Caf\ufffd down');
      assert.deepEqual(seen(index.diagnostics('incidents/latin1.md')), [['unknown-field', 'warning', 6, 0, 6, 7]]);
    });

    it('binary content is not an incident; NUL bytes inside front matter are yaml-syntax', async () => {
      const index = newIndex();
      await index.scan(new NodeWorkspaceHost(dir));
      assert.equal(index.isIncident('incidents/png.md'), false);
      assert.deepEqual(index.diagnostics('incidents/png.md'), []);
      assert.deepEqual(index.diagnostics('incidents/nul.md').map((d) => [d.code, d.range.start.line]), [['yaml-syntax', 2]]);
      assert.match(index.diagnostics('incidents/nul.md')[0].message, /null byte/);
    });

    it('a UTF-16 file is not read as an incident (the tool reads UTF-8), and an empty file is not one', async () => {
      const index = newIndex();
      await index.scan(new NodeWorkspaceHost(dir));
      assert.equal(index.isIncident('incidents/utf16.md'), false);
      assert.equal(index.isIncident('incidents/empty.md'), false);
      assert.deepEqual([...index.allDiagnostics().keys()].sort(), ['incidents/latin1.md', 'incidents/nul.md']);
    });
  });

  describe('files that are not incidents', () => {
    it('an empty or blank file gives nothing', () => {
      for (const text of ['', '\n', '   \r\n\t\n', '\ufeff']) {
        const analysis = analyzeText(text, lintOptions());
        assert.equal(analysis.isIncident, false, JSON.stringify(text));
        assert.deepEqual(analysis.diagnostics, []);
      }
    });

    it('a README without front matter gives nothing, whatever its words', () => {
      const readme = ['# Incidents', '', 'One file per incident. It was human error to skip this.', 'id: not-front-matter', '', '---', 'x: [', '---'].join('\n');
      const analysis = analyzeText(readme, lintOptions());
      assert.equal(analysis.isIncident, false);
      assert.deepEqual(analysis.diagnostics, []);
    });

    it('front matter must open on the first line', () => {
      assert.equal(analyzeText(`\n${withRequired(['sevrity: x'])}`, lintOptions()).isIncident, false);
      assert.equal(analyzeText(` ${withRequired(['sevrity: x'])}`, lintOptions()).isIncident, false);
    });

    it('an unclosed front matter is yaml-syntax on the opening line', () => {
      for (const text of ['---', '---\n', `---\n${REQUIRED.join('\n')}\n`, `---\r\n${REQUIRED.join('\r\n')}\r\n\r\n## Summary\r\n`, '---\nid: x\n----\n']) {
        const found = lint(text);
        assert.deepEqual(seen(found), [['yaml-syntax', 'error', 0, 0, 0, 3]], JSON.stringify(text));
        assert.equal(found[0].message, 'The front matter is not closed. Add a line with `---` after the last field.');
      }
    });

    it('the index keeps READMEs out of incidents and diagnostics', async () => {
      const index = await scanned(new MemoryHost({ 'incidents/README.md': '# Incidents\n\nHuman error is not a cause.\n', 'incidents/2026-11-20-a.md': withRequired() }));
      assert.deepEqual(
        index.incidents().map((file) => file.path),
        ['incidents/2026-11-20-a.md'],
      );
      assert.deepEqual([...index.allDiagnostics()], []);
    });
  });

  describe('the catalog', () => {
    it('bad catalogs get a diagnostic each, and no exception', () => {
      const cases: [string, string][] = [
        ['', 'missing-field'],
        ['- checkout\n- cache\n', 'invalid-value'],
        ['checkout\n', 'invalid-value'],
        ['services: [checkout]\n', 'invalid-value'],
        ['services:\n  checkout: {owners: [a]\n', 'yaml-syntax'],
        [['services:', ...aliasBomb().map((line) => `  ${line}`)].join('\n'), 'invalid-value'],
      ];
      for (const [text, code] of cases) {
        const { value: catalog, ms } = timed(() => parseCatalog(text));
        assert.equal(catalog.diagnostics[0]?.code, code, JSON.stringify(text.slice(0, 40)));
        assert.ok(ms < 1000);
      }
    });

    it('an unreadable catalog names no service, and calls none unknown', async () => {
      const index = await scanned(new MemoryHost({ 'incidents/catalog.yaml': '- checkout\n', 'incidents/a.md': withRequired(['services: [checkout]']) }));
      assert.deepEqual([...index.allDiagnostics().keys()], ['incidents/catalog.yaml']);
    });
  });

  describe('the workspace', () => {
    it('a file the host cannot read is skipped', async () => {
      const host = new MemoryHost({ 'incidents/a.md': withRequired() });
      host.readFile = async () => undefined;
      const index = newIndex();
      await index.scan(host);
      assert.deepEqual(index.paths(), []);
    });

    it('a folder that does not exist, and a symbolic link loop, give an empty index', async () => {
      const missing = newIndex();
      await missing.scan(new NodeWorkspaceHost(path.join(tmpdir(), 'incident-lens-does-not-exist')));
      assert.deepEqual(missing.paths(), []);
      const dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-loop-'));
      try {
        mkdirSync(path.join(dir, 'incidents'));
        symlinkSync(path.join(dir, 'incidents'), path.join(dir, 'incidents', 'loop'));
        writeFileSync(path.join(dir, 'incidents', 'a.md'), withRequired());
        const index = newIndex();
        await index.scan(new NodeWorkspaceHost(dir));
        assert.deepEqual(index.paths(), ['incidents/a.md']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('never an exception', () => {
    const tokens = ['id:', 'title:', 'status:', 'actions:', 'timeline:', 'code:', 'commits:', 'services:', '- ', '  ', '\n', '\r\n', '\r', '\t', ':', ' ', '[', ']', '{', '}', ',', '"', "'", '&a ', '*a', '? ', '|', '>', '#', '!!str ', '---', '...', '%YAML 1.2', 'INC-2026-001', '2026-11-20T14:02:00Z', '2026-02-30', 'open', 'x', '1234567', '~', '\u2028', '\ufeff', '😀', '\u0000'];

    it('holds for front matter built from YAML fragments', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), fc.array(fc.constantFrom(...tokens, 'human error', 'fault'), { maxLength: 10 }), (front, body) => {
          const text = `---\n${front.join('')}\n---\n${body.join('')}`;
          checkAnalysis(text);
        }),
        { numRuns: 400, seed: 20261125 },
      );
    });

    /** Any UTF-16 code units, lone surrogates included (fast-check's own full-Unicode strings are slow to make). */
    const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((units) => String.fromCharCode(...units));

    it('holds for arbitrary text, with or without a front matter fence', () => {
      fc.assert(
        fc.property(anyUtf16, fc.boolean(), (text, fenced) => {
          checkAnalysis(fenced ? `---\n${text}\n---\n` : text);
          parseCatalog(text);
        }),
        { numRuns: 300, seed: 7 },
      );
    });

    it('holds for a valid incident with one line replaced by anything', () => {
      const lines = withRequired(['actions:', '  - {id: A1, title: T, owner: O, due: 2026-11-01, status: open}', 'timeline:', '  - {at: 2026-11-20T14:02:00Z, kind: trigger, text: x}']).split('\n');
      fc.assert(
        fc.property(fc.nat(lines.length - 1), fc.string({ maxLength: 40 }), (at, replacement) => {
          const copy = [...lines];
          copy[at] = replacement;
          checkAnalysis(copy.join('\n'));
        }),
        { numRuns: 300, seed: 14 },
      );
    });
  });
});

/** No throw, and every range inside the text. */
function checkAnalysis(text: string): void {
  const analysis = analyzeText(text, lintOptions());
  const lines = new LineIndex(stripBom(text));
  for (const d of analysis.diagnostics) {
    const { start, end } = d.range;
    assert.ok(start.line >= 0 && end.line < lines.lineCount, `${d.code} line out of range`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${d.code} range reversed`);
    for (const position of [start, end]) {
      assert.ok(position.character >= 0 && position.character <= lines.lineEnd(position.line) - lines.lineStart(position.line), `${d.code} column past the line`);
    }
  }
  assert.equal(withCode(analysis.diagnostics, 'too-large').length, 0);
}
