/**
 * Prints a safe Markdown tree (markdownTree.ts) as HTML for the exported
 * report. Every text and attribute is escaped; the only attributes written
 * are a checked link address, a list start and class names.
 */
import { escapeHtml } from '../escape';
import { BLOCK_TAGS, type MdNode } from './mdNode';

const BLOCKS: ReadonlySet<string> = new Set(BLOCK_TAGS);

export function nodesHtml(nodes: readonly MdNode[]): string {
  return nodes.map(nodeHtml).join('');
}

function nodeHtml(node: MdNode): string {
  switch (node.t) {
    case 'text':
      return escapeHtml(node.v);
    case 'br':
      return '<br>\n';
    case 'hr':
      return '<hr>\n';
    case 'code':
      return node.block ? `<pre><code>${escapeHtml(node.v)}</code></pre>\n` : `<code>${escapeHtml(node.v)}</code>`;
    case 'image':
      // Nothing is loaded: the report stays one self-contained file.
      return `<span class="image-alt">[image${node.alt ? `: ${escapeHtml(node.alt)}` : ''}]</span>`;
    case 'link':
      if (node.href === null) return `<span class="link-off" title="${escapeHtml(node.target)}">${nodesHtml(node.children)}</span>`;
      return `<a href="${escapeHtml(node.href)}" rel="noopener noreferrer">${nodesHtml(node.children)}</a>`;
    case 'el': {
      const attrs = [node.start !== undefined ? ` start="${node.start}"` : '', node.align ? ` class="align-${node.align}"` : ''].join('');
      return `<${node.tag}${attrs}>${nodesHtml(node.children)}</${node.tag}>${BLOCKS.has(node.tag) ? '\n' : ''}`;
    }
  }
}
