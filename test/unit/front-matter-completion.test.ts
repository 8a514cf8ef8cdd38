/** Completion and hover in front matter, from the text alone (the editor and the language server both use these). */
import * as assert from 'node:assert/strict';
import { completeFrontMatter, hoverFrontMatter } from '../../src/core/language/frontMatterCompletion';

const TEXT = [
  '---', // 0
  'id: INC-2026-001', // 1
  'status: ', // 2
  'services: [', // 3
  'roles:', // 4
  '  commander: Mei Chen', // 5
  'timeline:', // 6
  '  - at: 2026-10-01T09:05:00Z', // 7
  '    kind: ', // 8
  'review: {facilitator: ', // 9
  '', // 10
  '---', // 11
  'Body', // 12
].join('\n');

const FACTS = { severities: ['SEV1', 'SEV2'], services: ['checkout', 'search'] };
const labels = (line: number, character: number) => completeFrontMatter(TEXT, { line, character }, FACTS)?.map((s) => s.label);

describe('front matter completion (core)', () => {
  it('offers the statuses after `status: `', () => {
    assert.deepEqual(labels(2, 'status: '.length), ['investigating', 'identified', 'monitoring', 'resolved', 'reviewed']);
  });

  it('offers the catalog services inside `services: [`', () => {
    assert.deepEqual(labels(3, 'services: ['.length), ['checkout', 'search']);
  });

  it('offers the timeline kinds under timeline', () => {
    assert.ok(labels(8, '    kind: '.length)?.includes('detection'));
  });

  it('offers people named in the incident for a flow map key of review', () => {
    // People are read from front matter that parses: the text being typed is left out of it.
    const text = ['---', 'roles:', '  commander: Mei Chen', 'participants: [Sam Ortiz]', 'review: {facilitator: }', '---'].join('\n');
    const found = completeFrontMatter(text, { line: 4, character: 'review: {facilitator: '.length }, FACTS)?.map((s) => s.label);
    assert.deepEqual(found, ['Mei Chen', 'Sam Ortiz']);
  });

  it('offers the top-level fields not written yet on an empty line, with their key and colon', () => {
    const suggestions = completeFrontMatter(TEXT, { line: 10, character: 0 }, FACTS) ?? [];
    const title = suggestions.find((s) => s.label === 'title');
    assert.deepEqual(title, { label: 'title', kind: 'field', insertText: 'title: ', documentation: 'One line, what users saw (1 to 200 characters). Required.' });
    assert.equal(suggestions.some((s) => s.label === 'id'), false);
  });

  it('offers nothing in the body', () => {
    assert.equal(completeFrontMatter(TEXT, { line: 12, character: 2 }, FACTS), undefined);
  });

  it('explains a top-level field under the cursor, and nothing for a value', () => {
    assert.deepEqual(hoverFrontMatter(TEXT, { line: 1, character: 1 }), {
      markdown: '**id** — Unique id of the incident, like `INC-2026-014`. Required.',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } },
    });
    assert.equal(hoverFrontMatter(TEXT, { line: 1, character: 8 }), undefined);
  });
});
