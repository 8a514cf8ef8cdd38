/**
 * Drives the language server in-process: a real JSON-RPC client connection
 * talks to it over a pair of streams, against a temporary folder written from
 * the files a test gives. "Now" is pinned, so no test depends on the date.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver';
import { setClock } from '../../src/core/clock';
import { serverConnection } from '../../src/server/connection';
import { nodeEnvironment } from '../../src/server/node';
import { startServer } from '../../src/server/server';

/** Midday UTC, so the local date is the same in every time zone a test machine uses. */
export const TEST_NOW = Date.parse('2026-11-25T12:00:00Z');

export interface LspSessionOptions {
  readonly files: Readonly<Record<string, string>>;
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** What the client answers to `workspace/configuration` (the `incidentLens` section). */
  readonly settings?: unknown;
  /** Skip `initialize`/`initialized`: the test sends them itself. */
  readonly manualStart?: boolean;
}

export interface LspSession {
  readonly folder: string;
  readonly folderUri: string;
  readonly client: MessageConnection;
  /** Raw bytes to the server, for malformed messages. */
  readonly input: PassThrough;
  /** Raw bytes from the server, for answers the client connection cannot match to a request. */
  readonly output: PassThrough;
  /** Every publishDiagnostics the client got, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Every server-to-client request, by method. */
  readonly requests: { method: string; params: unknown }[];
  uri(relative: string): string;
  initialize(): Promise<unknown>;
  open(relative: string, text: string, version?: number): Promise<void>;
  /** The last diagnostics pushed for a file, once `until` holds for them. */
  pushedFor(relative: string, until?: (diagnostics: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

/** Capabilities of a client that pulls diagnostics and takes annotated edits (as VS Code). */
export const PULL_CLIENT: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: { configuration: true, workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } },
};

/** Capabilities of a client that only takes pushed diagnostics (as Neovim 0.7). */
export const PUSH_CLIENT: ClientCapabilities = { workspace: { configuration: true } };

export async function startLspSession(options: LspSessionOptions): Promise<LspSession> {
  const restoreClock = setClock(() => TEST_NOW);
  const folder = mkdtempSync(path.join(tmpdir(), 'incident-lens-lsp-'));
  for (const [relative, text] of Object.entries(options.files)) {
    mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    writeFileSync(path.join(folder, relative), text);
  }
  const folderUri = pathToFileURL(folder).href;
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = serverConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer), {
    shutdownReceived: false,
    initialize: () => undefined,
    exit: () => undefined,
  });
  startServer(server, nodeEnvironment);
  const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const requests: { method: string; params: unknown }[] = [];
  /** Checks waiting for diagnostics, run as each notification arrives. */
  const arrivals = new Set<() => void>();
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const check of [...arrivals]) check();
  });
  client.onRequest((method, params) => {
    requests.push({ method, params });
    if (method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => options.settings ?? null);
    return null;
  });
  client.listen();
  const uri = (relative: string) => pathToFileURL(path.join(folder, relative)).href;
  const session: LspSession = {
    folder,
    folderUri,
    client,
    input: toServer,
    output: fromServer,
    published,
    requests,
    uri,
    async initialize() {
      const result = await client.sendRequest('initialize', {
        processId: null,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'workspace' }],
        capabilities: options.capabilities ?? PUSH_CLIENT,
        ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      });
      await client.sendNotification('initialized', {});
      return result;
    },
    async open(relative, text, version = 1) {
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(relative), languageId: 'markdown', version, text } });
    },
    pushedFor(relative, until = () => true) {
      const wanted = uri(relative);
      const latest = () => published.filter((p) => p.uri === wanted).at(-1);
      const matching = () => {
        const last = latest();
        return last && until(last) ? last : undefined;
      };
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = matching();
          if (!found) return;
          stop();
          resolve(found);
        };
        const deadline = setTimeout(() => {
          stop();
          reject(new Error(`no diagnostics for ${relative} as expected; got ${JSON.stringify(latest())}`));
        }, 5_000);
        const stop = () => {
          clearTimeout(deadline);
          arrivals.delete(check);
        };
        arrivals.add(check);
        check();
      });
    },
    async close() {
      client.dispose();
      server.dispose();
      toServer.end();
      fromServer.end();
      restoreClock();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  if (!options.manualStart) await session.initialize();
  return session;
}
