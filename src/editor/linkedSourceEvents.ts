/**
 * Changes to files other than incidents: saved, created, deleted, renamed, or
 * edited and not saved yet. Each is passed on as a folder path; which
 * incidents link it is looked up once per batch, not per event: during a
 * branch switch the incidents change between events, and the map from linked
 * paths to incidents would be built again at each.
 */
import * as vscode from 'vscode';
import { CATALOG_PATH } from '../core/catalog';
import type { SourceChange } from '../core/workspace';
import type { FolderIncidents } from './folderIncidents';
import { KeyedDebounce } from './keyedDebounce';

/** Unsaved edits are checked once typing pauses this long. */
const TYPING_DEBOUNCE_MS = 300;

type Locate = (uri: vscode.Uri) => { state: FolderIncidents; path: string } | undefined;
type Report = (state: FolderIncidents, path: string, change: SourceChange) => void;

export class LinkedSourceEvents implements vscode.Disposable {
  private readonly typing = new KeyedDebounce(TYPING_DEBOUNCE_MS);
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly locate: Locate,
    private readonly report: Report,
  ) {
    this.subscription = vscode.Disposable.from(
      vscode.workspace.onDidChangeTextDocument((event) => {
        // A save changes only the dirty state; the file watcher reports it.
        if (event.contentChanges.length > 0) this.typing.run(event.document.uri.toString(), () => this.passDocument(event.document.uri));
      }),
      // Closing without saving puts the saved text back in force.
      vscode.workspace.onDidCloseTextDocument((document) => this.passDocument(document.uri)),
    );
  }

  /** Every file of a folder but the incidents. */
  watch(state: FolderIncidents): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(state.folder, '**'));
    const on = (change: SourceChange) => (uri: vscode.Uri) => {
      const path = state.host.relativePath(uri);
      if (path !== undefined) this.pass(state, path, change);
    };
    watcher.onDidChange(on('content'));
    watcher.onDidCreate(on('presence'));
    watcher.onDidDelete(on('presence'));
    return watcher;
  }

  /** An open document's text is what the checks read while it is open. */
  private passDocument(uri: vscode.Uri): void {
    const located = this.locate(uri);
    if (located) this.pass(located.state, located.path, 'content');
  }

  private pass(state: FolderIncidents, path: string, change: SourceChange): void {
    // Incident files and the catalog have their own watchers and checks.
    if (!state.index.matches(path) && path !== CATALOG_PATH) this.report(state, path, change);
  }

  dispose(): void {
    this.typing.dispose();
    this.subscription.dispose();
  }
}
