// Multi-root workspaces: each folder has its own incidents, catalog and
// repository, and nothing mixes them up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, eventually, lens } from './support/lens';

suite('multi-root workspace', () => {
  test('each folder gets its own index', async () => {
    const api = await lens();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 2);
    await eventually(() => assert.equal(api.workspace.all().length, 2));
    const [first, second] = folders.map((folder) => api.workspace.all().find((state) => state.folder.uri.toString() === folder.uri.toString())!);
    assert.ok(first.index.incidents().length >= 8, 'the example folder has its incidents');
    assert.deepEqual(
      second.index.incidents().map(({ incident }) => incident.id),
      ['INC-2026-014'],
    );
  });

  test('the same id in two folders is not a duplicate', async () => {
    const api = await lens();
    const second = api.workspace.all().find((state) => state.folder.name === 'second')!;
    const uri = second.host.uriOf('incidents/2026-10-01-ledger-export-late.md');
    await vscode.workspace.openTextDocument(uri);
    const list = await diagnosticsOf(uri, (l) => l.some((d) => d.code === 'unknown-service'));
    assert.ok(!list.some((d) => d.code === 'duplicate-id'), 'INC-2026-014 exists in the other folder only');
  });

  test("services are checked against the folder's own catalog", async () => {
    const api = await lens();
    const second = api.workspace.all().find((state) => state.folder.name === 'second')!;
    const uri = second.host.uriOf('incidents/2026-10-01-ledger-export-late.md');
    const list = await diagnosticsOf(uri, (l) => l.some((d) => d.code === 'unknown-service'));
    const unknown = list.filter((d) => d.code === 'unknown-service').map((d) => d.message);
    assert.deepEqual(unknown, ['The catalog does not name the service "checkout".'], 'ledger is in this folder\'s catalog; checkout only in the other one');
  });

  test('the next free id is allocated per folder', async () => {
    const api = await lens();
    const [first, second] = ['workspace', 'second'].map((name) => api.workspace.all().find((state) => state.folder.name === name)!);
    assert.equal(second.index.nextId(2026), 'INC-2026-015');
    assert.notEqual(first.index.nextId(2026), 'INC-2026-015');
  });
});
