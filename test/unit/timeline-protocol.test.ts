import * as assert from 'node:assert/strict';
import { buildTimelineModel } from '../../src/core/timeline/model';
import { decodeRender, encodeModel, encodeRender, hostMessageSchema, panelStateSchema, type RenderWire, webviewMessageSchema } from '../../src/webviews/timeline/protocol';
import { BLOCK } from './timeline-support';

function render(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...encodeRender({ type: 'render', version: 3, uri: 'file:///w/incidents/a.md', fileName: 'a.md', model: buildTimelineModel(BLOCK), focusIndex: null, canUndoDelete: false }), ...overrides };
}

/** A render whose model is `model`, run through both checks the webview makes. */
function decoded(model: unknown): boolean {
  const wire = hostMessageSchema.safeParse(render({ model: typeof model === 'string' ? model : JSON.stringify(model) }));
  return wire.success && wire.data.type === 'render' && decodeRender(wire.data) !== undefined;
}

describe('timeline protocol: extension to webview', () => {
  it('accepts a render of a real model, and results', () => {
    const wire = hostMessageSchema.safeParse(JSON.parse(JSON.stringify(render({ focusIndex: 2 }))));
    assert.ok(wire.success, 'survives JSON, as postMessage does');
    const back = decodeRender(wire.data as RenderWire);
    assert.deepEqual(back?.model, buildTimelineModel(BLOCK));
    assert.equal(back?.focusIndex, 2);
    assert.ok(hostMessageSchema.safeParse({ type: 'result', requestId: 1, outcome: 'stale', message: 'The file changed.' }).success);
  });

  it('rejects malformed messages', () => {
    const bad: [string, unknown][] = [
      ['no type', { ...render(), type: undefined }],
      ['unknown type', { ...render(), type: 'html' }],
      ['html smuggled in', { ...render(), html: '<script>alert(1)</script>' }],
      ['negative version', render({ version: -1 })],
      ['fractional version', render({ version: 1.5 })],
      ['model as an object, not JSON text', render({ model: buildTimelineModel(BLOCK) })],
      ['unknown outcome', { type: 'result', requestId: 1, outcome: 'maybe', message: '' }],
      ['not an object', 'render'],
      ['null', null],
    ];
    for (const [why, message] of bad) assert.equal(hostMessageSchema.safeParse(message).success, false, why);
  });

  it('rejects malformed models', () => {
    const wire = encodeModel(buildTimelineModel(BLOCK));
    assert.ok(decoded(wire));
    const bad: [string, unknown][] = [
      ['not JSON', '{"header": '],
      ['JSON of the wrong thing', '[1, 2, 3]'],
      ['the model as objects, not columns', buildTimelineModel(BLOCK)],
      ['model missing rows', { ...wire, rows: undefined }],
      ['unknown row type', { ...wire, rows: [{ type: 'script', src: 'x' }] }],
      ['a row naming an entry that is not there', { ...wire, rows: [...wire.rows, 99] }],
      ['a negative entry row', { ...wire, rows: [-1] }],
      ['columns of different lengths', { ...wire, entries: { ...wire.entries, text: wire.entries.text.slice(1) } }],
      ['an extra column', { ...wire, entries: { ...wire.entries, onclick: wire.entries.text } }],
      ['entry text not a string', { ...wire, entries: { ...wire.entries, text: [{ toString: 1 }, ...wire.entries.text.slice(1)] } }],
      ['epoch not a number', { ...wire, markers: [{ ...wire.markers[0], epochMs: '1e400' }] }],
      ['unknown marker', { ...wire, markers: [{ ...wire.markers[0], name: 'exploded' }] }],
      ['offset beyond a day', { ...wire, offsetMinutes: 5000 }],
    ];
    for (const [why, value] of bad) assert.equal(decoded(value), false, why);
  });
});

describe('timeline protocol: webview to extension', () => {
  it('accepts each intent', () => {
    const good = [
      { type: 'ready' },
      { type: 'edit', requestId: 1, version: 4, index: 2, changes: { text: 'New text' } },
      { type: 'edit', requestId: 2, version: 4, index: 0, changes: { who: '', evidence: '' } },
      { type: 'delete', requestId: 3, version: 4, index: 1 },
      { type: 'add', requestId: 4, version: 4, entry: { at: '14:05', kind: 'action', text: 'Paged' } },
      { type: 'undoDelete', requestId: 5, version: 5 },
      { type: 'openEvidence', url: 'https://grafana.example/d/abc' },
      { type: 'reveal', line: 12 },
    ];
    for (const message of good) assert.ok(webviewMessageSchema.safeParse(message).success, JSON.stringify(message));
  });

  it('rejects malformed intents', () => {
    const bad: [string, unknown][] = [
      ['unknown type', { type: 'eval', code: '1' }],
      ['edit without a version', { type: 'edit', requestId: 1, index: 2, changes: { text: 'x' } }],
      ['edit with a string version', { type: 'edit', requestId: 1, version: '4', index: 2, changes: { text: 'x' } }],
      ['edit changing nothing', { type: 'edit', requestId: 1, version: 4, index: 2, changes: {} }],
      ['edit of an unknown field', { type: 'edit', requestId: 1, version: 4, index: 2, changes: { id: 'INC-9' } }],
      ['negative index', { type: 'delete', requestId: 1, version: 4, index: -1 }],
      ['fractional index', { type: 'delete', requestId: 1, version: 4, index: 0.5 }],
      ['huge text', { type: 'edit', requestId: 1, version: 4, index: 0, changes: { text: 'x'.repeat(10_001) } }],
      ['add without text', { type: 'add', requestId: 1, version: 4, entry: { at: '14:05', kind: 'action' } }],
      ['ready with extras', { type: 'ready', version: 1 }],
      ['reveal a negative line', { type: 'reveal', line: -3 }],
      ['evidence url not a string', { type: 'openEvidence', url: ['https://x'] }],
      ['an array', [{ type: 'ready' }]],
      ['undefined', undefined],
    ];
    for (const [why, message] of bad) assert.equal(webviewMessageSchema.safeParse(message).success, false, why);
  });

  it('accepts only well-formed panel state for the serializer', () => {
    assert.ok(panelStateSchema.safeParse({ uri: 'file:///w/incidents/a.md', kind: 'trigger', who: '', search: 'cache' }).success);
    assert.equal(panelStateSchema.safeParse({ kind: 'trigger' }).success, false);
    assert.equal(panelStateSchema.safeParse(undefined).success, false);
  });
});
