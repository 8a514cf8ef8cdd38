/** The review panel's messages, checked on both sides with the protocol's schemas. */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReviewModel } from '../../src/core/review/model';
import { hostMessageSchema, panelStateSchema, webviewMessageSchema } from '../../src/webviews/review/protocol';
import { fixture, options } from './review-support';

function render(model: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'render', version: 3, uri: 'file:///w/incidents/a.md', fileName: 'a.md', today: '2026-11-25', model, ...overrides };
}

describe('review protocol: extension to webview', () => {
  it('accepts the model of every example incident, after a trip through JSON', () => {
    const folder = path.join(__dirname, '..', '..', 'examples', 'workspace', 'incidents');
    const files = readdirSync(folder).filter((name) => /^\d{4}-.*\.md$/.test(name));
    assert.ok(files.length > 3);
    for (const name of [...files.map((file) => readFileSync(path.join(folder, file), 'utf8')), fixture(), '---\nid: [\n---\n']) {
      const model = JSON.parse(JSON.stringify(buildReviewModel(name, options())));
      const parsed = hostMessageSchema.safeParse(render(model));
      assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
    }
  });

  it('rejects models that would put markup or unsafe links on the page', () => {
    const model = buildReviewModel(fixture(), options());
    const bad: [string, unknown][] = [
      ['an element outside the list', { ...model, body: [{ t: 'el', tag: 'script', children: [] }] }],
      ['a javascript: link', { ...model, body: [{ t: 'link', href: 'javascript:alert(1)', target: 'x', children: [] }] }],
      ['a raw html node', { ...model, body: [{ t: 'html', v: '<img src=x onerror=alert(1)>' }] }],
      ['an extra attribute', { ...model, body: [{ t: 'el', tag: 'p', children: [], onclick: 'alert(1)' }] }],
      ['text that is not a string', { ...model, body: [{ t: 'text', v: { toString: 1 } }] }],
      ['a deep bad node', { ...model, body: [{ t: 'el', tag: 'ul', children: [{ t: 'el', tag: 'li', children: [{ t: 'el', tag: 'iframe', children: [] }] }] }] }],
      ['an unknown check target', { ...model, steps: [{ ...model.steps[0], checks: [{ ...model.steps[0].checks[0], targets: [{ kind: 'runCommand', command: 'x' }] }] }] }],
      ['a negative line', { ...model, blame: [{ ...model.blame[0], line: -4 }] }],
    ];
    for (const [why, value] of bad) assert.equal(hostMessageSchema.safeParse(render(value)).success, false, why);
    assert.equal(hostMessageSchema.safeParse({ ...render(model), html: '<b>' }).success, false, 'no html beside the model');
    assert.ok(hostMessageSchema.safeParse({ type: 'result', requestId: 1, outcome: 'stale', message: 'changed' }).success);
  });
});

describe('review protocol: webview to extension', () => {
  it('accepts well-formed intents', () => {
    const good = [
      { type: 'ready' },
      { type: 'insertSection', requestId: 1, version: 4, section: 'Open questions' },
      { type: 'insertPerspective', requestId: 2, version: 4, group: 'Support' },
      { type: 'insertFactors', requestId: 2, version: 4 },
      { type: 'setReview', requestId: 3, version: 4, status: 'done', held: '2026-11-24' },
      { type: 'reveal', line: 12, character: 3, endCharacter: 9 },
      { type: 'openLink', url: 'https://x.example' },
      { type: 'openTimeline' },
      { type: 'export' },
    ];
    for (const message of good) assert.ok(webviewMessageSchema.safeParse(message).success, JSON.stringify(message));
  });

  it('rejects anything else', () => {
    const bad: [string, unknown][] = [
      ['unknown section', { type: 'insertSection', requestId: 1, version: 4, section: 'Blame' }],
      ['empty group', { type: 'insertPerspective', requestId: 1, version: 4, group: '' }],
      ['huge group', { type: 'insertPerspective', requestId: 1, version: 4, group: 'x'.repeat(5000) }],
      ['unknown status', { type: 'setReview', requestId: 1, version: 4, status: 'finished' }],
      ['date with a time', { type: 'setReview', requestId: 1, version: 4, held: '2026-11-24T10:00' }],
      ['no version', { type: 'setReview', requestId: 1, status: 'done' }],
      ['factors with text', { type: 'insertFactors', requestId: 1, version: 4, text: 'x' }],
      ['negative line', { type: 'reveal', line: -1 }],
      ['extra field', { type: 'export', command: 'workbench.action.quit' }],
      ['unknown type', { type: 'runCommand', command: 'x' }],
      ['not an object', 'ready'],
    ];
    for (const [why, message] of bad) assert.equal(webviewMessageSchema.safeParse(message).success, false, why);
  });

  it('keeps only the incident in the panel state', () => {
    assert.ok(panelStateSchema.safeParse({ uri: 'file:///w/a.md' }).success);
    assert.equal(panelStateSchema.safeParse({}).success, false);
  });
});
