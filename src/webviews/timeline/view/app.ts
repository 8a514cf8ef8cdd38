/**
 * The panel's controller: renders what the extension sends, keeps the
 * reader's place (focus, filters, an open form) across renders, and turns
 * clicks and keys into intents. It never edits anything itself: every change
 * goes to the extension, and comes back as a new render of the file.
 */
import { formatDuration } from '../../../core/durationText';
import { safeLink } from '../../../core/safeLink';
import { KIND_MEANING, TIMELINE_KINDS } from '../../../core/timelineKinds';
import type { TimelineEntry, TimelineModel } from '../../../core/timeline/types';
import { decodeRender, hostMessageSchema, panelStateSchema, type PanelState, type RenderMessage, type ResultMessage, type WebviewMessage } from '../protocol';
import { Clock } from './clock';
import { h } from './dom';
import { entryForm, type EntryForm, type EntryValues, FIELD_NAMES } from './entryForm';
import { entryMatcher, type Filters, isFiltering, NO_FILTERS, people } from './filters';
import { RowList } from './rowList';
import { entryRow, kindLabel, rowSpecs } from './rows';
import type { VsCodeApi } from './vscodeApi';

/** An open form: editing entry `index` (as it was when opened), or adding one. */
interface OpenForm {
  readonly mode: 'edit' | 'add';
  readonly form: EntryForm;
  /** The version the form's values were read from; a save quotes it. */
  version: number;
  /** The entry as it was when the form opened (edit only). */
  original: TimelineEntry | undefined;
  requestId: number | undefined;
}

const SEARCH_DELAY_MS = 120;

