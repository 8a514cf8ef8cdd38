/** The body as a safe tree: raw HTML is text, only web and mail links keep their address, images are never loaded. */
import * as assert from 'node:assert/strict';
import { nodesHtml } from '../../src/core/review/markdownHtml';
import { markdownTree } from '../../src/core/review/markdownTree';
import type { MdNode } from '../../src/core/review/mdNode';

function walk(nodes: readonly MdNode[], visit: (node: MdNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.t === 'el' || node.t === 'link') walk(node.children, visit);
  }
}

describe('review markdown tree', () => {
  it('keeps web and mail links, turns every other link into text', () => {
    const tree = markdownTree('[a](https://x.example/a) [b](mailto:sam@example.com) [c](javascript:alert(1)) [d](docs/x.md) [e](JaVaScRiPt:alert(1)) [f](command:workbench.action.quit) <https://auto.example> [g](data:text/html,x) [h](file:///etc/passwd)');
    const links: [string | null, string][] = [];
    walk(tree, (node) => {
      if (node.t === 'link') links.push([node.href, node.target]);
    });
    assert.deepEqual(links, [
      ['https://x.example/a', 'https://x.example/a'],
      ['mailto:sam@example.com', 'mailto:sam@example.com'],
      [null, 'docs/x.md'],
      [null, 'command:workbench.action.quit'],
      ['https://auto.example/', 'https://auto.example'],
    ]);
    // markdown-it itself refuses javascript:, data: and file: links: they stay plain text.
    const html = nodesHtml(tree);
    assert.match(html, /\[c\]\(javascript:alert\(1\)\)/);
    assert.doesNotMatch(html, /href="(?!https:|mailto:)/);
  });

  it('shows raw HTML as the text it is', () => {
    const tree = markdownTree('<script>alert(1)</script>\n\ntext <img src=x onerror=alert(2)> and <b>bold</b>');
    assert.deepEqual(tree[0], { t: 'el', tag: 'p', children: [{ t: 'text', v: '<script>alert(1)</script>' }] });
    const html = nodesHtml(tree);
    assert.doesNotMatch(html, /<(script|img|b)\b/);
    assert.match(html, /&lt;img src=x onerror=alert\(2\)&gt;/);
  });

  it('describes images instead of loading them', () => {
    const [paragraph] = markdownTree('![latency graph](https://grafana.example/p99.png)');
    assert.deepEqual(paragraph, { t: 'el', tag: 'p', children: [{ t: 'image', alt: 'latency graph', target: 'https://grafana.example/p99.png' }] });
    assert.equal(nodesHtml([paragraph]), '<p><span class="image-alt">[image: latency graph]</span></p>\n');
  });

  it('puts the file line on headings, for "go to"', () => {
    const tree = markdownTree('## Summary\n\ntext\n\nNarrative\n---------\n', 40);
    assert.deepEqual(
      tree.filter((node) => node.t === 'el' && node.tag === 'h2').map((node) => (node.t === 'el' ? node.line : -1)),
      [40, 44],
    );
  });

  it('keeps lists, tables, code and quotes, and tight list items without paragraphs', () => {
    const html = nodesHtml(markdownTree('3. one\n4. two\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n\n```\n<b>x</b>\n```\n\n> quote `code`\n'));
    assert.match(html, /<ol start="3"><li>one<\/li>\n<li>two<\/li>\n<\/ol>/);
    assert.match(html, /<th class="align-right">a<\/th>/);
    assert.match(html, /<pre><code>&lt;b&gt;x&lt;\/b&gt;\n<\/code><\/pre>/);
    assert.match(html, /<blockquote><p>quote <code>code<\/code><\/p>\n<\/blockquote>/);
  });
});
