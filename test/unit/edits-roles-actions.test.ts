/** Assign Role, action items (done, due date) and the new incident template. */
import * as assert from 'node:assert/strict';
import { actionIndexById, markActionDoneEdits, setActionDueEdits } from '../../src/core/edits/actionItems';
import { incidentFileName, newIncidentText, slugify } from '../../src/core/edits/newIncident';
import { assignRoleEdits } from '../../src/core/edits/roles';
import { analyzeText, defaultLintOptions } from '../../src/core/lint';
import { addedLines, apply, file, HEAD, valueOf } from './edits-support';

describe('edits: assign a role', () => {
  it('replaces a holder in a block map, on that line only', () => {
    const text = file([...HEAD, 'roles:', '  commander: Priya Shah  # since 14:05', '  scribe: Ana Lima']);
    const after = apply(text, assignRoleEdits(text, 'commander', 'Mei Chen'));
    assert.equal(after.split('\n')[7], '  commander: Mei Chen  # since 14:05');
    assert.equal(after.replace('Mei Chen', 'Priya Shah'), text);
  });

  it('adds a role to a block map, a flow map, an empty map and a bare `roles:`', () => {
    const block = file([...HEAD, 'roles:', '  commander: Priya Shah', 'tags: [a]']);
    assert.deepEqual(addedLines(block, apply(block, assignRoleEdits(block, 'scribe', 'Ana Lima'))), ['  scribe: Ana Lima']);
    const flow = file([...HEAD, 'roles: {commander: Priya Shah}']);
    assert.equal(apply(flow, assignRoleEdits(flow, 'support lead', 'Dana Kim, support')).split('\n')[6], 'roles: {commander: Priya Shah, support lead: "Dana Kim, support"}');
    const empty = file([...HEAD, 'roles: {}']);
    assert.equal(apply(empty, assignRoleEdits(empty, 'commander', 'Mei Chen')).split('\n')[6], 'roles: {commander: Mei Chen}');
    const bare = file([...HEAD, 'roles:', 'tags: [a]']);
    assert.deepEqual(valueOf(apply(bare, assignRoleEdits(bare, 'commander', 'Mei Chen'))).roles, { commander: 'Mei Chen' });
  });

  it('adds `roles:` after services and tags when the file has none', () => {
    const text = file([...HEAD, 'services: [search]', 'tags: [reindex]', 'timeline: []']);
    const after = apply(text, assignRoleEdits(text, 'commander', 'Mei Chen'));
    assert.deepEqual(after.split('\n').slice(7, 10), ['tags: [reindex]', 'roles:', '  commander: Mei Chen']);
  });

  it('offers no edit without a role or a name', () => {
    assert.equal(assignRoleEdits(file(HEAD), ' ', 'Mei Chen'), undefined);
    assert.equal(assignRoleEdits(file(HEAD), 'scribe', ''), undefined);
  });
});

describe('edits: action items', () => {
  const TEXT = file([
    ...HEAD,
    'actions:',
    '  - id: A1',
    '    title: Alert on empty results',
    '    owner: Jonah Brooks',
    '    due: 2026-12-01',
    '    status: open',
    '  - {id: A2, title: Runbook step, owner: Sam Ortiz, status: in-progress}',
  ]);

  it('marks an action done on its status line, block or flow', () => {
    const first = apply(TEXT, markActionDoneEdits(TEXT, 0));
    assert.equal(first.split('\n')[11], '    status: done');
    assert.equal(first.replace('status: done', 'status: open'), TEXT);
    const second = apply(TEXT, markActionDoneEdits(TEXT, 1));
    assert.equal(second.split('\n')[12], '  - {id: A2, title: Runbook step, owner: Sam Ortiz, status: done}');
  });

  it('sets or adds a due date after the owner', () => {
    assert.equal(apply(TEXT, setActionDueEdits(TEXT, 0, '2026-12-15')).split('\n')[10], '    due: 2026-12-15');
    assert.equal(apply(TEXT, setActionDueEdits(TEXT, 1, '2026-12-15')).split('\n')[12], '  - {id: A2, title: Runbook step, owner: Sam Ortiz, due: 2026-12-15, status: in-progress}');
  });

  it('finds actions by id, and offers no edit for a missing action or a bad date', () => {
    assert.equal(actionIndexById(TEXT, 'A2'), 1);
    assert.equal(actionIndexById(TEXT, 'A9'), undefined);
    assert.equal(markActionDoneEdits(TEXT, 5), undefined);
    assert.equal(setActionDueEdits(TEXT, 0, '2026-02-30'), undefined);
    assert.equal(setActionDueEdits(TEXT, 0, 'next week'), undefined);
  });
});

describe('edits: a new incident from the template', () => {
  const at = '2026-11-25T10:02:00+01:00';

  it('is a valid incident: investigating, started and detected now, a first timeline entry', () => {
    const text = newIncidentText({ id: 'INC-2026-019', title: 'Checkout: errors for "some" users', severity: 'SEV2', services: ['checkout', 'edge, eu'], at, who: 'Priya Shah' });
    const value = valueOf(text);
    assert.deepEqual(
      { id: value.id, title: value.title, status: value.status, severity: value.severity, started: value.started, detected: value.detected, services: value.services },
      { id: 'INC-2026-019', title: 'Checkout: errors for "some" users', status: 'investigating', severity: 'SEV2', started: at, detected: at, services: ['checkout', 'edge, eu'] },
    );
    assert.deepEqual(value.timeline, [{ at, kind: 'decision', who: 'Priya Shah', text: 'Incident declared (SEV2)' }]);
    assert.deepEqual(analyzeText(text, defaultLintOptions()).diagnostics, []);
    for (const section of ['Summary', 'Impact', 'Narrative', 'Perspectives', 'What went well', 'Where we got lucky', 'Open questions', 'Learnings']) assert.ok(text.includes(`\n## ${section}\n`), section);
  });

  it('has no services line when none were named', () => {
    assert.ok(!newIncidentText({ id: 'INC-2026-019', title: 'x', severity: 'SEV4', services: [], at }).includes('services'));
  });

  it('is named after the day and the title, with a number when taken', () => {
    assert.equal(slugify('Checkout errors in eu-west!'), 'checkout-errors-in-eu-west');
    assert.equal(slugify('Café crème: ÇA VA?'), 'cafe-creme-ca-va');
    assert.equal(slugify('???'), 'incident');
    assert.ok(slugify('a very long title that goes on and on about many things that went wrong today').length <= 48);
    assert.equal(incidentFileName(at, 'Checkout errors'), '2026-11-25-checkout-errors.md');
    assert.equal(incidentFileName(at, 'Checkout errors', (name) => name === '2026-11-25-checkout-errors.md'), '2026-11-25-checkout-errors-2.md');
  });
});
