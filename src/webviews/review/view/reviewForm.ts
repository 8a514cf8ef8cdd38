/**
 * The review's status, facilitator and date, set from the panel. The form
 * keeps what the reader typed across renders until it is saved, and sends
 * only the fields that differ from the file.
 */
import { REVIEW_STATUSES, type ReviewField, type ReviewState } from '../../../core/review/types';
import { h } from '../../timeline/view/dom';

export interface ReviewFormValues {
  status?: (typeof REVIEW_STATUSES)[number];
  facilitator?: string;
  held?: string;
}

const STATUS_LABELS: Readonly<Record<string, string>> = { draft: 'draft', 'in-review': 'in review', done: 'done' };

export class ReviewForm {
  readonly element: HTMLFormElement;
  private readonly status = h('select', { attrs: { id: 'review-status', name: 'status' } });
  private readonly facilitator = h('input', { attrs: { id: 'review-facilitator', name: 'facilitator', type: 'text', maxlength: '100', autocomplete: 'off', placeholder: 'Who facilitates' } });
  private readonly held = h('input', { attrs: { id: 'review-held', name: 'held', type: 'date' } });
  private readonly save = h('button', { class: 'primary', text: 'Save review', attrs: { type: 'submit' } });
  private readonly note = h('span', { class: 'form-note', attrs: { 'aria-live': 'polite' } });
  private current: ReviewState = { status: '', facilitator: '', held: '' };
  private today = '';

  constructor(onSubmit: (values: ReviewFormValues) => void) {
    this.status.append(h('option', { text: 'not set', attrs: { value: '' } }), ...REVIEW_STATUSES.map((status) => h('option', { text: STATUS_LABELS[status], attrs: { value: status } })));
    this.element = h(
      'form',
      { class: 'review-form', attrs: { 'aria-label': 'Review status' } },
      h('label', { text: 'Review', attrs: { for: 'review-status' } }),
      this.status,
      h('label', { text: 'Facilitator', attrs: { for: 'review-facilitator' } }),
      this.facilitator,
      h('label', { text: 'Held', attrs: { for: 'review-held' } }),
      this.held,
      this.save,
      this.note,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = this.changes();
      if (Object.keys(values).length === 0) {
        this.note.textContent = 'Nothing changed.';
        return;
      }
      this.setBusy(true);
      onSubmit(values);
    });
    this.status.addEventListener('change', () => {
      // A done review was held on some day; suggest today, visibly, rather than write it silently.
      if (this.status.value === 'done' && !this.held.value && this.today) {
        this.held.value = this.today;
        this.note.textContent = `Review date set to today (${this.today}); change it if the review was on another day.`;
      }
      this.updateDirty();
    });
    for (const control of [this.facilitator, this.held]) control.addEventListener('input', () => this.updateDirty());
  }

  /** Shows the file's values, keeping any field the reader has changed and not saved yet. */
  update(state: ReviewState, today: string): void {
    const previous = this.current;
    this.current = state;
    this.today = today;
    if (this.status.value === previous.status) this.setSelect(state.status);
    if (this.facilitator.value === previous.facilitator) this.facilitator.value = state.facilitator;
    if (this.held.value === dateValue(previous.held)) this.held.value = dateValue(state.held);
    this.updateDirty();
  }

  private setSelect(status: string): void {
    // A value outside the format (a typo the linter reports) still shows as written, in one extra option.
    this.status.querySelector('option[data-unknown]')?.remove();
    if (status && !REVIEW_STATUSES.includes(status as (typeof REVIEW_STATUSES)[number])) {
      this.status.append(h('option', { attrs: { value: status, 'data-unknown': '' }, text: `${status} (not a known status)` }));
    }
    this.status.value = status;
  }

  changes(): ReviewFormValues {
    const values: ReviewFormValues = {};
    const status = this.status.value;
    if (status !== this.current.status && REVIEW_STATUSES.includes(status as (typeof REVIEW_STATUSES)[number])) values.status = status as ReviewFormValues['status'];
    const facilitator = this.facilitator.value.trim();
    if (facilitator && facilitator !== this.current.facilitator) values.facilitator = facilitator;
    if (this.held.value && this.held.value !== dateValue(this.current.held)) values.held = this.held.value;
    return values;
  }

  private updateDirty(): void {
    this.element.classList.toggle('dirty', Object.keys(this.changes()).length > 0);
  }

  setBusy(busy: boolean): void {
    this.save.disabled = busy;
    this.element.setAttribute('aria-busy', String(busy));
  }

  say(text: string): void {
    this.note.textContent = text;
  }

  focus(field: ReviewField): void {
    ({ status: this.status, facilitator: this.facilitator, held: this.held })[field].focus();
  }

  setDisabled(disabled: boolean): void {
    for (const control of [this.status, this.facilitator, this.held, this.save]) control.disabled = disabled;
  }
}

/** What a date input can show: a day, or nothing. */
function dateValue(held: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(held) ? held : '';
}
