/**
 * Nothing is lost and everything is valid: every word of every source line
 * is in the imported file or in what the importer reports it mapped; the
 * front matter is YAML that keeps timestamps as strings; lint finds no
 * errors.
 */
import * as assert from 'node:assert/strict';
import * as jsYaml from 'js-yaml';
import { lintText } from '../../src/core/lint';
import { decodeEntities } from '../../src/core/import/markdown';
import { fixtures, frontMatterOf, importFixture } from './import-fixtures';

const ALL = [...fixtures('dfds'), ...fixtures('own')];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
/** Markup, not words: `<br>`, `&nbsp;`. */
const MARKUP_WORDS = new Set(['br', 'nbsp', 'amp', 'quot', 'gt', 'lt']);

function words(text: string): string[] {
  return (decodeEntities(text).toLowerCase().match(/\p{L}{2,}|\p{N}{2,}/gu) ?? []).filter((w) => !MARKUP_WORDS.has(w));
}

describe('import: nothing lost, everything valid', () => {
  for (const f of ALL) {
    it(`keeps every word of ${f.name}`, () => {
      const result = importFixture(f);
      const found = new Set(words([result.text, ...result.mapped, ...result.leftInBody].join('\n')));
      const missing = f.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .flatMap((line) => words(line).filter((w) => !found.has(w)).map((w) => `${w} (in: ${line.trim().slice(0, 60)})`));
      assert.deepEqual(missing, []);
    });

    it(`writes ${f.name} as YAML that keeps timestamps as strings and lints without errors`, () => {
      const result = importFixture(f);
      const fields = frontMatterOf(result);
      for (const key of ['started', 'detected', 'mitigated', 'resolved']) {
        if (fields[key] !== undefined) assert.match(String(fields[key]), TIMESTAMP, key);
      }
      for (const entry of (fields.timeline as Array<{ at: unknown }> | undefined) ?? []) {
        assert.equal(typeof entry.at, 'string');
        assert.match(entry.at as string, TIMESTAMP);
      }
      // js-yaml's default schema turns plain timestamps into Dates; quoted ones stay strings.
      const loaded = jsYaml.load(/^---\n([\s\S]*?)\n---\n/.exec(result.text)?.[1] ?? '') as Record<string, unknown>;
      assert.equal(typeof loaded.started, 'string');
      for (const key of ['id', 'title', 'status', 'severity', 'started']) assert.ok(fields[key], `${key} is set`);
      assert.ok(['resolved', 'reviewed'].includes(fields.status as string));
      assert.ok(fields.resolved, 'a finished incident has a resolved time');
      const errors = lintText(result.text).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, []);
    });
  }

  it('keeps the order started <= detected <= mitigated <= resolved', () => {
    for (const f of ALL) {
      const fields = frontMatterOf(importFixture(f));
      const times = ['started', 'detected', 'mitigated', 'resolved'].map((k) => fields[k]).filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t));
      assert.deepEqual([...times].sort((a, b) => a - b), times, f.name);
    }
  });

  it('imports the same source to the same text every time', () => {
    for (const f of ALL) assert.equal(importFixture(f).text, importFixture(f).text);
  });
});
