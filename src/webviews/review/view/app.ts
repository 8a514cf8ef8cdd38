/**
 * The review panel's controller: renders what the extension sends, keeps
 * the reader's place (focus, scroll, unsaved form fields) across renders,
 * and turns clicks into intents. It never edits anything itself: every
 * change goes to the extension and comes back as a new render of the file.
 */
import type { SectionName } from '../../../core/review/types';
import { TEMPLATE_SECTIONS } from '../../../core/review/types';
import { h } from '../../timeline/view/dom';
import type { VsCodeApi } from '../../timeline/view/vscodeApi';
import { hostMessageSchema, type RenderMessage, type ResultMessage, type WebviewMessage } from '../protocol';
import { actionsView } from './actions';
import { blameView } from './blame';
import { bodyNodes } from './body';
import { ReviewForm, type ReviewFormValues } from './reviewForm';
import { openPrompts, stepsView } from './steps';

export class ReviewApp {
  private current: RenderMessage | undefined;
  private nextRequestId = 1;
  /** Requests sent and not answered yet: the form's save, or a button's insert. */
  private readonly pending = new Map<number, 'form' | 'insert'>();

  private readonly title = h('h1', { class: 'title' });
  private readonly form = new ReviewForm((values) => this.saveReview(values));
  private readonly exportButton = h('button', { text: 'Export Review…', attrs: { type: 'button', 'data-act': 'export' } });
  private readonly status = h('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly problem = h('div', { class: 'problem', attrs: { role: 'alert', hidden: '' } });
  private readonly guide = h('section', { class: 'guide', attrs: { 'aria-label': 'Guided review' } });
  private readonly quality = h('div', { class: 'quality' });
  private readonly body = h('article', { class: 'body', attrs: { 'aria-labelledby': 'body-heading' } });

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {}

  start(): void {
    const header = h('header', { class: 'header' }, h('div', { class: 'header-top' }, this.title, this.exportButton), this.form.element);
    const keys = h('p', { class: 'keys', text: 'Tab moves between buttons and fields; Enter or Space presses a button. Each “Go to” shows the place in the editor.' });
    this.root.replaceChildren(header, this.status, this.problem, this.guide, this.quality, h('h2', { class: 'body-heading', attrs: { id: 'body-heading' }, text: 'The write-up' }), this.body, keys);
    this.root.removeAttribute('aria-busy');
    this.root.addEventListener('click', (event) => this.onClick(event));
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
    if (parsed.data.type === 'render') this.render(parsed.data as RenderMessage);
    else this.result(parsed.data);
  }

  private result(message: ResultMessage): void {
    const kind = this.pending.get(message.requestId);
    this.pending.delete(message.requestId);
    if (kind === 'form') this.form.setBusy(false);
    if (message.outcome === 'applied') {
      if (kind === 'form') this.form.say('Saved.');
      return;
    }
    if (kind === 'form') this.form.say(message.message);
    this.say(message.message);
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  // ---- rendering -------------------------------------------------------------

  private render(message: RenderMessage): void {
    this.current = message;
    this.api.setState({ uri: message.uri });
    const { model } = message;
    const focusKey = this.focusKey();
    if (model.problem !== null) {
      this.problem.textContent = model.problem;
      this.problem.hidden = false;
      this.root.classList.add('has-problem');
      this.form.setDisabled(true);
      if (!this.title.textContent) this.title.textContent = `Review · ${message.fileName}`;
      this.rendered(message);
      return;
    }
    this.problem.hidden = true;
    this.root.classList.remove('has-problem');
    this.form.setDisabled(false);

    const { header } = model;
    this.title.replaceChildren(
      h('span', { class: 'label', text: 'Review · ' }),
      h('span', { class: 'incident-id', text: header.id || message.fileName }),
      header.title ? h('span', { class: 'incident-title', text: header.title }) : '',
      header.severity ? h('span', { class: 'badge', text: header.severity, attrs: { title: 'Severity' } }) : '',
      header.status ? h('span', { class: 'badge', text: header.status, attrs: { title: 'Incident status' } }) : '',
    );
    this.form.update({ review: model.review, incidentStatus: header.status, resolved: header.resolved }, message.today);
    this.guide.replaceChildren(stepsView(model.steps, openPrompts(this.guide)));
    this.quality.replaceChildren(actionsView(model.actions), blameView(model.blame));
    this.body.replaceChildren(...(model.body.length > 0 ? bodyNodes(model.body) : [h('p', { class: 'empty', text: 'Nothing is written below the front matter yet.' })]));
    this.restoreFocus(focusKey);
    this.rendered(message);
  }

  /** Marks the page as showing a version: tests wait on it. */
  private rendered(message: RenderMessage): void {
    this.root.dataset.version = String(message.version);
    document.dispatchEvent(new CustomEvent('review:rendered'));
  }

  /** A key for the focused button that survives a re-render (its data-* attributes say what it does). */
  private focusKey(): string | undefined {
    const active = document.activeElement;
    return active instanceof HTMLButtonElement && this.root.contains(active) ? focusKeyOf(active) : undefined;
  }

  /**
   * Focus goes back to the same button, else to its check (a done check may
   * have no button left), so a keyboard user stays where they were.
   */
  private restoreFocus(key: string | undefined): void {
    if (!key || this.root.contains(document.activeElement)) return;
    const same = Array.from(this.root.querySelectorAll<HTMLButtonElement>('button')).find((button) => focusKeyOf(button) === key);
    const check = key.split('|')[0];
    const fallback = check ? this.root.querySelector<HTMLElement>(`[data-check="${CSS.escape(check)}"]`) : null;
    (same ?? fallback)?.focus();
  }

  // ---- intents ---------------------------------------------------------------

  private onClick(event: MouseEvent): void {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!button || !this.root.contains(button) || button.type === 'submit') return;
    if (button.dataset.url !== undefined) {
      this.send({ type: 'openLink', url: button.dataset.url });
      return;
    }
    if (button.classList.contains('jump') && button.dataset.line !== undefined) {
      this.send({ type: 'reveal', line: Number(button.dataset.line) });
      return;
    }
    const version = this.current?.version;
    switch (button.dataset.act) {
      case 'reveal': {
        const character = button.dataset.character !== undefined ? Number(button.dataset.character) : undefined;
        const endCharacter = button.dataset.end !== undefined ? Number(button.dataset.end) : undefined;
        this.send({ type: 'reveal', line: Number(button.dataset.line), ...(character !== undefined ? { character } : {}), ...(endCharacter !== undefined ? { endCharacter } : {}) });
        return;
      }
      case 'insertSection': {
        const section = button.dataset.section;
        if (version === undefined || !isSection(section)) return;
        this.send({ type: 'insertSection', requestId: this.request('insert'), version, section });
        this.say(`Adding “${section}”…`);
        return;
      }
      case 'insertPerspective': {
        const group = button.dataset.group;
        if (version === undefined || !group) return;
        this.send({ type: 'insertPerspective', requestId: this.request('insert'), version, group });
        this.say(`Adding the ${group} perspective…`);
        return;
      }
      case 'insertFactors':
        if (version === undefined) return;
        this.send({ type: 'insertFactors', requestId: this.request('insert'), version });
        this.say('Adding a factors list…');
        return;
      case 'field': {
        const field = button.dataset.field;
        if (field === 'status' || field === 'facilitator' || field === 'held') this.form.focus(field);
        return;
      }
      case 'openTimeline':
        this.send({ type: 'openTimeline' });
        return;
      case 'export':
        this.send({ type: 'export' });
        return;
    }
  }

  private saveReview(values: ReviewFormValues): void {
    const version = this.current?.version;
    if (version === undefined) return;
    this.send({ type: 'setReview', requestId: this.request('form'), version, ...values });
  }

  private request(kind: 'form' | 'insert'): number {
    const id = this.nextRequestId++;
    this.pending.set(id, kind);
    return id;
  }
}

function isSection(value: string | undefined): value is SectionName {
  return (TEMPLATE_SECTIONS as readonly string[]).includes(value ?? '');
}

function focusKeyOf(button: HTMLButtonElement): string {
  const check = button.closest<HTMLElement>('[data-check]')?.dataset.check ?? '';
  return `${check}|${button.dataset.act ?? ''}|${button.dataset.section ?? button.dataset.group ?? button.dataset.line ?? ''}`;
}
