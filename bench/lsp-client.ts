/**
 * A language client for the server benchmarks: it spawns the built server
 * (`node dist/cli.js lsp --stdio`, as an editor does), talks JSON-RPC to it
 * over the child's stdin and stdout, and notes when each pushed diagnostic
 * arrives, so the bench measures what a client sees.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const SERVER = path.join(__dirname, '..', 'dist', 'cli.js');

/** A client that takes pushed diagnostics and watches files, as Neovim does. */
const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, workspaceFolders: true },
};

export interface Arrival {
  readonly params: PublishDiagnosticsParams;
  /** `performance.now()` when the client read it. */
  readonly at: number;
}

export interface ServerOptions {
  readonly folder: string;
  /** Pinned "now" (INCIDENT_LENS_NOW), so overdue actions are the same on any day. */
  readonly now: string;
  readonly initializationOptions?: Record<string, unknown>;
  /** Extra flags for node, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
}

export class BenchClient {
  readonly connection: MessageConnection;
  readonly folderUri: string;
  private readonly arrivals: Arrival[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: ServerOptions,
  ) {
    this.folderUri = pathToFileURL(options.folder).href;
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.arrivals.push({ params, at: performance.now() });
      for (const wake of [...this.waiters]) wake();
    });
    // Settings: none beyond the folder's own; registrations: accepted.
    this.connection.onRequest((method, params) => (method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null));
    this.connection.listen();
  }

  static spawn(options: ServerOptions): BenchClient {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), SERVER, 'lsp', '--stdio'], {
      env: { ...process.env, INCIDENT_LENS_NOW: options.now },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    return new BenchClient(child, options);
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.options.folder, relative)).href;
  }

  /** `initialize` and `initialized`; resolves once the server has indexed every folder (a request waits for that). */
  async start(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.folderUri,
      workspaceFolders: [{ uri: this.folderUri, name: 'corpus' }],
      capabilities: CAPABILITIES,
      ...(this.options.initializationOptions ? { initializationOptions: this.options.initializationOptions } : {}),
    });
    await this.connection.sendNotification('initialized', {});
    await this.indexed();
  }

  /** Every request waits for the index; its answer comes after the diagnostics pushed before it. */
  async indexed(): Promise<void> {
    await this.connection.sendRequest('workspace/symbol', { query: 'INC-0000-0000' });
  }

  /** Diagnostics read so far, from `since` on. */
  arrived(since = 0): readonly Arrival[] {
    return this.arrivals.slice(since);
  }

  get arrivalCount(): number {
    return this.arrivals.length;
  }

  /** The first diagnostics for `uri` at `version` (undefined: a file not open) read at index `since` or later. */
  async diagnosticsFor(uri: string, version: number | undefined, since: number, timeoutMs = 30_000): Promise<Arrival> {
    const found = () => this.arrivals.slice(since).find((a) => a.params.uri === uri && a.params.version === version);
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const arrival = found();
      if (arrival) return arrival;
      if (performance.now() > deadline) throw new Error(`no diagnostics for ${uri} at version ${version} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => (this.waiters.delete(wake), clearTimeout(timer), resolve());
        const timer = setTimeout(wake, 100);
        this.waiters.add(wake);
      });
    }
  }

  /** Resident set size of the server process now, and its peak, in bytes (Linux); undefined elsewhere. */
  memory(): { rss: number; peak: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = (field: string) => Number(/\s(\d+) kB/.exec(status.split('\n').find((line) => line.startsWith(field)) ?? '')?.[1]) * 1024;
      return { rss: kib('VmRSS:'), peak: kib('VmHWM:') };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    this.connection.dispose();
    this.child.stdin?.end();
    await exited;
  }
}
