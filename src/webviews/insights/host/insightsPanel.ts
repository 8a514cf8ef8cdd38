/**
 * The Insights panel: one per window, over every incident in the workspace.
 * It renders at once from what the index holds, renders again when code
 * areas arrive from git history, and follows the workspace as files change.
 * The webview sends filters and asks to open incidents or save the report;
 * everything it shows is computed here, by the same core as the CLI report.
 */
import * as vscode from 'vscode';
import { buildInsights } from '../../../core/insights';
import type { BucketUnit, Insights } from '../../../core/insights/types';
import { localToday } from '../../../core/clock';
import { buildDocument, renderReport } from '../../../core/report';
import type { IncidentWorkspace } from '../../../editor/incidentWorkspace';
import { encodeRender, type PanelFilters, type RenderMessage, webviewMessageSchema } from '../protocol';
import { AreaHistory } from './history';
import { webviewOptions } from '../../shared/page';
import { insightsHtml } from './html';
import { collectSources, type WorkspaceSources } from './sources';

/** File events arrive in bursts (a branch switch); one render covers them. */
const CHANGE_DELAY_MS = 300;

export class InsightsPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  private readonly renderedEmitter = new vscode.EventEmitter<RenderMessage>();
  private readonly history: AreaHistory;
  private ready = false;
  private disposed = false;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private historyPending = false;
  private filters: PanelFilters;
  private unit: BucketUnit | null;
  private latest: { sources: WorkspaceSources; insights: Insights } | undefined;
  /** The last render posted: what the panel shows (for tests). */
  lastRender: RenderMessage | undefined;

  readonly onDidDispose = this.disposedEmitter.event;
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly workspace: IncidentWorkspace,
    extensionUri: vscode.Uri,
    storage: vscode.Uri | undefined,
    restored: { filters?: PanelFilters; unit?: BucketUnit | null } = {},
  ) {
    this.filters = restored.filters ?? {};
    this.unit = restored.unit ?? null;
    this.history = new AreaHistory(storage);
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = insightsHtml(panel.webview, extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'incidents.svg');
    this.disposables.push(
      this.disposedEmitter,
      this.renderedEmitter,
      this.history,
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      workspace.onDidChange(() => this.scheduleChange()),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.refreshHistory();
  }

  /** Whether the webview's script loaded and said ready: the handshake is done. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Validates and acts on one message from the webview; malformed ones are dropped. */
  async receive(raw: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.workspace.whenReady();
        this.render();
        return;
      case 'filter':
        this.filters = message.filters;
        this.unit = message.unit;
        this.render();
        return;
      case 'open':
        await this.open(message.key);
        return;
      case 'save':
        await this.save(message.format);
        return;
    }
  }

  /** Builds the insights from the index as it is now and posts them. */
  render(): void {
    if (this.disposed) return;
    const sources = collectSources(this.workspace);
    const filters = this.applicableFilters(sources);
    const insights = buildInsights(sources.sources, {
      todayMs: localToday(),
      severities: sources.severities,
      filters,
      ...(this.unit ? { unit: this.unit } : {}),
      history: this.history.current(sources.folders),
    });
    this.latest = { sources, insights };
    const message: RenderMessage = {
      type: 'render',
      document: buildDocument(insights, { source: vscode.workspace.name }),
      filters,
      unit: this.unit,
      choices: { services: [...insights.scope.services], severities: [...sources.severities] },
      pending: this.historyPending,
    };
    this.lastRender = message;
    if (this.ready) void this.panel.webview.postMessage(encodeRender(message));
    this.renderedEmitter.fire(message);
  }

  /** A service or severity that no longer exists would silently show nothing: drop it. */
  private applicableFilters(sources: WorkspaceSources): PanelFilters {
    const filters = { ...this.filters };
    if (filters.severity !== undefined && !sources.severities.includes(filters.severity)) delete filters.severity;
    if (filters.service !== undefined && !sources.sources.some((source) => source.incident.services.some((service) => service.value === filters.service))) delete filters.service;
    return filters;
  }

  private scheduleChange(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.render();
      void this.refreshHistory();
    }, CHANGE_DELAY_MS);
  }

  private async refreshHistory(): Promise<void> {
    await this.workspace.whenReady();
    if (this.disposed) return;
    this.historyPending = true;
    const changed = await this.history.refresh(collectSources(this.workspace).folders);
    this.historyPending = false;
    if (changed || this.ready) this.render();
  }

  private async open(key: string): Promise<void> {
    const uri = this.latest?.sources.uris.get(key);
    if (!uri) return;
    try {
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    } catch {
      void vscode.window.showWarningMessage(`The incident file ${vscode.workspace.asRelativePath(uri)} cannot be opened. Was it moved or deleted?`);
    }
  }

  /** Writes the report as the panel shows it (same filters), where the user says. */
  private async save(format: 'markdown' | 'html'): Promise<void> {
    if (!this.latest) return;
    if (!vscode.workspace.isTrusted) {
      // The manifest promises no writes in Restricted Mode; the CLI can still write the report.
      void vscode.window.showInformationMessage('Saving the report is off in Restricted Mode. Trust this folder, or run incident-lens report --out FILE.');
      return;
    }
    const extension = format === 'html' ? 'html' : 'md';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `incident-insights-${this.latest.insights.scope.today}.${extension}`;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: format === 'html' ? { 'HTML report': ['html'] } : { 'Markdown report': ['md'] },
      saveLabel: 'Save Report',
    });
    if (!target) return;
    const text = renderReport(this.latest.insights, format, { source: vscode.workspace.name });
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      void vscode.window.showInformationMessage(`Saved the report to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (error) {
      void vscode.window.showErrorMessage(`The report could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.disposedEmitter.fire();
    this.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
