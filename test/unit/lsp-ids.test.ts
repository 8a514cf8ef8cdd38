/** Incident ids as symbols in the language server: definition, references, workspace symbols, rename. */
import * as assert from 'node:assert/strict';
import type { Location, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver';
import { CLEAN_PATH, FILES, NOTES_PATH, PROBLEMS_PATH, SOURCE_PATH } from './lsp-fixture';
import { type LspSession, PULL_CLIENT, startLspSession } from './lsp-support';

const line = (n: number, from: number, to: number) => ({ start: { line: n, character: from }, end: { line: n, character: to } });

describe('language server: incident ids', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession({ files: FILES, capabilities: PULL_CLIENT });
  });
  after(async () => {
    await session.close();
  });

  const at = (path: string, lineNumber: number, character: number) => ({ textDocument: { uri: session.uri(path) }, position: { line: lineNumber, character } });
  const places = (locations: readonly Location[]) => locations.map((location) => [location.uri, location.range]);

  it('goes from an id in a code comment to the incident file\'s id line', async () => {
    const found: Location[] = await session.client.sendRequest('textDocument/definition', at(SOURCE_PATH, 0, 30));
    assert.deepEqual(places(found), [[session.uri(CLEAN_PATH), line(1, 4, 16)]]);
  });

  it('goes to the incident from an id in a commit message being written', async () => {
    const uri = session.uri('.git/COMMIT_EDITMSG');
    await session.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gitcommit', version: 1, text: 'Fix search timeouts\n\nFollow-up of INC-2026-002.\n' } });
    const found: Location[] = await session.client.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 14 } });
    assert.deepEqual(places(found), [[session.uri(PROBLEMS_PATH), line(1, 4, 16)]]);
  });

  it('finds nothing where no known id is written (UTF-8, a longer id)', async () => {
    assert.deepEqual(await session.client.sendRequest('textDocument/definition', at(NOTES_PATH, 1, 2)), []);
    assert.deepEqual(await session.client.sendRequest('textDocument/definition', at(NOTES_PATH, 1, 45)), []);
  });

  it('finds every place an id is written, with or without its declaration', async () => {
    const all: Location[] = await session.client.sendRequest('textDocument/references', { ...at(CLEAN_PATH, 1, 6), context: { includeDeclaration: true } });
    assert.deepEqual(places(all), [
      [session.uri(NOTES_PATH), line(0, 18, 30)],
      [session.uri(CLEAN_PATH), line(1, 4, 16)],
      [session.uri(SOURCE_PATH), line(0, 28, 40)],
    ]);
    const others: Location[] = await session.client.sendRequest('textDocument/references', { ...at(SOURCE_PATH, 0, 30), context: { includeDeclaration: false } });
    assert.deepEqual(places(others), [
      [session.uri(NOTES_PATH), line(0, 18, 30)],
      [session.uri(SOURCE_PATH), line(0, 28, 40)],
    ]);
  });

  it('lists incidents by id and title as workspace symbols', async () => {
    const byTitle: SymbolInformation[] = await session.client.sendRequest('workspace/symbol', { query: 'search' });
    assert.deepEqual(byTitle.map((symbol) => [symbol.name, symbol.location.uri]), [['INC-2026-002 Search timeouts', session.uri(PROBLEMS_PATH)]]);
    const byId: SymbolInformation[] = await session.client.sendRequest('workspace/symbol', { query: 'inc-2026-00' });
    assert.deepEqual(byId.map((symbol) => symbol.name), ['INC-2026-001 Checkout errors after a deploy', 'INC-2026-002 Search timeouts']);
  });

  it('renames an id everywhere it is written, each file to be confirmed', async () => {
    const prepared = await session.client.sendRequest('textDocument/prepareRename', at(SOURCE_PATH, 0, 30));
    assert.deepEqual(prepared, { range: line(0, 28, 40), placeholder: 'INC-2026-001' });
    const edit: WorkspaceEdit = await session.client.sendRequest('textDocument/rename', { ...at(SOURCE_PATH, 0, 30), newName: 'INC-2026-101' });
    assert.deepEqual(
      edit.documentChanges!.map((change) => ('textDocument' in change ? [change.textDocument.uri, change.edits.map((e) => [e.range, 'newText' in e ? e.newText : undefined, 'annotationId' in e ? e.annotationId : undefined])] : undefined)),
      [
        [session.uri(NOTES_PATH), [[line(0, 18, 30), 'INC-2026-101', `rename ${NOTES_PATH}`]]],
        [session.uri(CLEAN_PATH), [[line(1, 4, 16), 'INC-2026-101', `rename ${CLEAN_PATH}`]]],
        [session.uri(SOURCE_PATH), [[line(0, 28, 40), 'INC-2026-101', `rename ${SOURCE_PATH}`]]],
      ],
    );
    assert.deepEqual(edit.changeAnnotations![`rename ${CLEAN_PATH}`], { label: CLEAN_PATH, description: 'INC-2026-001 → INC-2026-101, once', needsConfirmation: true });
  });

  it('refuses a new id that is taken or not an id, and a rename where no id is', async () => {
    await assert.rejects(session.client.sendRequest('textDocument/rename', { ...at(SOURCE_PATH, 0, 30), newName: 'INC-2026-002' }), /Another incident already uses the id INC-2026-002\./);
    await assert.rejects(session.client.sendRequest('textDocument/rename', { ...at(SOURCE_PATH, 0, 30), newName: 'checkout bug' }), /"checkout bug" is not an incident id/);
    await assert.rejects(session.client.sendRequest('textDocument/prepareRename', at(SOURCE_PATH, 1, 3)), /There is no incident id here to rename\./);
  });
});
