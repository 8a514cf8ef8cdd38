/**
 * Diagnostics, exactly as `incident-lens lint` reports them (the same index
 * and checks), delivered both ways the protocol knows: pulled by clients that
 * ask (`textDocument/diagnostic`, `workspace/diagnostic`), pushed
 * (`publishDiagnostics`) to clients that cannot pull, since a client that
 * gets both would show every problem twice.
 */
import type { Connection, DocumentDiagnosticReport, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { CATALOG_PATH } from '../core/catalog';
import type { Diagnostic } from '../core/diagnostics';
import { toLspDiagnostic } from './convert';
import type { ServerFolder } from './folder';
import type { ServerWorkspace } from './workspace';

export interface DiagnosticsDelivery {
  readonly push: boolean;
  /** The client can be asked to pull again (`workspace/diagnostic/refresh`). */
  readonly refresh: boolean;
}

export class ServerDiagnostics {
  /** What was last pushed per URI, to push only what changed. */
  private readonly pushed = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: ServerWorkspace,
    private readonly delivery: DiagnosticsDelivery,
  ) {}

  /** After a folder's index changed as a whole (a scan, file events, new settings). */
  folderChanged(folder: ServerFolder): void {
    if (this.delivery.push) {
      const all = folder.index.allDiagnostics();
      for (const uri of [...this.pushed.keys()]) {
        const path = folder.uris.relativePath(uri);
        if (path !== undefined && !all.has(path)) this.push(uri, [], undefined);
      }
      for (const [path, diagnostics] of all) this.push(this.uriOf(folder, path), diagnostics, folder.document(path)?.version);
    }
    if (this.delivery.refresh) this.refresh();
  }

  /**
   * After one file changed, and with it the problems of `others` (the files
   * sharing its old or new id). The edited file goes first: it is the one
   * being typed in.
   */
  fileChanged(folder: ServerFolder, path: string, others: readonly string[] = []): void {
    if (this.delivery.push) {
      for (const changed of [path, ...others]) this.push(this.uriOf(folder, changed), fileDiagnostics(folder, changed), folder.document(changed)?.version);
    }
    if (others.length > 0 && this.delivery.refresh) this.refresh();
  }

  /** `textDocument/diagnostic`: empty for files outside the folders and files that are not incidents. */
  documentReport(uri: string): DocumentDiagnosticReport {
    const located = this.workspace.locate(uri);
    return { kind: 'full', items: located ? fileDiagnostics(located.folder, located.path).map(toLspDiagnostic) : [] };
  }

  /** `workspace/diagnostic`: every incident file and the catalog of every folder, problems or not (so cleared ones clear). */
  workspaceReport(): WorkspaceDiagnosticReport {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const folder of this.workspace.all()) {
      const paths = folder.index.paths().filter((path) => folder.index.isIncident(path));
      for (const path of [...paths, CATALOG_PATH]) {
        items.push({ kind: 'full', uri: this.uriOf(folder, path), version: folder.document(path)?.version ?? null, items: fileDiagnostics(folder, path).map(toLspDiagnostic) });
      }
    }
    return { items };
  }

  private refresh(): void {
    void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  private uriOf(folder: ServerFolder, path: string): string {
    // The client's own spelling of an open document's URI, so it matches the document.
    return folder.document(path)?.uri ?? folder.uris.uriOf(path);
  }

  private push(uri: string, diagnostics: readonly Diagnostic[], version: number | undefined): void {
    const json = JSON.stringify(diagnostics);
    if ((this.pushed.get(uri) ?? '[]') === json) return;
    if (diagnostics.length === 0) this.pushed.delete(uri);
    else this.pushed.set(uri, json);
    void this.connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLspDiagnostic), ...(version !== undefined ? { version } : {}) }).catch(() => undefined);
  }
}

function fileDiagnostics(folder: ServerFolder, path: string): readonly Diagnostic[] {
  return path === CATALOG_PATH ? folder.index.catalogDiagnostics : folder.index.diagnostics(path);
}