export class TimelineApp {
  private current: RenderMessage | undefined;
  /** The last model without a problem: shown (dimmed) while the YAML is broken. */
  private shown: TimelineModel | undefined;
  private clock = new Clock(0);
  private filters: Filters = NO_FILTERS;
  private activeKey: string | undefined;
  private openForm: OpenForm | undefined;
  private nextRequestId = 1;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly headerTitle = h('h1', { class: 'title' });
  private readonly headerMeta = h('p', { class: 'meta' });
  private readonly kindFilter = h('select', { attrs: { id: 'filter-kind' } });
  private readonly whoFilter = h('select', { attrs: { id: 'filter-who' } });
  private readonly search = h('input', { attrs: { id: 'filter-search', type: 'search', placeholder: 'Search text, people, links', autocomplete: 'off' } });
  private readonly addButton = h('button', { class: 'add', text: '+ Add entry', attrs: { type: 'button', 'aria-keyshortcuts': 'A' } });
  private readonly filterCount = h('span', { class: 'filter-count', attrs: { role: 'status' } });
  private readonly status = h('div', { class: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly problem = h('div', { class: 'problem', attrs: { role: 'alert', hidden: '' } });
  private readonly addSlot = h('div', { class: 'add-slot' });
  private readonly list = h('ol', { class: 'rows', attrs: { 'aria-label': 'Timeline, earliest first' } });
  private readonly empty = h('p', { class: 'empty', attrs: { hidden: '' }, text: 'No timeline entries yet. Add the first one: what happened, and when.' });
  private readonly actions = rowActions();
  private readonly rows = new RowList(
    this.list,
    (added) => this.applyFilters(added),
    () => this.rowsComplete(),
  );
  /** Focus the active row once every row is in (it may be in a later chunk). */
  private focusWhenComplete = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {}

  start(): void {
    const saved = panelStateSchema.safeParse(this.api.getState());
    if (saved.success) this.filters = { kind: saved.data.kind ?? '', who: saved.data.who ?? '', search: saved.data.search ?? '' };
    this.search.value = this.filters.search;
    this.buildShell();
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    this.send({ type: 'ready' });
  }

  // ---- messages --------------------------------------------------------------

  private send(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  private receive(data: unknown): void {
    const parsed = hostMessageSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'result') return this.result(message);
    const render = decodeRender(message);
    if (render) this.render(render);
  }

  private result(message: ResultMessage): void {
    const form = this.openForm;
    const ours = form && form.requestId === message.requestId;
    if (ours) {
      form.requestId = undefined;
      form.form.setBusy(false);
    }
    if (message.outcome === 'applied') {
      if (ours) this.closeForm(false);
      return;
    }
    if (message.outcome === 'failed') {
      if (ours) form.form.showError(message.message);
      else this.say(message.message);
      return;
    }
    // Stale: the render that follows (or came first) shows the current file.
    // An open form keeps what the reader typed, now against that file.
    if (ours && this.current) {
      form.version = this.current.version;
      if (form.mode === 'edit' && form.original) form.original = this.findEntry(form.original) ?? form.original;
      form.form.showError('The file changed while you were editing, so nothing was saved yet. Your edit is still here: press Enter to save it.');
    } else {
      this.say(message.message);
    }
  }

  // ---- rendering -------------------------------------------------------------

  private buildShell(): void {
    this.kindFilter.append(h('option', { text: 'All kinds', attrs: { value: '' } }));
    for (const kind of TIMELINE_KINDS) this.kindFilter.append(h('option', { text: kind, attrs: { value: kind, title: KIND_MEANING[kind] } }));
    this.kindFilter.value = this.filters.kind;
    const toolbar = h(
      'div',
      { class: 'toolbar', attrs: { role: 'search' } },
      h('label', { text: 'Kind', attrs: { for: 'filter-kind' } }),
      this.kindFilter,
      h('label', { text: 'Person', attrs: { for: 'filter-who' } }),
      this.whoFilter,
      h('label', { text: 'Search', attrs: { for: 'filter-search' } }),
      this.search,
      this.filterCount,
      h('span', { class: 'spacer' }),
      this.addButton,
    );
    const keys = h('p', { class: 'keys', attrs: { id: 'timeline-keys' }, text: 'Up and Down move between rows; Enter edits, Delete removes, Tab reaches the row’s buttons; A adds an entry; / searches.' });
    this.root.replaceChildren(h('header', { class: 'header' }, this.headerTitle, this.headerMeta, toolbar), this.status, this.problem, this.addSlot, this.empty, this.list, keys);
    this.root.removeAttribute('aria-busy');

    this.kindFilter.addEventListener('change', () => this.setFilters({ ...this.filters, kind: this.kindFilter.value }));
    this.whoFilter.addEventListener('change', () => this.setFilters({ ...this.filters, who: this.whoFilter.value }));
    this.search.addEventListener('input', () => {
      if (this.searchTimer) clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.setFilters({ ...this.filters, search: this.search.value }), SEARCH_DELAY_MS);
    });
    this.addButton.addEventListener('click', () => this.openAdd());
    this.list.addEventListener('keydown', (event) => this.onListKey(event));
    this.list.addEventListener('click', (event) => this.onListClick(event));
    this.list.addEventListener('focusin', (event) => this.onFocus(event));
    this.list.addEventListener('pointerover', (event) => this.onPointer(event));
    document.addEventListener('keydown', (event) => this.onGlobalKey(event));
  }

  private render(message: RenderMessage): void {
    this.current = message;
    this.saveState();
    // The extension says whether the last delete can still be put back.
    if (!message.canUndoDelete) this.status.querySelector('button')?.remove();
    const model = message.model;
    if (model.problem !== null) {
      this.problem.textContent = model.problem;
      this.problem.hidden = false;
      this.root.classList.add('has-problem');
      this.addButton.disabled = true;
      if (!this.shown) this.headerTitle.textContent = message.fileName;
      this.rendered(message);
      return;
    }
    this.problem.hidden = true;
    this.root.classList.remove('has-problem');
    this.addButton.disabled = false;
    this.shown = model;
    this.clock = new Clock(model.offsetMinutes);
    // Entries added live are stamped to the second: make room for "14:02:37".
    this.root.classList.toggle('with-seconds', this.clock.showsSeconds(model));

    const focusWasInList = this.list.contains(document.activeElement);
    if (message.focusIndex !== null) this.activeKey = `entry:${message.focusIndex}`;

    this.renderHeader(model, message.fileName);
    this.renderPeople(model);
    this.empty.hidden = model.entries.length > 0;
    this.updateFilterCount();
    this.focusWhenComplete = focusWasInList || message.focusIndex !== null;
    this.rows.update(rowSpecs(model, this.clock));
    this.rendered(message);
  }

  /** Every row is in the list: put back the open form and the focus. */
  private rowsComplete(): void {
    const form = this.openForm;
    if (form?.mode === 'edit') this.reopenEdit(form);
    else if (form?.mode === 'add' && form.requestId === undefined && this.current) form.version = this.current.version;
    const active = this.activeRow() ?? this.firstVisibleRow();
    const editing = this.openForm?.mode === 'edit' && this.openForm.form.element.contains(document.activeElement);
    if (active && !editing) this.activate(active, this.focusWhenComplete);
    this.focusWhenComplete = false;
    if (this.current) this.root.dataset.complete = String(this.current.version);
    document.dispatchEvent(new CustomEvent('timeline:complete'));
  }

  /** Marks the page as showing a version (first paint done): tests and the benchmark wait on it. */
  private rendered(message: RenderMessage): void {
    this.root.dataset.version = String(message.version);
    document.dispatchEvent(new CustomEvent('timeline:rendered'));
  }

  private renderHeader(model: TimelineModel, fileName: string): void {
    const { header } = model;
    this.headerTitle.replaceChildren(
      h('span', { class: 'incident-id', text: header.id || fileName }),
      ...[
        header.title ? h('span', { class: 'incident-title', text: header.title }) : undefined,
        header.severity ? h('span', { class: 'badge severity', text: header.severity, attrs: { title: 'Severity' } }) : undefined,
        header.status ? h('span', { class: 'badge status', text: header.status, attrs: { title: 'Status' } }) : undefined,
      ].filter((node): node is HTMLSpanElement => node !== undefined),
    );
    const started = model.markers.find((marker) => marker.name === 'started');
    const count = model.entries.length;
    this.headerMeta.textContent = [
      `Times in ${this.clock.zone}, the incident's offset; hover a time for yours.`,
      `${count} ${count === 1 ? 'entry' : 'entries'}`,
      started ? `started ${this.clock.full(started.epochMs)}` : 'no start time',
      model.rows.some((row) => row.type === 'gap') ? `quiet stretches of ${formatDuration(model.quietGapMs)} or more are folded` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }

  private renderPeople(model: TimelineModel): void {
    const names = people(model.entries);
    if (this.filters.who && !names.includes(this.filters.who)) names.unshift(this.filters.who);
    this.whoFilter.replaceChildren(h('option', { text: 'Anyone', attrs: { value: '' } }), ...names.map((name) => h('option', { text: name, attrs: { value: name } })));
    this.whoFilter.value = this.filters.who;
  }

  // ---- filters ---------------------------------------------------------------

  private setFilters(filters: Filters): void {
    this.filters = filters;
    this.saveState();
    this.applyFilters(rowsOf(this.list));
    this.updateFilterCount();
    const active = this.activeRow();
    if (active?.hidden) {
      const next = this.firstVisibleRow();
      if (next) this.activate(next, false);
    }
  }

  /** Shows or hides rows by the filters (all rows, or the ones just added). */
  private applyFilters(rows: readonly HTMLElement[]): void {
    const model = this.shown;
    if (!model) return;
    const filtering = isFiltering(this.filters);
    const matches = entryMatcher(this.filters);
    for (const row of rows) {
      if (row.classList.contains('entry')) {
        const entry = model.entries[Number(row.dataset.index)];
        const hidden = filtering && !(entry !== undefined && matches(entry));
        if (row.hidden !== hidden) row.hidden = hidden;
      } else if (row.classList.contains('gap')) {
        // "Quiet" means nothing was recorded; with entries hidden it would mislead.
        if (row.hidden !== filtering) row.hidden = filtering;
      }
    }
  }

  private updateFilterCount(): void {
    const model = this.shown;
    if (!model) return;
    if (!isFiltering(this.filters)) {
      this.filterCount.textContent = '';
      return;
    }
    const matches = entryMatcher(this.filters);
    const shown = model.entries.filter(matches).length;
    this.filterCount.textContent = `${shown} of ${model.entries.length} entries shown`;
  }

  private saveState(): void {
    if (!this.current) return;
    const state: PanelState = { uri: this.current.uri, kind: this.filters.kind, who: this.filters.who, search: this.filters.search };
    this.api.setState(state);
  }

  // ---- focus and keys --------------------------------------------------------

  private rowKey(row: HTMLElement): string {
    if (row.dataset.index !== undefined) return `entry:${row.dataset.index}`;
    if (row.dataset.marker !== undefined) return `marker:${row.dataset.marker}`;
    return `row:${Array.prototype.indexOf.call(this.list.children, row)}`;
  }

  private activeRow(): HTMLElement | undefined {
    if (!this.activeKey) return undefined;
    const [kind, value] = this.activeKey.split(':');
    if (kind === 'entry') return this.list.querySelector<HTMLElement>(`li[data-index="${Number(value)}"]`) ?? undefined;
    if (kind === 'marker') return this.list.querySelector<HTMLElement>(`li[data-marker="${/^[a-z]+$/.test(value) ? value : ''}"]`) ?? undefined;
    return (this.list.children[Number(value)] as HTMLElement | undefined) ?? undefined;
  }

  private firstVisibleRow(): HTMLElement | undefined {
    for (const row of rowsOf(this.list)) if (!row.hidden) return row;
    return undefined;
  }

  /** Roving focus: one row is in the tab order at a time, and its buttons go with it. */
  private activate(row: HTMLElement, focus: boolean): void {
    this.list.querySelectorAll<HTMLElement>('li[tabindex="0"]').forEach((previous) => {
      if (previous !== row) previous.tabIndex = -1;
    });
    row.tabIndex = 0;
    this.activeKey = this.rowKey(row);
    this.placeActions(row);
    if (focus) row.focus();
  }

  private onFocus(event: FocusEvent): void {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li.row');
    if (!row || !this.list.contains(row)) return;
    if (row.tabIndex !== 0) this.activate(row, false);
    else this.placeActions(row);
    // Not in the way of a render that moved the focus: the tooltip can wait a task.
    setTimeout(() => this.annotateTime(row), 0);
  }

  private onPointer(event: PointerEvent): void {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li.row');
    if (!row || !this.list.contains(row)) return;
    this.annotateTime(row);
    if (!this.actions.contains(document.activeElement)) this.placeActions(row);
  }

  /** The local-time tooltip, built when first needed rather than for thousands of rows up front. */
  private annotateTime(row: HTMLElement): void {
    const time = row.querySelector<HTMLElement>('.time');
    const ms = row.dataset.ms;
    if (time && ms !== undefined && !time.title) time.title = this.clock.tooltip(Number(ms));
  }

  private placeActions(row: HTMLElement): void {
    const entry = this.entryOf(row);
    if (!entry || row.classList.contains('editing')) {
      this.actions.remove();
      return;
    }
    const evidence = this.actions.querySelector<HTMLButtonElement>('[data-action="evidence"]')!;
    evidence.hidden = !safeLink(entry.evidence);
    this.actions.querySelectorAll('button').forEach((button) => (button.tabIndex = row.tabIndex === 0 ? 0 : -1));
    if (this.actions.parentElement !== row) row.append(this.actions);
  }

  private entryOf(row: HTMLElement | null | undefined): TimelineEntry | undefined {
    if (!row || row.dataset.index === undefined) return undefined;
    return this.shown?.entries[Number(row.dataset.index)];
  }

  private visibleRows(): HTMLElement[] {
    return rowsOf(this.list).filter((row) => !row.hidden);
  }

  private onListKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.closest('form')) return;
    const row = target.closest<HTMLElement>('li.row');
    if (!row) return;
    const onRow = target === row;
    const rows = this.visibleRows();
    const at = rows.indexOf(row);
    const move = (to: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (next) this.activate(next, true);
      event.preventDefault();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(at + 1);
      case 'ArrowUp':
        return move(at - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(rows.length - 1);
      case 'PageDown':
        return move(at + 10);
      case 'PageUp':
        return move(at - 10);
      case 'Enter':
        if (!onRow) return;
        event.preventDefault();
        if (row.dataset.index !== undefined) this.openEdit(row);
        else this.revealRow(row);
        return;
      case 'Delete':
      case 'Backspace':
        if (!onRow || row.dataset.index === undefined) return;
        event.preventDefault();
        this.deleteRow(row);
        return;
    }
  }

  private onGlobalKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
    if (event.key === 'Escape' && this.openForm && target.closest('form')) {
      event.preventDefault();
      this.closeForm(true);
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/') {
      event.preventDefault();
      this.search.focus();
    } else if (event.key === 'a' || event.key === 'A') {
      if (this.addButton.disabled) return;
      event.preventDefault();
      this.openAdd();
    }
  }

