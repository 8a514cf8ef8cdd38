/** Blameless wording: each phrase to reconsider, where it is, a kinder way to say it, and a jump to it. */
import type { BlameItem } from '../../../core/review/types';
import { h } from '../../timeline/view/dom';
import { stateMark } from './icons';

export function blameView(items: readonly BlameItem[]): HTMLElement {
  const count = items.length;
  return h(
    'section',
    { class: 'blame', attrs: { 'aria-labelledby': 'blame-heading' } },
    h('h2', { attrs: { id: 'blame-heading' } }, stateMark(count === 0, 'nothing to reconsider', `${count} to reconsider`), h('span', { text: 'Blameless wording' })),
    h('p', { class: 'summary', text: count === 0 ? 'No blaming phrases found in the write-up.' : `${count} ${count === 1 ? 'phrase' : 'phrases'} to reconsider. Describe the situation and the system, not a person.` }),
    count > 0 ? h('ul', { class: 'blame-items' }, ...items.map(itemView)) : null,
  );
}

function itemView(item: BlameItem): HTMLLIElement {
  const where = `${item.section ? `${item.section}, ` : ''}line ${item.line + 1}`;
  return h(
    'li',
    {},
    h('span', { class: 'phrase', text: `“${item.phrase}”` }),
    h('span', { class: 'where', text: ` (${where})` }),
    h('span', { class: 'excerpt', text: item.excerpt }),
    h('span', { class: 'hint', text: `→ ${item.hint}` }),
    h('button', {
      class: 'subtle',
      text: 'Go to',
      attrs: { type: 'button', 'data-act': 'reveal', 'data-line': String(item.line), 'data-character': String(item.character), 'data-end': String(item.endCharacter), 'aria-label': `Show “${item.phrase}” on line ${item.line + 1} in the editor` },
    }),
  );
}
