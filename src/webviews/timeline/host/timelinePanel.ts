/**
 * One timeline panel, bound to one incident file. The text document is the
 * model: the webview sends intents quoting the document version it saw, this
 * class turns each into a minimal WorkspaceEdit, and the panel re-renders
 * from the document's change event, whoever made the change.
 */
import * as vscode from 'vscode';
import { FrontMatterText } from '../../../core/edits/frontMatterEdits';
import { addEntry, deleteEntry, editEntry, type IncidentSource, type TimelineEditResult } from '../../../core/timeline/edits';
import { buildTimelineModel } from '../../../core/timeline/model';
import type { TimelineModel } from '../../../core/timeline/types';
import { toRange, toWorkspaceEdit } from '../../../editor/convert';
import { encodeRender, type Intent, type Outcome, type RenderMessage, type ResultMessage, webviewMessageSchema } from '../protocol';
import { openEvidence } from './evidence';
import { revealInEditor, showEditedDocument } from '../../shared/incidentEditor';
import { webviewOptions } from '../../shared/page';
import { timelineHtml } from './html';

/** Changes while someone types are gathered this long; short enough to feel immediate. */
const RENDER_DELAY_MS = 40;

const STALE = 'The file changed before this edit arrived, so nothing was changed. The panel now shows the current text.';
const RESTRICTED = 'This folder is open in Restricted Mode, so the timeline only reads it. Trust the folder to make changes.';

/** What it takes to put a deleted entry back, while nothing else changed the file. */
interface DeletedEntry {
  readonly version: number;
  readonly start: number;
  readonly length: number;
  readonly text: string;
}

export class TimelinePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  private readonly renderedEmitter = new vscode.EventEmitter<RenderMessage>();
  private ready = false;

  /** Whether the webview said `ready`: until then nothing is posted to it. */
  get isReady(): boolean {
    return this.ready;
  }

  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private focusIndex: number | null = null;
  private deleted: DeletedEntry | undefined;
  /** The parse behind the last render: an intent quotes that version, so its edit needs no second parse. */
  private parsed: { version: number; fm: FrontMatterText } | undefined;
  private disposed = false;
  /** The last render posted: what the panel shows (for tests and the title). */
  lastRender: RenderMessage | undefined;

  readonly onDidDispose = this.disposedEmitter.event;
  /** Fires after each render is posted to the webview. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    extensionUri: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = timelineHtml(panel.webview, extensionUri);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1)));
    this.disposables.push(
      this.disposedEmitter,
      this.renderedEmitter,
      watcher,
      // A file that is not open in an editor changes on disk without a document event.
      watcher.onDidChange(() => this.scheduleRender()),
      watcher.onDidCreate(() => this.scheduleRender()),
      watcher.onDidDelete(() => this.scheduleRender()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === uri.toString() && event.contentChanges.length > 0) this.scheduleRender();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Validates and acts on one message from the webview; malformed ones are dropped. */
  async receive(raw: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.render();
        return;
      case 'openEvidence':
        await openEvidence(message.url);
        return;
      case 'reveal':
        await revealInEditor(this.uri, message.line);
        return;
      default: {
        const result = await this.handle(message);
        this.post(result);
      }
    }
  }

  /** Runs one intent against the document; the answer says what happened. */
  async handle(intent: Intent): Promise<ResultMessage> {
    const answer = (outcome: Outcome, message = ''): ResultMessage => ({ type: 'result', requestId: intent.requestId, outcome, message });
    // The manifest promises no writes in an untrusted workspace; the panel still shows everything.
    if (!vscode.workspace.isTrusted) return answer('failed', RESTRICTED);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.uri);
    } catch {
      return answer('failed', 'The incident file cannot be opened any more.');
    }
    if (intent.version !== document.version) {
      await this.render();
      return answer('stale', STALE);
    }
    const text = document.getText();
    // A closed and reopened document starts its versions again: the text must match too.
    const source: IncidentSource = this.parsed?.version === document.version && this.parsed.fm.text === text ? this.parsed.fm : text;
    const result = intent.type === 'undoDelete' ? this.restore(document) : compute(source, intent);
    if (!result.ok) return answer('failed', result.message);
    if (result.edits.length === 0) return answer('applied');

    const single = result.edits.length === 1 ? result.edits[0] : undefined;
    const removed = intent.type === 'delete' && single ? { start: document.offsetAt(toRange(single.range).start), text: document.getText(toRange(single.range)), length: single.newText.length } : undefined;
    this.focusIndex = result.index >= 0 ? result.index : null;
    // The edit carries the version it was computed against; the editor refuses it if the text moved on meanwhile.
    const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(this.uri, result.edits));
    if (!applied) {
      this.focusIndex = null;
      await this.render();
      return answer('stale', STALE);
    }
    this.deleted = removed ? { ...removed, version: document.version } : undefined;
    await this.render();
    await showEditedDocument(this.panel, document);
    return answer('applied');
  }

  /** The inverse of the last delete, while the document is still exactly as that delete left it. */
  private restore(document: vscode.TextDocument): TimelineEditResult {
    const deleted = this.deleted;
    if (!deleted || deleted.version !== document.version) {
      return { ok: false, message: 'The file changed since that delete; use Undo in the editor instead.' };
    }
    const start = document.positionAt(deleted.start);
    const end = document.positionAt(deleted.start + deleted.length);
    const range = { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
    return { ok: true, index: -1, edits: [{ range, newText: deleted.text }] };
  }

  private scheduleRender(): void {
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => {
      this.renderTimer = undefined;
      void this.render();
    }, RENDER_DELAY_MS);
  }

  /** Builds the model from the document's current text and posts it. */
  async render(): Promise<void> {
    if (this.disposed) return;
    // This render covers any change a timer was waiting to show.
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    let model: TimelineModel;
    let version = 0;
    try {
      const document = await vscode.workspace.openTextDocument(this.uri);
      version = document.version;
      const text = document.getText();
      const fm = FrontMatterText.parse(text);
      this.parsed = fm ? { version, fm } : undefined;
      model = buildTimelineModel(text, fm);
    } catch {
      model = buildTimelineModel('');
      model = { ...model, problem: 'The incident file cannot be read. Was it moved or deleted?' };
    }
    if (this.disposed) return;
    const message: RenderMessage = {
      type: 'render',
      version,
      uri: this.uri.toString(),
      fileName: this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1),
      model,
      focusIndex: this.focusIndex,
      canUndoDelete: this.deleted?.version === version,
    };
    this.focusIndex = null;
    this.panel.title = model.header.id ? `Timeline · ${model.header.id}` : `Timeline · ${message.fileName}`;
    this.lastRender = message;
    this.post(message);
    this.renderedEmitter.fire(message);
  }

  private post(message: RenderMessage | ResultMessage): void {
    // Before `ready` the page cannot listen yet; it asks for a render when it can.
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage(message.type === 'render' ? encodeRender(message) : message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.disposedEmitter.fire();
    this.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function compute(source: IncidentSource, intent: Exclude<Intent, { type: 'undoDelete' }>): TimelineEditResult {
  switch (intent.type) {
    case 'edit':
      return editEntry(source, intent.index, intent.changes);
    case 'delete':
      return deleteEntry(source, intent.index);
    case 'add':
      return addEntry(source, intent.entry);
  }
}

