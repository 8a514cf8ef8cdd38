import * as assert from 'node:assert/strict';
import { reanchor } from '../../src/core/codeLinkDrift';
import { indexHotspotIncidents } from '../../src/core/hotspotIncidents';
import { scoreHotspots } from '../../src/core/hotspots/score';
import { EMPTY_HISTORY } from '../../src/core/hotspots/types';
import { MemoryHost, scanned, TODAY, withRequired } from './lint-support';

const file = (lines: readonly string[]): string => `${lines.join('\n')}\n`;
const numbered = (count: number): string[] => Array.from({ length: count }, (_, i) => `line ${i + 1}`);

describe('hotspots: code link drift', () => {
  it('is ok while the pattern is inside the lines', () => {
    const lines = numbered(10);
    lines[4] = 'const DEFAULT_TTL = 30;';
    assert.deepEqual(reanchor(file(lines), { start: 3, end: 6 }, 'const DEFAULT_TTL'), { status: 'ok' });
    assert.deepEqual(reanchor(file(lines), { start: 5, end: 5 }, 'DEFAULT_TTL = 30'), { status: 'ok' });
  });

  it('moves the lines to the pattern, keeping their length', () => {
    const lines = numbered(40);
    lines[24] = 'const DEFAULT_TTL = 30;';
    assert.deepEqual(reanchor(file(lines), { start: 5, end: 8 }, 'const DEFAULT_TTL'), { status: 'drifted', lines: { start: 25, end: 28 } });
  });

  it('reports a pattern that is gone', () => {
    assert.deepEqual(reanchor(file(numbered(5)), { start: 1, end: 2 }, 'DEFAULT_TTL'), { status: 'missing' });
  });

  it('takes the occurrence nearest the old lines, the earlier on a tie', () => {
    const lines = numbered(60);
    lines[9] = 'retry()';
    lines[29] = 'retry()';
    lines[49] = 'retry()';
    assert.deepEqual(reanchor(file(lines), { start: 34, end: 36 }, 'retry()'), { status: 'drifted', lines: { start: 30, end: 32 } });
    assert.deepEqual(reanchor(file(lines), { start: 45, end: 45 }, 'retry()'), { status: 'drifted', lines: { start: 50, end: 50 } });
    // Line 20 is as far from line 10 as from line 30.
    assert.deepEqual(reanchor(file(lines), { start: 20, end: 20 }, 'retry()'), { status: 'drifted', lines: { start: 10, end: 10 } });
  });

  it('stays inside the file when the pattern moved near its end', () => {
    const lines = numbered(12);
    lines[11] = 'const DEFAULT_TTL = 30;';
    assert.deepEqual(reanchor(file(lines), { start: 1, end: 5 }, 'DEFAULT_TTL'), { status: 'drifted', lines: { start: 8, end: 12 } });
  });

  it('matches patterns that span lines, and CRLF files', () => {
    const text = ['a', 'b', 'function retry(', '  attempts', ') {', 'c'].join('\r\n');
    assert.deepEqual(reanchor(text, { start: 1, end: 1 }, 'retry(\n  attempts'), { status: 'drifted', lines: { start: 3, end: 4 } });
    assert.deepEqual(reanchor(text, { start: 3, end: 4 }, 'retry(\n  attempts'), { status: 'ok' });
  });

  it('accepts lines written backwards', () => {
    const lines = numbered(10);
    lines[1] = 'needle';
    assert.deepEqual(reanchor(file(lines), { start: 4, end: 1 }, 'needle'), { status: 'ok' });
  });

  describe('hotspot marks follow the pattern', () => {
    const code = (patternLine: number) => `${numbered(40).map((line, i) => (i + 1 === patternLine ? 'const DEFAULT_TTL = 30;' : line)).join('\n')}\n`;
    const incident = withRequired(['code:', '  - {path: src/cache/ttl.ts, lines: 4-6, pattern: "const DEFAULT_TTL"}', '  - {path: src/cache/client.ts, lines: 2-3}']);
    const markedLines = async (ttl: string) => {
      const index = await scanned(new MemoryHost({ 'incidents/a.md': incident, 'src/cache/ttl.ts': ttl, 'src/cache/client.ts': 'export {};\n' }));
      const ranking = scoreHotspots({ incidents: indexHotspotIncidents(index), history: EMPTY_HISTORY, repoFiles: ['src/cache/ttl.ts', 'src/cache/client.ts'] }, { now: TODAY });
      return Object.fromEntries(ranking.files.map((file) => [file.path, file.incidents[0].lines.map(({ start, end }) => [start, end])]));
    };

    it('marks the lines the pattern moved to, and the written lines of links that did not drift', async () => {
      assert.deepEqual(await markedLines(code(25)), { 'src/cache/ttl.ts': [[25, 27]], 'src/cache/client.ts': [[2, 3]] });
    });

    it('keeps the written lines while the pattern is inside them, or nowhere to be found', async () => {
      assert.deepEqual((await markedLines(code(5)))['src/cache/ttl.ts'], [[4, 6]]);
      assert.deepEqual((await markedLines(code(0)))['src/cache/ttl.ts'], [[4, 6]]);
    });
  });
});