  private onListClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const button = target.closest<HTMLElement>('button[data-action]');
    const row = target.closest<HTMLElement>('li.row');
    if (!row || target.closest('form')) return;
    const entry = this.entryOf(row);
    switch (button?.dataset.action) {
      case 'edit':
        return this.openEdit(row);
      case 'delete':
        return this.deleteRow(row);
      case 'reveal':
        return this.revealRow(row);
      case 'evidence':
        if (entry) this.send({ type: 'openEvidence', url: entry.evidence });
        return;
    }
    if (row.tabIndex !== 0) this.activate(row, true);
  }

  // ---- intents ---------------------------------------------------------------

  private revealRow(row: HTMLElement): void {
    const entry = this.entryOf(row);
    const marker = this.shown?.markers.find((candidate) => candidate.name === row.dataset.marker);
    const line = entry?.line ?? marker?.line;
    if (line !== undefined) this.send({ type: 'reveal', line });
  }

  private deleteRow(row: HTMLElement): void {
    const entry = this.entryOf(row);
    if (!entry || !this.current || this.shown !== this.current.model) return;
    const requestId = this.nextRequestId++;
    this.send({ type: 'delete', requestId, version: this.current.version, index: entry.index });
    const time = entry.epochMs === null ? '' : `${this.clock.time(entry.epochMs)} `;
    this.say(`Deleted the ${time}${kindLabel(entry.kind)} entry.`, true);
  }

  private openEdit(row: HTMLElement): void {
    const entry = this.entryOf(row);
    if (!entry || !this.current || this.shown !== this.current.model) return;
    this.closeForm(false);
    const form = entryForm({
      title: `Edit the entry at ${entry.epochMs === null ? 'an unreadable time' : this.clock.time(entry.epochMs)}`,
      values: valuesOf(entry),
      zone: this.clock.zone,
      people: people(this.shown.entries),
      saveLabel: 'Save',
      canReveal: true,
      clockDay: "the entry's day",
    });
    this.openForm = { mode: 'edit', form, version: this.current.version, original: entry, requestId: undefined };
    this.mountEditForm(row, form);
    form.focusFirst();
  }

  private mountEditForm(row: HTMLElement, form: EntryForm): void {
    this.actions.remove();
    this.rows.forget(row);
    row.classList.add('editing');
    row.replaceChildren(form.element);
    this.wireForm(form);
  }

  /** After a render, the form goes back on its entry (found by content: its index may have moved). */
  private reopenEdit(open: OpenForm): void {
    const entry = open.original && this.findEntry(open.original);
    const row = entry && this.list.querySelector<HTMLElement>(`li[data-index="${entry.index}"]`);
    if (!entry || !row) {
      this.openForm = undefined;
      if (open.requestId === undefined) this.say('The entry you were editing changed in the file, so the form closed. Nothing was saved.');
      return;
    }
    this.activeKey = `entry:${entry.index}`;
    const hadFocus = open.form.element.contains(document.activeElement);
    const focused = hadFocus ? (document.activeElement as HTMLElement) : undefined;
    this.mountEditForm(row, open.form);
    focused?.focus();
  }

  private openAdd(): void {
    if (!this.current || !this.shown || this.shown !== this.current.model) return;
    this.closeForm(false);
    const active = this.entryOf(this.activeRow());
    const reference = active?.epochMs ?? lastTime(this.shown) ?? this.shown.markers[0]?.epochMs;
    const at = reference === undefined ? '' : this.clock.full(reference).replace(/ \S+$/, '');
    const form = entryForm({
      title: 'New timeline entry',
      values: { at, kind: 'action', who: '', text: '', evidence: '' },
      zone: this.clock.zone,
      people: people(this.shown.entries),
      saveLabel: 'Add entry',
      canReveal: false,
      clockDay: 'the day of the latest entry',
    });
    this.openForm = { mode: 'add', form, version: this.current.version, original: undefined, requestId: undefined };
    this.addSlot.replaceChildren(h('h2', { class: 'form-title', text: 'New entry' }), form.element);
    this.wireForm(form);
    form.focusFirst();
  }

  private wireForm(form: EntryForm): void {
    form.element.onsubmit = (event) => {
      event.preventDefault();
      this.submit();
    };
    form.element.onclick = (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>('button[data-action]')?.dataset.action;
      if (action === 'cancel') this.closeForm(true);
      if (action === 'reveal' && this.openForm?.original) this.send({ type: 'reveal', line: this.openForm.original.line });
    };
  }

  private submit(): void {
    const open = this.openForm;
    if (!open || open.requestId !== undefined) return;
    const values = open.form.values();
    if (!values.text.trim()) return open.form.showError('An entry needs a text: what happened.');
    if (!values.at.trim()) return open.form.showError('An entry needs a time.');
    open.form.showError('');
    const requestId = this.nextRequestId++;
    if (open.mode === 'add') {
      open.requestId = requestId;
      open.form.setBusy(true);
      this.send({ type: 'add', requestId, version: open.version, entry: { at: values.at, kind: values.kind, who: values.who, text: values.text, evidence: values.evidence } });
      return;
    }
    const original = valuesOf(open.original!);
    const changes: Partial<EntryValues> = {};
    for (const name of FIELD_NAMES) if (values[name].trim() !== original[name].trim()) changes[name] = values[name];
    if (Object.keys(changes).length === 0) return this.closeForm(true);
    open.requestId = requestId;
    open.form.setBusy(true);
    this.send({ type: 'edit', requestId, version: open.version, index: open.original!.index, changes });
  }

  private closeForm(restoreFocus: boolean): void {
    const open = this.openForm;
    if (!open) return;
    this.openForm = undefined;
    if (open.mode === 'add') {
      this.addSlot.replaceChildren();
      if (restoreFocus) (this.activeRow() ?? this.addButton).focus();
      return;
    }
    const row = open.form.element.closest<HTMLElement>('li.row');
    const entry = row && this.entryOf(row);
    if (row && entry) {
      const fresh = entryRow(entry, this.clock, row.dataset.step);
      row.replaceWith(fresh);
      this.applyFilters([fresh]);
      this.activate(fresh, restoreFocus);
    }
  }

  private findEntry(original: TimelineEntry): TimelineEntry | undefined {
    const entries = this.shown?.entries ?? [];
    const same = (entry: TimelineEntry) => entry.at === original.at && entry.text === original.text && entry.who === original.who && entry.kind === original.kind;
    if (entries[original.index] && same(entries[original.index])) return entries[original.index];
    const found = entries.filter(same);
    return found.length === 1 ? found[0] : undefined;
  }

  /** A short message in the status line; a delete offers Undo while the file is as the delete left it. */
  private say(message: string, offerUndo = false): void {
    const undo = offerUndo ? h('button', { class: 'link', text: 'Undo', attrs: { type: 'button' } }) : null;
    undo?.addEventListener('click', () => {
      if (!this.current) return;
      this.send({ type: 'undoDelete', requestId: this.nextRequestId++, version: this.current.version });
      this.status.replaceChildren();
    });
    this.status.replaceChildren(h('span', { text: message }), ...(undo ? [' ', undo] : []));
  }
}

function rowsOf(list: HTMLElement): HTMLElement[] {
  return Array.from(list.children) as HTMLElement[];
}

function valuesOf(entry: TimelineEntry): EntryValues {
  return { at: entry.at, kind: entry.kind, who: entry.who, text: entry.text, evidence: entry.evidence };
}

function lastTime(model: TimelineModel): number | undefined {
  let last: number | undefined;
  for (const entry of model.entries) if (entry.epochMs !== null && (last === undefined || entry.epochMs > last)) last = entry.epochMs;
  return last;
}

/** One set of row buttons, moved to the row in focus or under the pointer (not thousands of copies). */
function rowActions(): HTMLElement {
  const button = (action: string, label: string, symbol: string, keys?: string) =>
    h('button', { class: 'icon-button', text: symbol, attrs: { type: 'button', 'data-action': action, 'aria-label': label, title: keys ? `${label} (${keys})` : label, tabindex: '-1' } });
  return h(
    'span',
    { class: 'row-actions' },
    button('edit', 'Edit entry', '✎', 'Enter'),
    button('delete', 'Delete entry', '✕', 'Delete'),
    button('reveal', 'Show in file', '↦'),
    button('evidence', 'Open evidence link', '↗'),
  );
}
