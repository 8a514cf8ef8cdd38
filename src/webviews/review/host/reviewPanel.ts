/**
 * One review panel, bound to one incident file. The text document is the
 * model: the webview sends intents quoting the document version it saw,
 * this class turns each into a minimal WorkspaceEdit (refused when the file
 * changed since), and the panel re-renders from the document's change
 * event, whoever made the change.
 */
import * as vscode from 'vscode';
import { insertPerspective, insertSection } from '../../../core/review/bodyEdits';
import { buildReviewModel } from '../../../core/review/model';
import { insertFactors } from '../../../core/review/factorEdits';
import { type ReviewEditOptions, setReview } from '../../../core/review/reviewEdits';
import type { Confirmation } from '../../../core/review/statusChange';
import type { ReviewModel } from '../../../core/review/types';
import type { TextEdit } from '../../../core/edits/textEdit';
import { formatDate } from '../../../core/timestamps';
import { confirmed } from '../../../editor/confirm';
import { toWorkspaceEdit } from '../../../editor/convert';
import { revealInEditor, showEditedDocument } from '../../shared/incidentEditor';
import { webviewOptions } from '../../shared/page';
import { type Intent, type Outcome, type RenderMessage, type ResultMessage, webviewMessageSchema } from '../protocol';
import { reviewHtml } from './html';
import { openBodyLink } from './links';
import { reviewOptions } from './settings';

/** Changes while someone types are gathered this long; short enough to feel immediate. */
const RENDER_DELAY_MS = 60;

/** The product writes nothing in an untrusted folder; the review still reads it. */
export const RESTRICTED = 'This folder is open in Restricted Mode, so the review only reads it. Trust the folder to make changes.';

const STALE = 'The file changed before this arrived, so nothing was changed. The panel now shows the current text.';

export const OPEN_TIMELINE_COMMAND = 'incidentLens.openTimeline';
export const EXPORT_REVIEW_COMMAND = 'incidentLens.exportReview';

export class ReviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  private readonly renderedEmitter = new vscode.EventEmitter<RenderMessage>();
  private ready = false;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** The last render posted: what the panel shows (for tests and the title). */
  lastRender: RenderMessage | undefined;

  readonly onDidDispose = this.disposedEmitter.event;

  /** The webview has said `ready` (the handshake), so it receives renders. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Fires after each render is posted to the webview. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    extensionUri: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = reviewHtml(panel.webview, extensionUri);
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name));
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
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('incidentLens', uri)) this.scheduleRender();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Validates and acts on one message from the webview; malformed ones are dropped. */
  async receive(raw: unknown): Promise<ResultMessage | undefined> {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.render();
        return undefined;
      case 'reveal':
        await revealInEditor(this.uri, message.line, message.character, message.endCharacter);
        return undefined;
      case 'openLink':
        await openBodyLink(message.url);
        return undefined;
      case 'openTimeline':
        await vscode.commands.executeCommand(OPEN_TIMELINE_COMMAND, this.uri);
        return undefined;
      case 'export':
        await vscode.commands.executeCommand(EXPORT_REVIEW_COMMAND, this.uri);
        return undefined;
      default: {
        const result = await this.handle(message);
        this.post(result);
        return result;
      }
    }
  }

  /** Runs one intent against the document; the answer says what happened. */
  async handle(intent: Intent): Promise<ResultMessage> {
    const answer = (outcome: Outcome, message = ''): ResultMessage => ({ type: 'result', requestId: intent.requestId, outcome, message });
    const stale = async (): Promise<ResultMessage> => {
      await this.render();
      return answer('stale', STALE);
    };
    if (!vscode.workspace.isTrusted) return answer('failed', RESTRICTED);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.uri);
    } catch {
      return answer('failed', 'The incident file cannot be opened any more.');
    }
    if (intent.version !== document.version) return stale();
    let result = compute(document.getText(), intent);
    if (!result.ok && result.confirm) {
      if (!(await confirmed(result.confirm))) return answer('failed', result.confirm.declined);
      // The question waited on the reader: the file may have changed meanwhile.
      if (intent.version !== document.version) return stale();
      result = compute(document.getText(), intent, { confirmed: true });
    }
    if (!result.ok) return answer('failed', result.message);
    if (result.edits.length === 0) return answer('applied');
    // The editor refuses an edit whose range no longer exists; the version check above covers the rest.
    const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(this.uri, result.edits));
    await this.render();
    if (!applied) return answer('stale', STALE);
    if (result.cursor) await revealInEditor(this.uri, result.cursor.line, result.cursor.character, result.cursor.endCharacter);
    else await showEditedDocument(this.panel, document);
    return answer('applied');
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
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    const options = reviewOptions(this.uri);
    let model: ReviewModel;
    let version = 0;
    try {
      const document = await vscode.workspace.openTextDocument(this.uri);
      version = document.version;
      model = buildReviewModel(document.getText(), options);
    } catch {
      model = { ...buildReviewModel('', options), problem: 'The incident file cannot be read. Was it moved or deleted?' };
    }
    if (this.disposed) return;
    const fileName = this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
    const message: RenderMessage = { type: 'render', version, uri: this.uri.toString(), fileName, today: formatDate(options.todayMs), model };
    this.panel.title = model.header.id ? `Review · ${model.header.id}` : `Review · ${fileName}`;
    this.lastRender = message;
    this.post(message);
    this.renderedEmitter.fire(message);
  }

  private post(message: RenderMessage | ResultMessage): void {
    // Before `ready` the page cannot listen yet; it asks for a render when it can.
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
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

/** Where the cursor goes after an insert: under a new heading, or over a placeholder to type over. */
interface Cursor {
  readonly line: number;
  readonly character?: number;
  readonly endCharacter?: number;
}

type Computed = { readonly ok: true; readonly edits: readonly TextEdit[]; readonly cursor?: Cursor } | { readonly ok: false; readonly message: string; readonly confirm?: Confirmation };

function compute(text: string, intent: Intent, options: ReviewEditOptions = {}): Computed {
  switch (intent.type) {
    case 'setReview':
      return setReview(text, { status: intent.status, facilitator: intent.facilitator, held: intent.held }, options);
    case 'insertFactors': {
      const inserted = insertFactors(text);
      return inserted.ok ? { ok: true, edits: inserted.edits, cursor: { line: inserted.line, character: inserted.character, endCharacter: inserted.endCharacter } } : inserted;
    }
    default: {
      const inserted = intent.type === 'insertSection' ? insertSection(text, intent.section) : insertPerspective(text, intent.group);
      // A new section or perspective: the cursor goes under its heading, ready to write.
      return inserted.ok ? { ok: true, edits: inserted.edits, cursor: { line: inserted.line + 1 } } : inserted;
    }
  }
}
