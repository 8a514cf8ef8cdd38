/** The language server under bad input: malformed and out-of-order messages, files outside the folders, an untrusted folder. */
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver';
import { CLEAN_PATH, FILES, PROBLEMS_PATH, SOURCE_PATH } from './lsp-fixture';
import { type LspSession, startLspSession } from './lsp-support';

/** Writes one raw framed message, as a broken client might. */
function sendRaw(session: LspSession, body: string): void {
  session.input.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

describe('language server: bad input', () => {
  let session: LspSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('refuses a request before initialize, and indexes nothing before initialized', async () => {
    session = await startLspSession({ files: FILES, manualStart: true });
    await assert.rejects(session.client.sendRequest('workspace/symbol', { query: '' }), (error: { code: number }) => error.code === -32002);
    await session.client.sendRequest('initialize', { processId: null, rootUri: session.folderUri, workspaceFolders: [{ uri: session.folderUri, name: 'w' }], capabilities: {} });
    assert.deepEqual(await session.client.sendRequest('workspace/symbol', { query: '' }), []);
    assert.deepEqual(await session.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: session.uri(PROBLEMS_PATH) } }), { kind: 'full', items: [] });
    assert.deepEqual(session.published, []);
    await session.client.sendNotification('initialized', {});
    const symbols: SymbolInformation[] = await session.client.sendRequest('workspace/symbol', { query: '' });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['INC-2026-001 Checkout errors after a deploy', 'INC-2026-002 Search timeouts']);
    await assert.rejects(session.client.sendRequest('initialize', { processId: null, capabilities: {} }), /The server is already initialized\./);
  });

  it('answers malformed messages with errors and goes on serving', async () => {
    session = await startLspSession({ files: FILES });
    let raw = '';
    session.output.on('data', (chunk: Buffer) => void (raw += chunk.toString('utf8')));
    sendRaw(session, '{not json');
    sendRaw(session, '{"jsonrpc":"2.0","id":"x1"}');
    sendRaw(session, '[1, 2]');
    const { client } = session;
    await assert.rejects(client.sendRequest('textDocument/hover', { textDocument: {} }), (error: { code: number; message: string }) => error.code === -32602 && /textDocument\.uri/.test(error.message));
    await assert.rejects(client.sendRequest('textDocument/hover', null), (error: { code: number }) => error.code === -32602);
    await assert.rejects(client.sendRequest('incidentLens/nothing', {}), (error: { code: number }) => error.code === -32601);
    await client.sendNotification('textDocument/didChange', { textDocument: { uri: 42 } });
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: 'everything' });
    assert.match(raw, /"id":null,"error":\{"code":-32700,"message":"The message is not valid JSON/);
    assert.match(raw, /"id":"x1","error":\{"code":-32600,/);
    assert.match(raw, /"id":null,"error":\{"code":-32600,"message":"A message must be one JSON object/);
    const symbols: SymbolInformation[] = await client.sendRequest('workspace/symbol', { query: 'checkout' });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['INC-2026-001 Checkout errors after a deploy']);
  });

  it('refuses files outside the workspace folders', async () => {
    session = await startLspSession({ files: FILES });
    const outside = mkdtempSync(path.join(tmpdir(), 'incident-lens-outside-'));
    try {
      writeFileSync(path.join(outside, 'other.md'), FILES[PROBLEMS_PATH]);
      const uri = pathToFileURL(path.join(outside, 'other.md')).href;
      const climbing = `${session.folderUri}/incidents/../../${path.basename(outside)}/other.md`;
      for (const target of [uri, climbing]) {
        assert.deepEqual(await session.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: target } }), []);
        assert.deepEqual(await session.client.sendRequest('textDocument/definition', { textDocument: { uri: target }, position: { line: 1, character: 6 } }), []);
        assert.deepEqual(await session.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: target } }), { kind: 'full', items: [] });
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  describe('an untrusted folder', () => {
    let fakeBin: string;
    let marker: string;
    let pathBefore: string | undefined;
    before(() => {
      // A git that only notes it was started: the untrusted server must never start it.
      fakeBin = mkdtempSync(path.join(tmpdir(), 'incident-lens-fake-git-'));
      marker = path.join(fakeBin, 'git-was-started');
      writeFileSync(path.join(fakeBin, 'git'), `#!/bin/sh\necho "$@" >> "${marker}"\nexit 1\n`);
      chmodSync(path.join(fakeBin, 'git'), 0o755);
      pathBefore = process.env.PATH;
      process.env.PATH = `${fakeBin}${path.delimiter}${pathBefore ?? ''}`;
    });
    after(() => {
      process.env.PATH = pathBefore;
      rmSync(fakeBin, { recursive: true, force: true });
    });
    beforeEach(() => rmSync(marker, { force: true }));

    /** Every request that could read git or propose a change. */
    async function exercise(s: LspSession): Promise<unknown[]> {
      const lens = await s.client.sendRequest('textDocument/codeLens', { textDocument: { uri: s.uri(SOURCE_PATH) } });
      const references = await s.client.sendRequest('textDocument/references', { textDocument: { uri: s.uri(CLEAN_PATH) }, position: { line: 1, character: 6 }, context: { includeDeclaration: true } });
      const actions = await s.client.sendRequest('textDocument/codeAction', { textDocument: { uri: s.uri(PROBLEMS_PATH) }, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, context: { diagnostics: [] } });
      return [lens, references, actions];
    }

    it('a trusted folder does start git (the fake one), so the check below can see it', async () => {
      session = await startLspSession({ files: { ...FILES, [CLEAN_PATH]: FILES[CLEAN_PATH].replace('code:', 'commits:\n  - {sha: 8d1147f, role: trigger}\ncode:') } });
      await session.pushedFor(PROBLEMS_PATH);
      await exercise(session);
      assert.ok(existsSync(marker));
    });

    it('starts no git process, offers no quick fix and refuses to rename, yet checks and navigates', async () => {
      session = await startLspSession({ files: { ...FILES, [CLEAN_PATH]: FILES[CLEAN_PATH].replace('code:', 'commits:\n  - {sha: 8d1147f, role: trigger}\ncode:') }, initializationOptions: { trusted: false } });
      const pushed = await session.pushedFor(PROBLEMS_PATH);
      assert.equal(pushed.diagnostics.length, 6);
      const [lens, references, actions] = await exercise(session);
      assert.deepEqual(actions, []);
      assert.equal((lens as unknown[]).length, 1);
      assert.equal((references as unknown[]).length, 3);
      await assert.rejects(session.client.sendRequest('textDocument/rename', { textDocument: { uri: session.uri(SOURCE_PATH) }, position: { line: 0, character: 30 }, newName: 'INC-2026-101' }), /not trusted/);
      assert.equal(existsSync(marker), false, 'git was started');
    });
  });
});
