// Quick fixes as a user gets them: the code actions the editor offers for a
// diagnostic, applied through the workbench (edits, snippet edits, commands).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, eventually } from './lens';
import { testNowMs } from './day';

/** A diagnostic with this code (and the message part, where several share a code). */
export async function waitForDiagnostic(uri: vscode.Uri, code: string, messagePart = ''): Promise<vscode.Diagnostic> {
  const matches = (d: vscode.Diagnostic) => d.code === code && d.message.includes(messagePart);
  const list = await diagnosticsOf(uri, (l) => l.some(matches));
  return list.find(matches)!;
}

/** Waits until no diagnostic has this code and message part. */
export async function diagnosticGone(uri: vscode.Uri, code: string, messagePart = ''): Promise<void> {
  await diagnosticsOf(uri, (l) => !l.some((d) => d.code === code && d.message.includes(messagePart)));
}

/** The quick fixes offered for one diagnostic (and the command-only ones offered at its range). */
export async function fixesFor(uri: vscode.Uri, code: string, messagePart = ''): Promise<vscode.CodeAction[]> {
  // Ask again until it answers: the workbench sometimes drops an answer the provider gave (mostly right after the
  // editor starts), and the problem read first may still be the one of the text before the last revert.
  return eventually(async () => {
    const target = await waitForDiagnostic(uri, code, messagePart);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const offered = actions.filter((action) => action.diagnostics?.some((d) => d.code === code && d.message === target.message) ?? action.title.length > 0);
    assert.ok(offered.length > 0, `no quick fix is offered for "${target.message}"`);
    return offered;
  });
}

/** The quick fixes for one diagnostic, once one of them has a title like `title` (the editor may still show the problems of the text before). */
export async function fixesWith(uri: vscode.Uri, code: string, messagePart: string, title: RegExp): Promise<vscode.CodeAction[]> {
  return eventually(async () => {
    const fixes = await fixesFor(uri, code, messagePart);
    assert.ok(fixes.some((fix) => title.test(fix.title)), `no fix like ${title} among ${fixes.map((fix) => `"${fix.title}"`).join(', ')}`);
    return fixes;
  });
}

/** Applies a quick fix as the light bulb does: its edit, then its command. */
export async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action, 'a quick fix is offered');
  assert.ok(action.edit || action.command, `"${action.title}" carries an edit or a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Finds the fix with this exact title among those for a diagnostic, and applies it. */
export async function applyFix(uri: vscode.Uri, code: string, title: string, messagePart = ''): Promise<void> {
  // Until the editor has the problems of the current text, the fixes at the problem's range can be another's.
  const fix = await eventually(async () => {
    const fixes = await fixesFor(uri, code, messagePart);
    return fixes.find((candidate) => candidate.title === title) ?? assert.fail(`"${title}" is not among ${fixes.map((candidate) => `"${candidate.title}"`).join(', ')}`);
  });
  await apply(fix);
}

/** The document's lines from `first` (0-based), as many as expected, for exact comparisons. */
export function linesOf(document: vscode.TextDocument, first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => document.lineAt(first + i).text);
}

/** A local date `days` from today, as the fixes write it (YYYY-MM-DD). */
export function localDateIn(days: number): string {
  const today = new Date(testNowMs());
  return new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days)).toISOString().slice(0, 10);
}
