import * as assert from 'node:assert/strict';
import { SKIPPED_FOLDERS, SKIPPED_FOLDERS_GLOB } from '../../src/core/skippedFolders';

describe('folders a walk skips', () => {
  it('are those of version control, packages and editor test runs', () => {
    assert.deepEqual([...SKIPPED_FOLDERS].sort(), ['.git', '.hg', '.svn', '.vscode-test', 'node_modules']);
  });

  it('are the same folders the editor\'s file search leaves out', () => {
    assert.equal(SKIPPED_FOLDERS_GLOB, '{**/.git/**,**/node_modules/**,**/.hg/**,**/.svn/**,**/.vscode-test/**}');
  });
});
