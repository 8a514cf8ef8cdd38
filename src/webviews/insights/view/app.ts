/**
 * The panel's controller: builds the filter bar once, renders each report
 * the extension sends, keeps filters in the webview state (so a reload
 * brings them back) and turns clicks into intents. It computes nothing: the
 * extension builds every number with the same core as the CLI report.
 */
import type { IncidentRef } from '../../../core/insights/types';
import { decodeRender, hostMessageSchema, panelStateSchema, type PanelFilters, type RenderMessage, type WebviewMessage } from '../protocol';
import { sectionElement, inlineNodes, topElement } from './document';
import { h } from './dom';
import type { VsCodeApi } from './vscodeApi';

type Unit = 'month' | 'quarter' | null;

export class InsightsApp {
  private filters: PanelFilters = {};
  private unit: Unit = null;

  private readonly title = h('h1', { class: 'title', text: 'Incident insights' });
  private readonly scope = h('p', { class: 'scope' });
  private readonly from = h('input', { attrs: { id: 'filter-from', type: 'date' } });
  private readonly to = h('input', { attrs: { id: 'filter-to', type: 'date' } });
  private readonly service = h('select', { attrs: { id: 'filter-service' } });
  private readonly severity = h('select', { attrs: { id: 'filter-severity' } });
  private readonly grouping = h(
    'select',
    { attrs: { id: 'filter-unit' } },
    h('option', { text: 'Automatic', attrs: { value: '' } }),
    h('option', { text: 'Month', attrs: { value: 'month' } }),
    h('option', { text: 'Quarter', attrs: { value: 'quarter' } }),
  );
  private readonly reset = h('button', { class: 'secondary', text: 'Clear filters', attrs: { type: 'button' } });
  private readonly saveMarkdown = h('button', { class: 'secondary', text: 'Save as Markdown…', attrs: { type: 'button' } });
  private readonly saveHtml = h('button', { class: 'secondary', text: 'Save as HTML…', attrs: { type: 'button' } });
  private readonly status = h('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly content = h('div', { class: 'content' });

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {}

  start(): void {
    const saved = panelStateSchema.safeParse(this.api.getState());
    if (saved.success) {
      this.filters = saved.data.filters ?? {};
      this.unit = saved.data.unit ?? null;
    }
    this.buildShell();
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    // Filters restored from state go first, so the first render already uses them.
    if (saved.success) this.send({ type: 'filter', filters: this.filters, unit: this.unit });
    this.send({ type: 'ready' });
  }

  private send(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  private receive(raw: unknown): void {
    const parsed = hostMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = decodeRender(parsed.data);
    if (!message) {
      this.status.textContent = 'The panel received a report it could not read. Close it and open Insights again.';
      return;
    }
    this.render(message);
  }

  // ---- shell -------------------------------------------------------------------

  private buildShell(): void {
    const field = (label: string, control: HTMLElement) => h('label', { class: 'field' }, h('span', { text: label }), control);
    const form = h(
      'form',
      { class: 'filters', attrs: { 'aria-label': 'Filters' } },
      field('From', this.from),
      field('To', this.to),
      field('Service', this.service),
      field('Severity', this.severity),
      field('Group by', this.grouping),
      this.reset,
      h('span', { class: 'spacer' }),
      this.saveMarkdown,
      this.saveHtml,
    );
    form.addEventListener('submit', (event) => event.preventDefault());
    for (const control of [this.from, this.to, this.service, this.severity, this.grouping]) control.addEventListener('change', () => this.readFilters());
    this.reset.addEventListener('click', () => {
      this.filters = {};
      this.unit = null;
      this.showFilters();
      this.changed();
    });
    this.saveMarkdown.addEventListener('click', () => this.send({ type: 'save', format: 'markdown' }));
    this.saveHtml.addEventListener('click', () => this.send({ type: 'save', format: 'html' }));
    // One listener for every incident reference, whatever re-renders.
    this.content.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('[data-ref]') : null;
      const key = target?.getAttribute('data-ref');
      if (key) this.send({ type: 'open', key });
    });
    this.root.replaceChildren(h('header', { class: 'head' }, this.title, this.scope, form, this.status), this.content);
    this.root.removeAttribute('aria-busy');
    this.showFilters();
  }

  private readFilters(): void {
    const filters: { -readonly [K in keyof PanelFilters]: PanelFilters[K] } = {};
    if (this.from.value) filters.from = this.from.value;
    if (this.to.value) filters.to = this.to.value;
    if (this.service.value) filters.service = this.service.value;
    if (this.severity.value) filters.severity = this.severity.value;
    // A range given backwards is read the way it was meant.
    if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
    this.filters = filters;
    const unit = this.grouping.value;
    this.unit = unit === 'month' || unit === 'quarter' ? unit : null;
    this.changed();
  }

  private changed(): void {
    this.api.setState({ filters: this.filters, unit: this.unit });
    this.status.textContent = 'Updating…';
    this.send({ type: 'filter', filters: this.filters, unit: this.unit });
  }

  private showFilters(): void {
    this.from.value = this.filters.from ?? '';
    this.to.value = this.filters.to ?? '';
    this.service.value = this.filters.service ?? '';
    this.severity.value = this.filters.severity ?? '';
    this.grouping.value = this.unit ?? '';
  }

  private fillChoices(select: HTMLSelectElement, all: string, values: readonly string[]): void {
    const current = Array.from(select.options, (option) => option.value);
    const wanted = ['', ...values];
    if (current.length === wanted.length && current.every((value, index) => value === wanted[index])) return;
    select.replaceChildren(h('option', { text: all, attrs: { value: '' } }), ...values.map((value) => h('option', { text: value, attrs: { value } })));
  }

  // ---- render ------------------------------------------------------------------

  private render(message: RenderMessage): void {
    const { document: report } = message;
    this.filters = message.filters;
    this.unit = message.unit;
    this.api.setState({ filters: this.filters, unit: this.unit });
    this.fillChoices(this.service, 'All services', message.choices.services);
    this.fillChoices(this.severity, 'All severities', message.choices.severities);
    this.showFilters();

    const refs = new Map<string, IncidentRef>(report.incidents.map((ref) => [ref.key, ref]));
    this.title.textContent = report.title;
    this.scope.replaceChildren(...inlineNodes(report.scope, refs));
    this.status.textContent = message.pending ? 'Reading code areas from git history…' : '';

    // Keep the reader's place: the focused reference, found again by its key and section.
    const focused = document.activeElement instanceof HTMLElement && this.content.contains(document.activeElement) ? document.activeElement : undefined;
    const focusKey = focused?.getAttribute('data-ref');
    const focusSection = focused?.closest('section')?.getAttribute('aria-labelledby');

    this.content.replaceChildren(topElement(report, refs), ...report.sections.map((section) => sectionElement(section, refs)));
    if (focusKey) {
      const section = focusSection ? this.content.querySelector(`section[aria-labelledby="${CSS.escape(focusSection)}"]`) : null;
      const again = (section ?? this.content).querySelector<HTMLElement>(`[data-ref="${CSS.escape(focusKey)}"]`);
      again?.focus();
    }
  }
}
