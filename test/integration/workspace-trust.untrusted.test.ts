// Runs only in a workspace-trust run (`run-integration.mjs --untrusted`):
// the folder is open in restricted mode, and the extension, which declares
// limited support for untrusted workspaces, still activates there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'incident-lens.incident-lens';

suite('untrusted workspace', () => {
  test('the folder is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the extension still activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the installed extensions`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
