/**
 * The button for a check's target. What it does is written in data-*
 * attributes from a fixed set, and the panel's one click handler reads them
 * back (see app.ts); no handler is attached per button.
 */
import type { CheckTarget } from '../../../core/review/types';
import { h } from '../../timeline/view/dom';

/** `primary` for the one thing to do next, `secondary` for other ways, `subtle` (a link) beside a check that is done. */
export function targetButton(target: CheckTarget, look: 'primary' | 'secondary' | 'subtle'): HTMLButtonElement {
  const button = (text: string, attrs: Record<string, string>, label?: string) =>
    h('button', { class: look === 'secondary' ? undefined : look, text, attrs: { type: 'button', ...attrs, ...(label ? { 'aria-label': label } : {}) } });
  switch (target.kind) {
    case 'reveal':
      return button(`Go to line ${target.line + 1}`, { 'data-act': 'reveal', 'data-line': String(target.line) });
    case 'insertSection':
      return button(`+ Add “${target.section}”`, { 'data-act': 'insertSection', 'data-section': target.section }, `Add a ${target.section} section to the file`);
    case 'insertPerspective':
      return button(`+ ${target.group}`, { 'data-act': 'insertPerspective', 'data-group': target.group }, `Add a ${target.group} perspective under Perspectives`);
    case 'insertFactors':
      return button('+ Add factors', { 'data-act': 'insertFactors' }, 'Add a factors list to the front matter, with one entry to fill in');
    case 'reviewField':
      return button(fieldLabel(target.field), { 'data-act': 'field', 'data-field': target.field });
    case 'openTimeline':
      return button('Open Timeline', { 'data-act': 'openTimeline' }, 'Open the timeline panel to add an entry');
  }
}

function fieldLabel(field: string): string {
  if (field === 'facilitator') return 'Name a facilitator';
  if (field === 'held') return 'Set the review date';
  return 'Set the review status';
}
