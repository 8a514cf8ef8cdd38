/**
 * Snapshot comparison for the unit tests. A snapshot is written only when
 * UPDATE_SNAPSHOTS=1: a deleted or renamed snapshot then fails the test
 * instead of quietly writing itself and passing.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function matchSnapshot(file: string, actual: string, update = process.env.UPDATE_SNAPSHOTS === '1'): void {
  const name = path.basename(file);
  if (update) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${name} has no snapshot: run with UPDATE_SNAPSHOTS=1 to write it, then check it in`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept)`);
}
