/**
 * The Incident Lens language server, over any connection: it holds one
 * incident index per workspace folder and serves diagnostics, completion,
 * hover, quick fixes, the hotspot lens, the outline, folding, and incident
 * ids as symbols. It imports nothing from Node, so it can run in a web worker.
 */
import {
  CodeActionKind,
  type ClientCapabilities,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { z } from 'zod';
import { CATALOG_PATH } from '../core/catalog';
import type { IncidentIndex } from '../core/workspace';
import { ChangeBatch, type FolderChanges } from './changeBatch';
import { ServerDiagnostics } from './diagnostics';
import type { ServerEnvironment } from './environment';
import { codeActions } from './features/codeActions';
import { hotspotLenses } from './features/codeLens';
import { completion, documentSymbols, foldingRanges, hover } from './features/frontMatter';
import { IncidentIds } from './features/incidentIds';
import { ServerFolder } from './folder';
import { inSteps } from './inSteps';
import { checked, CodeActionParams, DocumentParams, PositionParams, ReferenceParams, RenameParams, WorkspaceSymbolParams } from './params';
import { layeredSettings } from './settings';
import { FolderUris } from './uris';
import { type Located, ServerWorkspace } from './workspace';

const SETTINGS_FILE = '.vscode/settings.json';
/** File events are gathered this long, so a branch switch is applied in one pass. */
const EVENT_BATCH_MS = 100;

const InitializationOptions = z.object({
  /** False for a folder the user has not trusted: no git process, no edits. */
  trusted: z.boolean().optional(),
  /** Push diagnostics even to a client that can pull them. */
  pushDiagnostics: z.boolean().optional(),
  /** `incidentLens.*` settings for clients without `workspace/configuration`. */
  settings: z.record(z.string(), z.unknown()).optional(),
});

type Options = z.infer<typeof InitializationOptions>;

export function startServer(connection: Connection, environment: ServerEnvironment): void {
  new IncidentLanguageServer(connection, environment).listen();
}

type Phase = 'waiting' | 'initializing' | 'running' | 'shut down';

class IncidentLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly workspace = new ServerWorkspace();
  private readonly ids = new IncidentIds(this.workspace);
  private readonly batch = new ChangeBatch(EVENT_BATCH_MS, (folder, changes) => this.applyChanges(folder, changes));
  private phase: Phase = 'waiting';
  private capabilities: ClientCapabilities = {};
  private options: Options = {};
  private initialFolders: readonly WorkspaceFolder[] = [];
  private diagnostics: ServerDiagnostics | undefined;
  /** Set by `initialized`: resolves once every folder is indexed. */
  private indexed: Promise<void> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly environment: ServerEnvironment,
  ) {}

  private get trusted(): boolean {
    return this.options.trusted !== false;
  }

  listen(): void {
    const { connection } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => {
      if (this.phase !== 'initializing') return;
      this.phase = 'running';
      this.indexed = this.start().catch((error: unknown) => this.log(`Indexing stopped: ${String(error)}`));
    });
    connection.onShutdown(() => {
      this.phase = 'shut down';
      this.batch.dispose();
    });
    this.documents.onDidOpen(({ document }) => this.opened(document));
    this.documents.onDidChangeContent(({ document }) => this.safely(() => this.edited(document)));
    this.documents.onDidClose(({ document }) => this.closed(document));
    this.documents.listen(connection);
    connection.onDidChangeWatchedFiles((params) => this.watchedFilesChanged(params.changes));
    connection.onDidChangeConfiguration(() => this.safely(() => this.settingsChanged()));

    connection.onCompletion(this.serve(PositionParams, [], (p) => this.at(p, [], (located) => completion(located, p.position))));
    connection.onHover(this.serve(PositionParams, null, (p) => this.at(p, null, (located) => hover(located, p.position))));
    connection.onCodeAction(this.serve(CodeActionParams, [], (p) => this.at(p, [], (located) => codeActions(located, p.range, p.context?.only))));
    connection.onCodeLens(this.serve(DocumentParams, [], (p) => this.at(p, [], (located) => hotspotLenses(located, p.textDocument.uri))));
    connection.onDocumentSymbol(this.serve(DocumentParams, [], (p) => this.at(p, [], documentSymbols)));
    connection.onFoldingRanges(this.serve(DocumentParams, [], (p) => this.at(p, [], foldingRanges)));
    connection.onDefinition(this.serve(PositionParams, [], (p) => this.at(p, [], (located) => this.ids.definition(located, p.position))));
    connection.onReferences(this.serve(ReferenceParams, [], (p) => this.at(p, [], (located) => this.ids.references(located, p.position, p.context?.includeDeclaration ?? true))));
    connection.onWorkspaceSymbol(this.serve(WorkspaceSymbolParams, [], (p) => this.ids.symbols(p.query)));
    connection.onPrepareRename(this.serve(PositionParams, null, (p) => this.at(p, null, (located) => this.ids.prepareRename(located, p.position))));
    connection.onRenameRequest(this.serve(RenameParams, null, (p) => this.at(p, null, (located) => this.ids.rename(located, p.position, p.newName, { annotations: this.annotatedEdits() }))));
    connection.languages.diagnostics.on(this.serve(DocumentParams, { kind: 'full', items: [] }, (p) => this.diagnostics?.documentReport(p.textDocument.uri) ?? { kind: 'full', items: [] }));
    connection.languages.diagnostics.onWorkspace(this.serve(z.unknown(), { items: [] }, () => this.diagnostics?.workspaceReport() ?? { items: [] }));
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    if (this.phase !== 'waiting') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized.');
    this.phase = 'initializing';
    this.capabilities = params.capabilities ?? {};
    const options = InitializationOptions.safeParse(params.initializationOptions ?? {});
    // Options that do not parse are dropped whole, and the folder treated as untrusted: a wrong `trusted` must not grant trust.
    this.options = options.success ? options.data : { trusted: false };
    if (!options.success) this.log('The initialization options could not be read; the folders are opened as untrusted.');
    this.initialFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri }] : []);
    const canPull = this.capabilities.textDocument?.diagnostic !== undefined;
    this.diagnostics = new ServerDiagnostics(this.connection, this.workspace, {
      push: !canPull || this.options.pushDiagnostics === true,
      refresh: this.capabilities.workspace?.diagnostics?.refreshSupport === true,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '-', '['] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        diagnosticProvider: { identifier: 'incident-lens', interFileDependencies: true, workspaceDiagnostics: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'incident-lens' },
    };
  }

  /** After `initialized`: folders are indexed only now, and watchers registered. */
  private async start(): Promise<void> {
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) =>
        this.safely(async () => {
          for (const removed of event.removed) this.workspace.remove(removed.uri);
          for (const added of event.added) await this.addFolder(added.uri);
        }),
      );
    }
    if (this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'incidentLens' }).catch(() => undefined);
    }
    for (const folder of this.initialFolders) await this.addFolder(folder.uri);
  }

  private async addFolder(folderUri: string): Promise<void> {
    const access = this.environment.openFolder(folderUri, { trusted: this.trusted, note: (message) => this.log(message) });
    if (!access) {
      this.log(`Skipped the folder ${folderUri}: only folders on disk can be read.`);
      return;
    }
    const folder = new ServerFolder(new FolderUris(folderUri), access, this.trusted, await this.settingsFor(folderUri, access.folderSettings()));
    this.workspace.add(folder);
    for (const document of this.documents.all()) this.opened(document);
    await folder.scan();
    // Open documents the disk does not have yet (a new, unsaved incident) are indexed from their text.
    const unsaved = [...folder.openDocuments()].filter(([path]) => folder.index.matches(path) && !folder.index.isIncident(path));
    for (const [path, document] of unsaved) folder.index.update(path, document.getText());
    if (unsaved.length > 0) await folder.index.recheck(folder.host, unsaved.map(([path]) => path));
    this.diagnostics?.folderChanged(folder);
    await this.watch(folder);
  }

  /** Every file of the folder: incidents, the catalog, the settings, and the files incidents link. */
  private async watch(folder: ServerFolder): Promise<void> {
    const watched = this.capabilities.workspace?.didChangeWatchedFiles;
    if (!watched?.dynamicRegistration) return;
    const globPattern = watched.relativePatternSupport ? { baseUri: folder.uris.folderUri, pattern: '**/*' } : '**/*';
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch(() => undefined);
  }

  private async settingsFor(folderUri: string, fromFolder: Parameters<typeof layeredSettings>[1]) {
    let fromClient: unknown = this.options.settings;
    if (this.capabilities.workspace?.configuration) {
      try {
        const [sent] = await this.connection.workspace.getConfiguration([{ scopeUri: folderUri, section: 'incidentLens' }]);
        fromClient = sent ?? fromClient;
      } catch {
        // A client that cannot answer leaves the folder's own settings in force.
      }
    }
    return layeredSettings(fromClient, fromFolder, this.trusted);
  }

  private async settingsChanged(): Promise<void> {
    await this.indexed;
    for (const folder of this.workspace.all()) await this.reconfigure(folder);
  }

  private async reconfigure(folder: ServerFolder): Promise<void> {
    if (await folder.reconfigure(await this.settingsFor(folder.uris.folderUri, folder.access.folderSettings()))) this.diagnostics?.folderChanged(folder);
  }

  private opened(document: TextDocument): void {
    const located = this.workspace.locate(document.uri);
    located?.folder.track(located.path, document);
  }

  /** An open document's text changed (or it was opened): its problems follow at once. */
  private async edited(document: TextDocument): Promise<void> {
    const located = this.workspace.locate(document.uri);
    if (!located) return;
    const { folder, path } = located;
    folder.track(path, document);
    if (path === CATALOG_PATH) return this.batch.reread(folder, path);
    if (!folder.index.matches(path)) return this.batch.source(folder, path, 'content');
    const { index } = folder;
    const idBefore = index.get(path)?.incident.id;
    index.update(path, document.getText());
    folder.changed();
    this.diagnostics?.fileChanged(folder, path, sharingIdWith(index, path, idBefore));
    const version = document.version;
    await index.recheck(folder.host, [path]);
    if (folder.document(path)?.version === version && folder.index === index) this.diagnostics?.fileChanged(folder, path);
  }

  /** Closing without saving puts the saved text back in force. */
  private closed(document: TextDocument): void {
    const located = this.workspace.locate(document.uri);
    if (!located) return;
    const { folder, path } = located;
    folder.untrack(path);
    if (path === CATALOG_PATH || folder.index.matches(path)) this.batch.reread(folder, path);
    else this.batch.source(folder, path, 'content');
  }

  private watchedFilesChanged(changes: readonly { uri: string; type: FileChangeType }[]): void {
    if (!Array.isArray(changes)) return;
    for (const change of changes) {
      const located = typeof change?.uri === 'string' ? this.workspace.locate(change.uri) : undefined;
      if (!located) continue;
      const { folder, path } = located;
      if (path === SETTINGS_FILE) this.batch.settings(folder);
      else if (path === CATALOG_PATH || folder.index.matches(path)) this.batch.reread(folder, path);
      else this.batch.source(folder, path, change.type === FileChangeType.Changed ? 'content' : 'presence');
      if (change.type !== FileChangeType.Changed) folder.access.forgetListings();
    }
  }

  private async applyChanges(folder: ServerFolder, changes: FolderChanges): Promise<void> {
    if (this.workspace.get(folder.uris.folderUri) !== folder) return;
    await this.safely(async () => {
      if (changes.settings) await this.reconfigure(folder);
      const { index } = folder;
      // The catalog first and alone: a new one rechecks every file in one pass.
      const reread = [...changes.reread].sort((a, b) => Number(b === CATALOG_PATH) - Number(a === CATALOG_PATH));
      await inSteps(reread, (paths) => index.refreshAll(folder.host, paths));
      const linking = new Set<string>();
      for (const [path, change] of changes.sources) for (const incident of index.incidentsLinking(path, change)) if (!changes.reread.has(incident)) linking.add(incident);
      await inSteps([...linking], (paths) => index.recheckCodeLinks(folder.host, paths));
      folder.changed();
      this.diagnostics?.folderChanged(folder);
    });
  }

  /**
   * A request handler that refuses requests before `initialize` and after
   * `shutdown`, answers malformed parameters with an error, and returns
   * nothing until `initialized` (nothing is indexed before).
   */
  private serve<P, R>(schema: z.ZodType<P>, empty: R, handler: (params: P) => R | Promise<R>): (raw: unknown) => Promise<R> {
    return async (raw) => {
      if (this.phase === 'waiting') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet: send initialize first.');
      if (this.phase === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
      const params = checked(schema, raw);
      if (!this.indexed) return empty;
      await this.indexed;
      return handler(params);
    };
  }

  /** Runs a request for a file inside a workspace folder; files elsewhere get the empty answer. */
  private at<R>(params: { textDocument: { uri: string } }, empty: R, handler: (located: Located) => R | Promise<R>): R | Promise<R> {
    const located = this.workspace.locate(params.textDocument.uri);
    return located ? handler(located) : empty;
  }

  private annotatedEdits(): boolean {
    const edits = this.capabilities.workspace?.workspaceEdit;
    return edits?.documentChanges === true && edits.changeAnnotationSupport !== undefined;
  }

  /** Notifications have no answer to carry an error: one is logged, and the server goes on. */
  private async safely(work: () => void | Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.log(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }
}

/**
 * The other files whose problems a file's edit can change: a changed id
 * (or a file that became or stopped being an incident) can make the files
 * holding the old or the new id clash or stop clashing, and no others.
 */
function sharingIdWith(index: IncidentIndex, path: string, idBefore: string | undefined): string[] {
  const idAfter = index.get(path)?.incident.id;
  if (idAfter === idBefore) return [];
  const ids = [idBefore, idAfter].filter((id): id is string => id !== undefined);
  return [...new Set(ids.flatMap((id) => index.pathsWithId(id)))].filter((other) => other !== path);
}
