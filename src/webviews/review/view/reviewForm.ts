/**
 * The review's status, facilitator and date, set from the panel. The form
 * keeps what the reader typed across renders until it is saved, and sends
 * only the fields that differ from the file. Choosing "done" makes the
 * facilitator and date required and says plainly what is still missing,
 * with the same check the extension makes before it writes.
 */
import { type ReviewFacts, reviewStatusVerdict, type ReviewStatusVerdict } from '../../../core/review/statusChange';
import { REVIEW_STATUSES, type ReviewField, type ReviewState, type ReviewStatus } from '../../../core/review/types';
import { h } from '../../timeline/view/dom';

export interface ReviewFormValues {
  status?: ReviewStatus;
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
  private incident: Omit<ReviewFacts, 'review'> = { incidentStatus: '', resolved: '' };
  private today = '';
  /** The reason the note last gave for not saving, so a fixed one is cleared and a new one said once. */
  private shownReason = '';

  constructor(onSubmit: (values: ReviewFormValues) => void) {
    this.status.append(h('option', { text: 'not set', attrs: { value: '' } }), ...REVIEW_STATUSES.map((status) => h('option', { text: STATUS_LABELS[status], attrs: { value: status } })));
    this.element = h(
      'form',
      // The form says why it cannot be saved itself, in the panel's words, instead of the browser's bubble.
      { class: 'review-form', attrs: { 'aria-label': 'Review status', novalidate: '' } },
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
      const verdict = this.verdict();
      if (verdict?.kind === 'refused') {
        this.note.textContent = verdict.reason;
        const field = verdict.missing.find((missing): missing is 'facilitator' | 'held' => missing !== 'resolved');
        if (field) this.focus(field);
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
      this.showRequirements(true);
    });
    for (const control of [this.facilitator, this.held]) {
      control.addEventListener('input', () => {
        this.updateDirty();
        this.showRequirements(false);
      });
    }
  }

  /** Shows the file's values, keeping any field the reader has changed and not saved yet. */
  update({ review: state, ...incident }: ReviewFacts, today: string): void {
    const previous = this.current;
    this.current = state;
    this.incident = incident;
    this.today = today;
    if (this.status.value === previous.status) this.setSelect(state.status);
    if (this.facilitator.value === previous.facilitator) this.facilitator.value = state.facilitator;
    if (this.held.value === dateValue(previous.held)) this.held.value = dateValue(state.held);
    this.updateDirty();
    this.showRequirements(false);
  }

  /** The extension's verdict on the status chosen, with what is typed now; undefined when no status change is chosen. */
  private verdict(): ReviewStatusVerdict | undefined {
    const status = this.status.value;
    if (!isReviewStatus(status)) return undefined;
    // Empty fields are not sent (see changes()), so the file's values stand for them, as in the extension.
    return reviewStatusVerdict({ review: this.current, ...this.incident }, { status, facilitator: this.facilitator.value.trim() || undefined, held: this.held.value || undefined });
  }

  /**
   * Marks the facilitator and date required while "done" is chosen, and the
   * missing ones invalid. `say`: put the reason in the note (when the status
   * was just chosen, or the reason changed as the reader types).
   */
  private showRequirements(say: boolean): void {
    const done = this.status.value === 'done';
    this.facilitator.required = done;
    this.held.required = done;
    const verdict = this.verdict();
    const missing = verdict?.kind === 'refused' ? verdict.missing : [];
    this.facilitator.setAttribute('aria-invalid', String(missing.includes('facilitator')));
    this.held.setAttribute('aria-invalid', String(missing.includes('held')));
    const reason = verdict?.kind === 'refused' ? verdict.reason : '';
    if (reason && (say || reason !== this.shownReason)) this.note.textContent = reason;
    else if (!reason && this.shownReason && this.note.textContent === this.shownReason) this.note.textContent = '';
    this.shownReason = reason;
  }

  private setSelect(status: string): void {
    // A value outside the format (a typo the linter reports) still shows as written, in one extra option.
    this.status.querySelector('option[data-unknown]')?.remove();
    if (status && !isReviewStatus(status)) {
      this.status.append(h('option', { attrs: { value: status, 'data-unknown': '' }, text: `${status} (not a known status)` }));
    }
    this.status.value = status;
  }

  changes(): ReviewFormValues {
    const values: ReviewFormValues = {};
    const status = this.status.value;
    if (status !== this.current.status && isReviewStatus(status)) values.status = status;
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

function isReviewStatus(value: string): value is ReviewStatus {
  return (REVIEW_STATUSES as readonly string[]).includes(value);
}

/** What a date input can show: a day, or nothing. */
function dateValue(held: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(held) ? held : '';
}
