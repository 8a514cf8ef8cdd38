/**
 * The front matter grammar injection, run by the same TextMate engine and
 * Oniguruma regular expressions as the editor: the values a reader scans for
 * get their own scopes in front matter, and nothing in the body does.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');
const INJECTION = 'incident-lens.frontmatter.injection';

/** The front matter rule of VS Code's Markdown grammar (markdown-basics), the block our injection targets. */
const MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontMatter' }],
  repository: {
    frontMatter: {
      begin: '\\A(?=(-{3,}))',
      end: '^ {,3}\\1-*[ \\t]*$|^[ \\t]*\\.{3}$',
      applyEndPatternLast: 1,
      patterns: [
        {
          begin: '\\A(-{3,})(.*)$',
          while: '^(?! {,3}\\1-*[ \\t]*$|[ \\t]*\\.{3}$)',
          contentName: 'meta.embedded.block.frontmatter',
          patterns: [{ include: 'source.yaml' }],
        },
      ],
    },
  },
};

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammars: Record<string, object> = {
    'text.html.markdown': MARKDOWN,
    'source.yaml': { scopeName: 'source.yaml', patterns: [] },
    [INJECTION]: JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'incident-frontmatter.injection.json'), 'utf8')),
  };
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const grammar = grammars[scopeName];
      return grammar ? parseRawGrammar(JSON.stringify(grammar), `${scopeName}.json`) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return grammar;
}

/** Each token's text with the incident-lens scope it got, if any. */
function scopedTokens(grammar: IGrammar, text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  let state = INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const scope = token.scopes.find((name) => name.endsWith('.incident-lens'));
      if (scope) found.push([line.slice(token.startIndex, token.endIndex), scope]);
    }
    state = result.ruleStack;
  }
  return found;
}

const INCIDENT = `---
id: INC-2026-018
status: investigating
severity: SEV1
started: 2026-11-25T08:12:00Z
timeline:
  - at: 2026-11-25T08:47:00+01:00
    kind: diagnosis
    text: Failing submits get 409
actions:
  - id: A1
    status: in-progress
    due: 2026-12-09
---
# Checkout errors

We were investigating a SEV1 since 2026-11-25 and the status: resolved.
`;

describe('grammar: front matter injection', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('marks timestamps, the severity, statuses and timeline kinds in front matter', () => {
    assert.deepEqual(scopedTokens(grammar, INCIDENT), [
      ['investigating', 'keyword.control.status.incident-lens'],
      ['SEV1', 'constant.language.severity.incident-lens'],
      ['2026-11-25T08:12:00Z', 'constant.numeric.date.incident-lens'],
      ['2026-11-25T08:47:00+01:00', 'constant.numeric.date.incident-lens'],
      ['diagnosis', 'entity.name.type.kind.incident-lens'],
      ['in-progress', 'keyword.control.status.incident-lens'],
      ['2026-12-09', 'constant.numeric.date.incident-lens'],
    ]);
  });

  it('marks a team’s own severity names too (incidentLens.severityLevels)', () => {
    assert.deepEqual(scopedTokens(grammar, '---\nseverity: P1-critical\n---\n'), [['P1-critical', 'constant.language.severity.incident-lens']]);
  });

  it('leaves values it does not know and the body alone', () => {
    assert.deepEqual(scopedTokens(grammar, '---\nstatus: pondering\nkind: whatever\n---\nseverity: SEV1 on 2026-11-25\n'), []);
  });
});
