/** The snapshot helper itself: a missing snapshot fails and stays missing; only an update writes one. */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { matchSnapshot } from './snapshot-support';

describe('snapshots', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-snapshot-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a missing snapshot without writing it', () => {
    const file = path.join(dir, 'report.md');
    assert.throws(() => matchSnapshot(file, '# Report\n', false), /report\.md has no snapshot: run with UPDATE_SNAPSHOTS=1/);
    assert.equal(existsSync(file), false);
  });

  it('fails on a difference, and writes the snapshot only when asked to update', () => {
    const file = path.join(dir, 'report.md');
    writeFileSync(file, '# Old\n');
    assert.throws(() => matchSnapshot(file, '# New\n', false), /report\.md differs from its snapshot/);
    assert.equal(readFileSync(file, 'utf8'), '# Old\n');
    matchSnapshot(file, '# New\n', true);
    assert.equal(readFileSync(file, 'utf8'), '# New\n');
  });
});
