/**
 * Publishes the index's diagnostics to the Problems view: for open files from
 * their unsaved text (at once when opened, then debounced while typing), for
 * closed files from the index; cleared when a file stops being an incident.
 */
import * as vscode from 'vscode';
import { CATALOG_PATH } from '../core/catalog';
import type { Diagnostic } from '../core/diagnostics';
import { IncidentDiagnostic } from './convert';
import type { FolderIncidents } from './folderIncidents';
import type { IncidentWorkspace } from './incidentWorkspace';
import { KeyedDebounce } from './keyedDebounce';

const TYPING_DEBOUNCE_MS = 300;

export class IncidentDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('incident-lens');
  private readonly published = new Map<string, readonly Diagnostic[]>();
  /** What was last sent for each file, to send only what changed. */
  private readonly publishedJson = new Map<string, string>();
  private readonly typing = new KeyedDebounce(TYPING_DEBOUNCE_MS);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly workspace: IncidentWorkspace) {
    this.disposables.push(
      this.collection,
      workspace.onDidChange((state) => this.publishFolder(state)),
      vscode.workspace.onDidOpenTextDocument((document) => this.lintDocument(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.typing.run(event.document.uri.toString(), () => this.lintDocument(event.document))),
      vscode.workspace.onDidCloseTextDocument((document) => void this.reloadFromDisk(document)),
    );
  }

  /**
   * The core diagnostics of a document's current text: quick fixes asked for
   * within the typing pause (or right after a revert) must not be the fixes
   * of the text before.
   */
  currentDiagnostics(document: vscode.TextDocument): readonly Diagnostic[] {
    this.typing.flush(document.uri.toString());
    return this.published.get(document.uri.toString()) ?? [];
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) {
      // Right after a scan, a saved document is what the scan read from disk (or, when the scan did not
      // find it, a deleted file's leftover): only unsaved text has something to add.
      if (document.isDirty) this.lintDocument(document);
    }
  }

  /** Lints an open document's current text and publishes the result. */
  lintDocument(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const located = this.workspace.locate(document.uri);
    if (!located) return;
    const { state, path } = located;
    if (path === CATALOG_PATH) return;
    const idBefore = state.index.get(path)?.incident.id;
    const wasIncident = state.index.isIncident(path);
    const version = document.version;
    if (!state.index.update(path, document.getText())) return;
    this.publish(state, path);
    void state.index.recheck(state.host, [path]).then(() => {
      if (!document.isClosed && document.version === version) this.publish(state, path);
    });
    // A changed id can make other files' ids clash or stop clashing; views show the new state.
    if (wasIncident !== state.index.isIncident(path) || idBefore !== state.index.get(path)?.incident.id) this.workspace.notifyChanged(state);
  }

  private async reloadFromDisk(document: vscode.TextDocument): Promise<void> {
    const located = this.workspace.locate(document.uri);
    if (!located) return;
    await located.state.index.refresh(located.state.host, located.path);
    this.workspace.notifyChanged(located.state);
  }

  private publish(state: FolderIncidents, path: string): void {
    const uri = state.host.uriOf(path);
    this.set(uri, path === CATALOG_PATH ? state.index.catalogDiagnostics : state.index.diagnostics(path));
  }

  private publishFolder(state: FolderIncidents): void {
    const all = state.index.allDiagnostics();
    const prefix = state.folder.uri.toString().replace(/\/?$/, '/');
    for (const key of [...this.published.keys()]) {
      if (!key.startsWith(prefix)) continue;
      const path = state.host.relativePath(vscode.Uri.parse(key));
      if (path === undefined || !all.has(path)) this.set(vscode.Uri.parse(key), []);
    }
    for (const [path, diagnostics] of all) this.set(state.host.uriOf(path), diagnostics);
  }

  private set(uri: vscode.Uri, diagnostics: readonly Diagnostic[]): void {
    const key = uri.toString();
    if (diagnostics.length === 0) {
      this.published.delete(key);
      this.publishedJson.delete(key);
      this.collection.delete(uri);
      return;
    }
    // Unchanged files are not sent again: after a branch switch every batch republished all 10,000
    // files to the workbench, which then redrew Problems for each.
    const json = JSON.stringify(diagnostics);
    if (this.publishedJson.get(key) === json) return;
    this.publishedJson.set(key, json);
    this.published.set(key, diagnostics);
    this.collection.set(
      uri,
      diagnostics.map((d) => new IncidentDiagnostic(d)),
    );
  }

  dispose(): void {
    this.typing.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
