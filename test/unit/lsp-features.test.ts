/** The language server's features on incident files: completion, hover, quick fixes, the hotspot lens, the outline, folding. */
import * as assert from 'node:assert/strict';
import type { CodeAction, CodeLens, CompletionItem, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver';
import { CLEAN_PATH, FILES, PROBLEMS_PATH, SOURCE_PATH } from './lsp-fixture';
import { type LspSession, startLspSession } from './lsp-support';

describe('language server: incident file features', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession({ files: FILES });
  });
  after(async () => {
    await session.close();
  });

  const at = (path: string, line: number, character: number) => ({ textDocument: { uri: session.uri(path) }, position: { line, character } });

  it('completes the statuses after `status: `', async () => {
    const items: CompletionItem[] = await session.client.sendRequest('textDocument/completion', at(PROBLEMS_PATH, 3, 'status: '.length));
    assert.deepEqual(
      items.map((item) => item.label),
      ['investigating', 'identified', 'monitoring', 'resolved', 'reviewed'],
    );
  });

  it('explains a field on hover', async () => {
    const hover: Hover = await session.client.sendRequest('textDocument/hover', at(CLEAN_PATH, 4, 2));
    assert.deepEqual(hover, {
      contents: { kind: 'markdown', value: '**severity** — How bad it was, from the configured levels (SEV1 is the worst). Required.' },
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 8 } },
    });
  });

  it('offers the quick fixes of the problems under the cursor, as edits', async () => {
    const actions: CodeAction[] = await session.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: session.uri(PROBLEMS_PATH) },
      range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.edit?.changes?.[session.uri(PROBLEMS_PATH)]]),
      [['Rename `tgas` to `tags`', [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 4 } }, newText: 'tags' }]]],
    );
  });

  it('offers to add an unknown service to the catalog', async () => {
    const actions: CodeAction[] = await session.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: session.uri(PROBLEMS_PATH) },
      range: { start: { line: 6, character: 12 }, end: { line: 6, character: 12 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((action) => [action.title, action.edit?.changes]), [
      ['Add "search" to the service catalog', { [session.uri('incidents/catalog.yaml')]: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '  search:\n    owners: []\n' }] }],
    ]);
  });

  it('shows the hotspot lens on a linked source file, and none on an incident', async () => {
    const lenses: CodeLens[] = await session.client.sendRequest('textDocument/codeLens', { textDocument: { uri: session.uri(SOURCE_PATH) } });
    assert.deepEqual(lenses, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        command: { title: '1 incident · last 55 days ago', command: 'incidentLens.showFileIncidents', arguments: [session.uri(SOURCE_PATH)] },
      },
    ]);
    assert.deepEqual(await session.client.sendRequest('textDocument/codeLens', { textDocument: { uri: session.uri(CLEAN_PATH) } }), []);
  });

  it('outlines the fields, the timeline entries and the actions', async () => {
    const symbols: DocumentSymbol[] = await session.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: session.uri(CLEAN_PATH) } });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail, symbol.range.start.line, symbol.range.end.line]),
      [
        ['id', 'INC-2026-001', 1, 1],
        ['title', 'Checkout errors after a deploy', 2, 2],
        ['status', 'resolved', 3, 3],
        ['severity', 'SEV2', 4, 4],
        ['started', '2026-10-01T09:00:00Z', 5, 5],
        ['detected', '2026-10-01T09:05:00Z', 6, 6],
        ['mitigated', '2026-10-01T09:40:00Z', 7, 7],
        ['resolved', '2026-10-01T10:00:00Z', 8, 8],
        ['services', undefined, 9, 9],
        ['code', undefined, 10, 11],
        ['timeline', undefined, 12, 18],
        ['actions', undefined, 19, 24],
      ],
    );
    const timeline = symbols.find((symbol) => symbol.name === 'timeline')!;
    assert.deepEqual(
      timeline.children!.map((entry) => [entry.name, entry.detail, entry.selectionRange.start.line]),
      [
        ['2026-10-01T09:05:00Z · detection', 'Alerts fired for checkout errors', 13],
        ['2026-10-01T09:40:00Z · mitigation', 'Rolled back the deploy', 16],
      ],
    );
    const actions = symbols.find((symbol) => symbol.name === 'actions')!;
    assert.deepEqual(actions.children!.map((action) => [action.name, action.detail]), [['A1 Add a canary stage', 'open · Sam Ortiz']]);
  });

  it('folds the front matter and every block that spans lines', async () => {
    const ranges: FoldingRange[] = await session.client.sendRequest('textDocument/foldingRange', { textDocument: { uri: session.uri(CLEAN_PATH) } });
    assert.deepEqual(
      ranges.map((range) => [range.startLine, range.endLine]),
      [
        [0, 25],
        [10, 11],
        [12, 18],
        [13, 15],
        [16, 18],
        [19, 24],
        [20, 24],
      ],
    );
    assert.equal(ranges[0].kind, 'region');
  });
});
