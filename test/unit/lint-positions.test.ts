/**
 * Ranges as a user sees them: CRLF, a lone CR, a UTF-8 BOM, tabs and
 * non-ASCII text must not move a squiggle. Columns are UTF-16 code units,
 * as in the editor (an emoji counts two, a tab one).
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/diagnostics';
import { LineIndex } from '../../src/core/text';
import { lint, MemoryHost, REQUIRED, scanned, seen, withCode, withRequired } from './lint-support';

/** A file with problems in the front matter (flow and block), in list items, and in the body. */
const KITCHEN_SINK = withRequired(
  [
    'sevrity: SEV1',
    'services: [checkout, 42]',
    'code:',
    '  - path: src/missing.ts',
    '    lines: 10-12',
    'actions:',
    '  - id: A1',
    '    title: Canary',
    '    status: open',
    '    due: 2026-11-01',
    '  - {id: A1, title: Again, status: dropped}',
    'timeline:',
    '  - {at: 2026-11-20T14:09:00Z, kind: detection, text: Alert}',
    '  - at: 2026-11-20T14:02:00Z',
    '    kind: trigger',
    '    text: Rollout',
  ],
  ['', '## Narrative', 'The on-call should have known; it was human error.'],
);

const KITCHEN_SINK_SEEN = [
  ['unknown-field', 'warning', 6, 0, 6, 7],
  ['invalid-value', 'error', 7, 21, 7, 23],
  ['action-missing-owner', 'warning', 12, 4, 12, 10],
  ['action-overdue', 'warning', 15, 9, 15, 19],
  ['duplicate-id', 'error', 16, 9, 16, 11],
  ['action-dropped-without-reason', 'warning', 16, 35, 16, 42],
  ['timeline-order', 'warning', 19, 8, 19, 28],
  ['blame-language', 'information', 25, 12, 25, 23],
  ['blame-language', 'information', 25, 38, 25, 49],
];

const full = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message, data: d.data }));

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const cr = (text: string) => text.replace(/\n/g, '\r');
const bom = (text: string) => `\ufeff${text}`;

