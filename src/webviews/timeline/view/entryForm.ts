/**
 * The inline form that edits one entry or adds a new one. Enter saves (the
 * form's submit), Escape cancels; every field has a visible label.
 */
import { isTimelineKind, KIND_MEANING, TIMELINE_KINDS } from '../../../core/timelineKinds';
import { h } from './dom';

export interface EntryValues {
  at: string;
  kind: string;
  who: string;
  text: string;
  evidence: string;
}

export const FIELD_NAMES = ['at', 'kind', 'who', 'text', 'evidence'] as const;

export interface EntryForm {
  readonly element: HTMLFormElement;
  values(): EntryValues;
  setValues(values: EntryValues): void;
  showError(message: string): void;
  setBusy(busy: boolean): void;
  focusFirst(): void;
}

let formCount = 0;

export function entryForm(options: { title: string; values: EntryValues; zone: string; people: readonly string[]; saveLabel: string; canReveal: boolean; clockDay: string }): EntryForm {
  const id = `entry-form-${++formCount}`;
  const input = (name: string, extra: Record<string, string> = {}) =>
    h('input', { attrs: { name, id: `${id}-${name}`, type: 'text', autocomplete: 'off', spellcheck: name === 'text' ? 'true' : 'false', ...extra } });
  const field = (name: string, label: string, control: HTMLElement, wide = false) =>
    h('div', { class: wide ? 'field wide' : 'field' }, h('label', { text: label, attrs: { for: `${id}-${name}` } }), control);

  const at = input('at', { 'aria-describedby': `${id}-hint`, required: '' });
  const kind = h('select', { attrs: { name: 'kind', id: `${id}-kind` } });
  const kinds = isTimelineKind(options.values.kind) || !options.values.kind ? [...TIMELINE_KINDS] : [options.values.kind, ...TIMELINE_KINDS];
  for (const name of kinds) {
    kind.append(h('option', { text: isTimelineKind(name) ? `${name} — ${KIND_MEANING[name]}` : `${name} (not a known kind)`, attrs: { value: name } }));
  }
  const listId = `${id}-people`;
  const who = input('who', { list: listId });
  const people = h('datalist', { attrs: { id: listId } }, ...options.people.map((person) => h('option', { attrs: { value: person } })));
  const text = input('text', { required: '' });
  const evidence = input('evidence', { inputmode: 'url', placeholder: 'https://…' });
  const error = h('p', { class: 'form-error', attrs: { role: 'alert', id: `${id}-error` } });
  const save = h('button', { text: options.saveLabel, attrs: { type: 'submit', class: 'primary' } });
  const element = h(
    'form',
    { class: 'entry-form', attrs: { 'aria-label': options.title, novalidate: '' } },
    h('div', { class: 'fields' }, field('at', 'Time', at), field('kind', 'Kind', kind), field('who', 'Who', who), people, field('text', 'What happened', text, true), field('evidence', 'Evidence link', evidence, true)),
    h('p', { class: 'hint', text: `Enter saves, Escape cancels. A time like 14:05 is in ${options.zone}, on ${options.clockDay}.`, attrs: { id: `${id}-hint` } }),
    error,
    h(
      'div',
      { class: 'form-actions' },
      save,
      h('button', { text: 'Cancel', attrs: { type: 'button', 'data-action': 'cancel' } }),
      options.canReveal ? h('button', { text: 'Show in file', attrs: { type: 'button', 'data-action': 'reveal' } }) : null,
    ),
  );

  const form: EntryForm = {
    element,
    values: () => ({ at: at.value, kind: kind.value, who: who.value, text: text.value, evidence: evidence.value }),
    setValues(values) {
      at.value = values.at;
      kind.value = values.kind;
      who.value = values.who;
      text.value = values.text;
      evidence.value = values.evidence;
    },
    showError(message) {
      error.textContent = message;
    },
    setBusy(busy) {
      save.disabled = busy;
      element.setAttribute('aria-busy', String(busy));
    },
    focusFirst() {
      text.focus();
      text.select();
    },
  };
  form.setValues(options.values);
  return form;
}
