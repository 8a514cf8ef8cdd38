// Shared steps for integration tests: activate the real extension, write
// incident files into the (temporary) workspace, and wait for what a user
// would see.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../../../src/extension';

export const EXTENSION_ID = 'incident-lens.incident-lens';

export async function lens(): Promise<IncidentLensApi> {
  const extension = vscode.extensions.getExtension<IncidentLensApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  const api = await extension.activate();
  await api.workspace.whenReady();
  return api;
}

export function folder(): vscode.WorkspaceFolder {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'a workspace folder is open');
  return first;
}

export function uriOf(path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...path.split('/'));
}

export async function writeFile(path: string, text: string): Promise<vscode.Uri> {
  const uri = uriOf(path);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function removeFile(path: string): Promise<void> {
  await vscode.workspace.fs.delete(uriOf(path), { useTrash: false }).then(undefined, () => undefined);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls until the check passes (or fails with its last message after the timeout). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function diagnosticsOf(uri: vscode.Uri, predicate: (list: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return eventually(() => {
    const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'incident-lens');
    assert.ok(predicate(list), `diagnostics not as expected yet: ${list.map((d) => `${d.code}@${d.range.start.line + 1}`).join(', ') || 'none'}`);
    return list;
  }, timeoutMs);
}

/** `code@line:col-line:col`, 1-based, for compact assertions. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${String(d.code)}@${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
