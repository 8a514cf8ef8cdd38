/**
 * Builds the incident's body from the safe Markdown tree: elements from a
 * fixed list, text as text. Links are buttons that ask the extension to open
 * the address (which it checks again); links the reader may not open, and
 * images, show as plain text with their address in a tooltip.
 */
import type { MdNode } from '../../../core/review/mdNode';
import { h } from '../../timeline/view/dom';

export function bodyNodes(nodes: readonly MdNode[]): Node[] {
  return nodes.map(bodyNode);
}

function bodyNode(node: MdNode): Node {
  switch (node.t) {
    case 'text':
      return document.createTextNode(node.v);
    case 'br':
      return h('br');
    case 'hr':
      return h('hr');
    case 'code':
      return node.block ? h('pre', {}, h('code', { text: node.v })) : h('code', { text: node.v });
    case 'image':
      return h('span', { class: 'image-alt', text: `[image${node.alt ? `: ${node.alt}` : ''}]`, attrs: { title: `Images are not loaded in the review: ${node.target}` } });
    case 'link':
      if (node.href === null) {
        return h('span', { class: 'link-off', attrs: { title: `Not opened from the review (only web and mail links are): ${node.target}` } }, ...bodyNodes(node.children));
      }
      return h('button', { class: 'link', attrs: { type: 'button', 'data-url': node.href, title: node.href } }, ...bodyNodes(node.children));
    case 'el': {
      const element = h(node.tag, { class: node.align ? `align-${node.align}` : undefined }, ...bodyNodes(node.children));
      if (node.tag === 'ol' && node.start !== undefined) element.setAttribute('start', String(node.start));
      if (node.line !== undefined) {
        element.append(
          ' ',
          h('button', { class: 'jump', text: '↗', attrs: { type: 'button', 'data-line': String(node.line), 'aria-label': `Show “${element.textContent?.trim() ?? ''}” in the editor`, title: `Go to line ${node.line + 1}` } }),
        );
      }
      return element;
    }
  }
}
