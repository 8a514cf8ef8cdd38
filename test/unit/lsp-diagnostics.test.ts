/** The language server's diagnostics: what `incident-lens lint` reports, pushed or pulled, and following unsaved text. */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver';
import { main } from '../../src/cli/main';
import { CLEAN_PATH, FILES, PROBLEMS, PROBLEMS_PATH, PROBLEMS_TEXT } from './lsp-fixture';
import { type LspSession, PULL_CLIENT, startLspSession } from './lsp-support';

const codesAndLines = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.range.start.line]);

async function lintJson(folder: string): Promise<{ file: string; line: number; column: number; endLine: number; endColumn: number; code: string; message: string }[]> {
  let out = '';
  await main(['lint', folder, '--format', 'json', '--today', '2026-11-25'], { out: (text) => void (out += text), err: () => undefined });
  return JSON.parse(out);
}

describe('language server: diagnostics', () => {
  let session: LspSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('pushes the problems of every incident file to a client that cannot pull, as lint reports them', async () => {
    session = await startLspSession({ files: FILES });
    const pushed = await session.pushedFor(PROBLEMS_PATH);
    assert.deepEqual(codesAndLines(pushed.diagnostics), PROBLEMS);
    assert.equal(pushed.diagnostics[0].message, '"resolvd" is not allowed for `status`. Allowed: investigating, identified, monitoring, resolved, reviewed.');
    assert.deepEqual(pushed.diagnostics[0].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } });
    assert.equal(pushed.diagnostics[0].severity, 1);
    assert.equal(pushed.diagnostics[0].source, 'incident-lens');
    const rows = await lintJson(session.folder);
    assert.deepEqual(
      pushed.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, message: d.message })),
      rows.filter((row) => row.file === PROBLEMS_PATH).map(({ code, line, column, endLine, endColumn, message }) => ({ code, line, column, endLine, endColumn, message })),
    );
    assert.equal(session.published.some((p) => p.uri === session!.uri(CLEAN_PATH) && p.diagnostics.length > 0), false);
  });

  it('answers textDocument/diagnostic and workspace/diagnostic to a client that pulls, and pushes nothing', async () => {
    session = await startLspSession({ files: FILES, capabilities: PULL_CLIENT });
    const report: DocumentDiagnosticReport = await session.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: session.uri(PROBLEMS_PATH) } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(codesAndLines(report.kind === 'full' ? report.items : []), PROBLEMS);
    const workspace: WorkspaceDiagnosticReport = await session.client.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(workspace.items.map((item) => [item.uri, item.kind === 'full' ? codesAndLines(item.items) : undefined]));
    assert.deepEqual(byUri.get(session.uri(PROBLEMS_PATH)), PROBLEMS);
    assert.deepEqual(byUri.get(session.uri(CLEAN_PATH)), []);
    assert.deepEqual(session.published, []);
  });

  it('checks an open document as typed, unsaved, and the saved text again once it is closed', async () => {
    session = await startLspSession({ files: FILES });
    await session.pushedFor(PROBLEMS_PATH);
    const fixed = PROBLEMS_TEXT.replace('status: resolvd', 'status: resolved').replace('tgas:', 'tags:');
    const uri = session.uri(PROBLEMS_PATH);
    await session.open(PROBLEMS_PATH, PROBLEMS_TEXT, 1);
    await session.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    // The file's own problems come first; those that need the folder (the catalog's services) follow.
    const typed = await session.pushedFor(PROBLEMS_PATH, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'unknown-service'));
    assert.deepEqual(codesAndLines(typed.diagnostics), [
      ['status-without-time', 3],
      ['unknown-service', 6],
      ['timeline-order', 12],
      ['action-overdue', 19],
      ['blame-language', 23],
    ]);
    await session.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await session.pushedFor(PROBLEMS_PATH, (p) => p.version === undefined && p.diagnostics.length === 6);
    assert.deepEqual(codesAndLines(closed.diagnostics), PROBLEMS);
  });

  it('an id typed to clash with another incident marks both files, typed back clears both, and no other file is pushed again', async () => {
    session = await startLspSession({ files: { ...FILES, 'incidents/2026-11-21-queue-lag.md': PROBLEMS_TEXT.replace('id: INC-2026-002', 'id: INC-2026-003') } });
    await session.pushedFor(PROBLEMS_PATH);
    const uri = session.uri(PROBLEMS_PATH);
    const idRange = { start: { line: 1, character: 4 }, end: { line: 1, character: 16 } };
    await session.open(PROBLEMS_PATH, PROBLEMS_TEXT, 1);
    const before = session.published.length;
    await session.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: idRange, text: 'INC-2026-001' }] });
    const clashing = await session.pushedFor(PROBLEMS_PATH, (p) => p.version === 2);
    const other = await session.pushedFor(CLEAN_PATH, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));
    assert.deepEqual(clashing.diagnostics.filter((d) => d.code === 'duplicate-id').map((d) => d.range), [idRange]);
    assert.deepEqual(other.diagnostics.map((d) => d.code), ['duplicate-id']);
    await session.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: idRange, text: 'INC-2026-002' }] });
    await session.pushedFor(PROBLEMS_PATH, (p) => p.version === 3 && !p.diagnostics.some((d) => d.code === 'duplicate-id'));
    await session.pushedFor(CLEAN_PATH, (p) => p.diagnostics.length === 0);
    assert.equal(session.published.slice(before).some((p) => p.uri === session!.uri('incidents/2026-11-21-queue-lag.md')), false);
  });

  it('reports a file over incidentLens.maxFileSize (from workspace/configuration) as too-large, unparsed', async () => {
    const big = `${PROBLEMS_TEXT}\n${'Notes from the call. '.repeat(100)}\n`;
    session = await startLspSession({ files: { ...FILES, [PROBLEMS_PATH]: big }, settings: { maxFileSize: 1024 } });
    const pushed = await session.pushedFor(PROBLEMS_PATH);
    assert.deepEqual(codesAndLines(pushed.diagnostics), [['too-large', 0]]);
    assert.equal(pushed.diagnostics[0].message, 'This file is 2.5 KB, over the 1.0 KB limit (setting incidentLens.maxFileSize), so it is not checked.');
  });

  it('reads a file that changed on disk again when the client says so (workspace/didChangeWatchedFiles)', async () => {
    session = await startLspSession({ files: FILES });
    await session.pushedFor(PROBLEMS_PATH);
    writeFileSync(path.join(session.folder, PROBLEMS_PATH), PROBLEMS_TEXT.replace('It was human error.', 'The alert was missing.'));
    await session.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(PROBLEMS_PATH), type: 2 }] });
    const after = await session.pushedFor(PROBLEMS_PATH, (p) => p.diagnostics.length === 5);
    assert.deepEqual(codesAndLines(after.diagnostics), PROBLEMS.slice(0, 5));
  });
});
