/**
 * The guided review: one section per step with its checks (done or missing,
 * what was found, a button where something is missing) and, beside them,
 * the facilitator's prompts for that step.
 */
import { FACILITATOR_NOTE } from '../../../core/review/prompts';
import type { ReviewStep, StepCheck } from '../../../core/review/types';
import { h } from '../../timeline/view/dom';
import { stateMark } from './icons';
import { targetButton } from './targets';

/** `promptsOpen`: which steps' prompts the reader opened or closed, kept across renders. */
export function stepsView(steps: readonly ReviewStep[], promptsOpen: ReadonlyMap<string, boolean> = new Map()): HTMLElement {
  return h('ol', { class: 'steps', attrs: { 'aria-label': 'Review steps' } }, ...steps.map((step) => stepView(step, promptsOpen.get(step.id))));
}

/** Which steps' prompts are open on the page now. */
export function openPrompts(root: ParentNode): Map<string, boolean> {
  const open = new Map<string, boolean>();
  root.querySelectorAll<HTMLElement>('li.step').forEach((step) => {
    const details = step.querySelector('details');
    if (step.dataset.step && details) open.set(step.dataset.step, details.open);
  });
  return open;
}

function stepView(step: ReviewStep, promptsOpen: boolean | undefined): HTMLLIElement {
  const missing = step.checks.filter((check) => !check.done).length;
  const headingId = `step-${step.id}`;
  return h(
    'li',
    { class: `step ${step.done ? 'done' : 'open'}`, attrs: { 'aria-labelledby': headingId, 'data-step': step.id } },
    h(
      'h2',
      { attrs: { id: headingId } },
      stateMark(step.done),
      h('span', { class: 'number', text: `${step.number}` }),
      h('span', { class: 'step-title', text: step.title }),
      h('span', { class: 'step-state', text: step.done ? 'done' : `${missing} to do` }),
    ),
    h('div', { class: 'step-body' }, h('ul', { class: 'checks' }, ...step.checks.map(checkView)), promptsView(step, promptsOpen)),
  );
}

function checkView(check: StepCheck): HTMLLIElement {
  const buttons = check.done ? check.targets.slice(0, 1).map((target) => targetButton(target, 'subtle')) : check.targets.map((target, index) => targetButton(target, index === 0 ? 'primary' : 'secondary'));
  return h(
    'li',
    { class: `check ${check.done ? 'ok' : 'todo'}`, attrs: { 'data-check': check.id, tabindex: '-1' } },
    stateMark(check.done),
    h('span', { class: 'check-text' }, h('span', { class: 'check-label', text: check.label }), ' ', h('span', { class: 'check-detail', text: check.detail })),
    buttons.length > 0 ? h('span', { class: 'buttons' }, ...buttons) : null,
  );
}

/** Open beside the steps still to do; folded (one click or Enter away) beside the done ones, to keep the panel calm. */
function promptsView(step: ReviewStep, open: boolean | undefined): HTMLElement {
  const note = step.id === 'hold' ? h('p', { class: 'prompt-note', text: FACILITATOR_NOTE }) : null;
  const prompts = h(
    'details',
    { class: 'prompts', attrs: { 'aria-label': `Prompts for step ${step.number}` } },
    h('summary', { text: `Prompts for step ${step.number}` }),
    h('ul', {}, ...step.prompts.map((prompt) => h('li', { text: `“${prompt}”` }))),
    note,
  );
  prompts.open = open ?? !step.done;
  return prompts;
}
