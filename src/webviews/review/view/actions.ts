/**
 * Action item quality: the summary line, a warning when there are more
 * open items than a team tends to finish, and each item with the tests it
 * fails (owner, due date, horizon, linked to a factor or learning).
 */
import type { ActionQuality, ActionQualityItem } from '../../../core/review/types';
import { h } from '../../timeline/view/dom';
import { stateMark } from './icons';

export function actionsView(quality: ActionQuality): HTMLElement {
  const from = quality.horizonFrom;
  const basis = from.basis === 'review' ? `the review on ${from.date}` : from.basis === 'today' ? 'today (no review date yet)' : `the incident (${from.basis} ${from.date}; no review date yet)`;
  return h(
    'section',
    { class: 'actions', attrs: { 'aria-labelledby': 'actions-heading' } },
    h('h2', { attrs: { id: 'actions-heading' } }, stateMark(quality.items.length > 0 && quality.okCount === quality.items.length && !quality.tooMany, 'all ok', 'needs a look'), h('span', { text: 'Action items' })),
    h('p', { class: 'summary', text: quality.summary }),
    h('p', { class: 'explain', text: `Good action items are “just right”: an owner, a due date within ${quality.horizonDays} days of ${basis}, and a link to what the review found.` }),
    quality.tooMany
      ? h('p', { class: 'warning', attrs: { role: 'note' }, text: `${quality.activeCount} items are open; more than ${quality.maxOpen} tends to mean some will never get done. Which could be merged, or dropped with a reason?` })
      : null,
    quality.items.length > 0 ? h('ul', { class: 'action-items' }, ...quality.items.map(itemView)) : null,
  );
}

function itemView(item: ActionQualityItem): HTMLLIElement {
  const failing = item.tests.filter((test) => !test.ok);
  const facts = [item.owner || 'no owner', item.due ? `due ${item.due}` : 'no due date', item.status || 'no status'].join(' · ');
  return h(
    'li',
    { class: `action ${failing.length === 0 ? 'ok' : 'todo'}` },
    stateMark(failing.length === 0, 'ok', `${failing.length} to look at`),
    h(
      'span',
      { class: 'action-text' },
      h('span', { class: 'action-id', text: item.id }),
      ' ',
      h('span', { class: 'action-title', text: item.title || '(no title)' }),
      h('span', { class: 'action-facts', text: facts }),
      failing.length > 0 ? h('ul', { class: 'fails' }, ...failing.map((test) => h('li', { attrs: { 'data-test': test.test }, text: test.message }))) : null,
    ),
    h('button', { class: 'subtle', text: 'Go to', attrs: { type: 'button', 'data-act': 'reveal', 'data-line': String(item.line), 'aria-label': `Show action ${item.id} in the editor` } }),
  );
}
