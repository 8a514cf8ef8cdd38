import * as assert from 'node:assert/strict';
import { safeLink } from '../../src/core/safeLink';

describe('which links may be opened', () => {
  it('opens web and mail addresses, as the URL parser writes them', () => {
    assert.equal(safeLink('https://grafana.example/d/abc?x=1'), 'https://grafana.example/d/abc?x=1');
    assert.equal(safeLink(' HTTP://example.com '), 'http://example.com/');
    assert.equal(safeLink(' https://ok.example/x?q=<b> '), 'https://ok.example/x?q=%3Cb%3E');
    assert.equal(safeLink('mailto:oncall@example.com'), 'mailto:oncall@example.com');
  });

  const refused = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    '\njavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'command:workbench.action.quit',
    'vscode://x',
    '//evil.example',
    'https:evil.example',
    'http:/evil.example',
    'grafana/d/abc',
    '/etc/passwd',
    'https://',
    '',
  ];
  for (const link of refused) {
    it(`refuses ${JSON.stringify(link)}`, () => assert.equal(safeLink(link), undefined));
  }
});
