/** Done or missing, as a symbol and words: color never carries it alone. */
import { h } from '../../timeline/view/dom';

export function stateMark(done: boolean, doneWord = 'done', missingWord = 'missing'): HTMLSpanElement {
  return h(
    'span',
    { class: `mark ${done ? 'ok' : 'todo'}` },
    h('span', { class: 'symbol', text: done ? '✓' : '⚠', attrs: { 'aria-hidden': 'true' } }),
    h('span', { class: 'sr-only', text: done ? doneWord : missingWord }),
  );
}
