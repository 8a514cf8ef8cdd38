import * as assert from 'node:assert/strict';
import { escapeHtml, escapeMarkdown, markdownCode } from '../../src/core/escape';

describe('escaping text into HTML', () => {
  it('escapes < > & " and \' for content and quoted attributes', () => {
    assert.equal(escapeHtml(`"'<>&`), '&quot;&#39;&lt;&gt;&amp;');
    assert.equal(escapeHtml('<img src=x onerror="alert(1)">'), '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    assert.equal(escapeHtml('&amp; stays text'), '&amp;amp; stays text');
  });

  it('leaves plain text as it is', () => {
    assert.equal(escapeHtml('Checkout latency after a cache TTL change'), 'Checkout latency after a cache TTL change');
  });
});

describe('escaping text into Markdown', () => {
  const escapedTexts = new Map<string, string>([
    ['a | b *c* [d](e) <f> `g`', 'a \\| b \\*c\\* \\[d\\](e) \\<f\\> \\`g\\`'],
    ['snake_case ~strike~ back\\slash', 'snake\\_case \\~strike\\~ back\\\\slash'],
    ['&amp; is not an entity', '\\&amp; is not an entity'],
    ['![image](https://x.example/a.png)', '!\\[image\\](https://x.example/a.png)'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['= not a setext line', '\\= not a setext line'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['issue #42 and v1.2', 'issue #42 and v1.2'],
    ['line\nbreak', 'line break'],
    ['first  \r\n\r\n  second', 'first second'],
    ['Checkout latency', 'Checkout latency'],
    [' keeps the spaces at its ends ', ' keeps the spaces at its ends '],
  ]);
  for (const [text, escaped] of escapedTexts) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(escaped)}`, () => assert.equal(escapeMarkdown(text), escaped));
  }

  it('builds code spans that hold backticks and pipes', () => {
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`x'), '`` `x ``');
    assert.equal(markdownCode('a|b'), '`a\\|b`');
    assert.equal(markdownCode('two\nlines'), '`two lines`');
  });
});
