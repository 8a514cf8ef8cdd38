// The extension is installed in a real editor, activates, and the editor is
// the real thing (not a mock of the vscode module).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'incident-lens.incident-lens';

suite('activation', () => {
  test('the extension is installed', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the installed extensions`);
    assert.equal(extension.packageJSON.name, 'incident-lens');
  });

  test('the extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // Activation events depend on the workspace's content; activating
    // explicitly checks that activate() itself succeeds.
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('a workspace folder is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'the runner opens exactly one folder');
    assert.equal(folders[0]?.uri.scheme, 'file');
  });

  test('the editor is a real VS Code', () => {
    console.log(
      `    editor: ${vscode.env.appName} ${vscode.version}, ui ${vscode.UIKind[vscode.env.uiKind]},` +
        ` remote ${vscode.env.remoteName ?? 'none'}, node ${process.version}`,
    );
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    // The runner says which editor it started; check the editor agrees.
    const expected = process.env.INCIDENT_LENS_EDITOR;
    if (expected === 'code-server') {
      assert.equal(vscode.env.appName, 'code-server');
      assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
      assert.ok(vscode.env.remoteName, 'code-server runs extensions in a remote extension host');
    } else if (expected === 'electron') {
      assert.equal(vscode.env.uiKind, vscode.UIKind.Desktop);
    }
  });
});