describe('positions', () => {
  it('the reference file (LF) reports the ranges a user sees', () => {
    assert.deepEqual(seen(lint(KITCHEN_SINK)), KITCHEN_SINK_SEEN);
  });

  for (const [name, transform] of [
    ['CRLF', crlf],
    ['a lone CR', cr],
    ['a UTF-8 BOM', bom],
    ['a BOM and CRLF', (text: string) => bom(crlf(text))],
  ] as const) {
    it(`${name} gives the same diagnostics, ranges and messages as LF`, () => {
      assert.deepEqual(full(lint(transform(KITCHEN_SINK))), full(lint(KITCHEN_SINK)));
    });
  }

  it('a yaml-syntax error is at the same place with CRLF, CR and a BOM', () => {
    for (const extra of ['tags: a: b', 'status: again', '  bad: indent', 'tags: [a, b']) {
      const text = withRequired([extra]);
      const expected = seen(lint(text));
      assert.equal(expected.length, 1);
      assert.equal(expected[0][0], 'yaml-syntax');
      for (const transform of [crlf, cr, bom]) assert.deepEqual(seen(lint(transform(text))), expected, `${extra} ${JSON.stringify(transform('\n'))}`);
    }
  });

  it('the index gives the same ranges for CRLF and BOM files, workspace checks included', async () => {
    const text = withRequired(['services: [checkout, payments]', 'code:', '  - path: src/missing.ts']);
    const files = (transform: (text: string) => string) => ({ 'incidents/a.md': transform(text), 'incidents/catalog.yaml': transform('services:\n  checkout: {}\n') });
    const lf = await scanned(new MemoryHost(files((t) => t)));
    const expected = [
      ['unknown-service', 'information', 6, 21, 6, 29],
      ['code-path-missing', 'warning', 8, 10, 8, 24],
    ];
    assert.deepEqual(seen(lf.diagnostics('incidents/a.md')), expected);
    for (const transform of [crlf, bom, (t: string) => bom(crlf(t))]) {
      const index = await scanned(new MemoryHost(files(transform)));
      assert.deepEqual(seen(index.diagnostics('incidents/a.md')), expected);
    }
  });

  it('a U+2028 inside a value is not a line break: no line moves and the front matter is not cut', () => {
    const text = withRequired(['tags: ["a\u2028---\u2028b"]', 'sevrity: SEV1']);
    assert.deepEqual(seen(lint(text)), [['unknown-field', 'warning', 7, 0, 7, 7]]);
  });

  describe('tabs', () => {
    it('count one column, as in the editor', () => {
      const found = lint(withRequired(['near_miss:\t\tmaybe'], ['\tIt was\tcareless.']));
      assert.deepEqual(seen(found), [
        ['invalid-value', 'error', 6, 12, 6, 17],
        ['blame-language', 'information', 8, 8, 8, 16],
      ]);
    });

    it('a tab used for indentation is a yaml-syntax error at the tab', () => {
      assert.deepEqual(seen(lint(withRequired(['tags:', '\t- cache']))), [['yaml-syntax', 'error', 7, 0, 7, 1]]);
    });
  });

  describe('non-ASCII text', () => {
    it('columns after accents and emoji are UTF-16 code units', () => {
      const found = lint(
        withRequired(
          [
            'impact: {summary: "Paiement refusé ☕ 😀", custmers: all}',
            'services: [paiement, 支払い, 😀]',
            'timeline:',
            '  - {at: 2026-11-20T14:02:00Z, kind: trigger, who: Zoë 😀, text: Déploiement}',
            '  - {at: 2026-11-20T14:01:00Z, kind: trigger, who: Zoë 😀, text: Déploiement}',
          ],
          ['😀😀 Ce fut une human error, 真的.'],
        ),
      );
      assert.deepEqual(seen(found), [
        ['unknown-field', 'warning', 6, 42, 6, 50],
        ['timeline-order', 'warning', 10, 9, 10, 29],
        ['blame-language', 'information', 12, 16, 12, 27],
      ]);
      assert.equal(withCode(found, 'unknown-field')[0].message, 'Unknown field `custmers` in `impact`. Did you mean `customers`?');
    });

    it('an invalid value after an emoji covers the emoji, two code units', () => {
      const found = lint(withRequired(['tags: [ok, {😀: 1}]', 'near_miss: 😀']));
      assert.deepEqual(seen(found), [
        ['invalid-value', 'error', 6, 11, 6, 18],
        ['invalid-value', 'error', 7, 11, 7, 13],
      ]);
    });

    it('a non-ASCII title is counted in characters for its length limit, not bytes', () => {
      const title = `title: ${'é'.repeat(200)}`;
      assert.deepEqual(seen(lint(incident200(title))), []);
      const found = lint(incident200(`title: ${'é'.repeat(201)}`));
      assert.deepEqual(seen(found), [['invalid-value', 'error', 2, 7, 2, 208]]);
      assert.equal(found[0].message, '`title` is 201 characters; keep it to 200 or fewer.');
    });
  });

  describe('LineIndex', () => {
    it('breaks lines at CRLF, LF and a lone CR, and ends a line before its break', () => {
      const lines = new LineIndex('a\r\nbc\rd\n\ne');
      assert.equal(lines.lineCount, 5);
      assert.deepEqual([0, 1, 2, 3, 4].map((line) => [lines.lineStart(line), lines.lineEnd(line)]), [
        [0, 1],
        [3, 5],
        [6, 7],
        [8, 8],
        [9, 10],
      ]);
      assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
      assert.deepEqual(lines.positionAt(99), { line: 4, character: 1 });
      assert.equal(lines.offsetAt({ line: 1, character: 99 }), 5);
      assert.deepEqual(lines.lineRange(1), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
    });

    it('characterRange stays inside the line, empty at its end', () => {
      const lines = new LineIndex('ab\r\ncd');
      assert.deepEqual(lines.characterRange(1), { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
      assert.deepEqual(lines.characterRange(2), { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
      assert.deepEqual(lines.characterRange(3), { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
      assert.deepEqual(lines.characterRange(6), { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
    });
  });
});

/** REQUIRED with its title line replaced. */
function incident200(titleLine: string): string {
  return ['---', ...REQUIRED.map((line) => (line.startsWith('title') ? titleLine : line)), '---', ''].join('\n');
}
