/** CODEOWNERS as GitHub reads it, and Who to Call: the catalog first, CODEOWNERS where it names no one. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../../src/core/catalog';
import { CODEOWNERS_PATHS, codeownersMatcher, ownersOf, parseCodeowners } from '../../src/core/codeowners';
import { callSheet, servicesForPath } from '../../src/core/response/whoToCall';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'workspace');

describe('codeowners', () => {
  it('looks where GitHub looks, in its order', () => {
    assert.deepEqual(CODEOWNERS_PATHS, ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']);
  });

  it('matches patterns as gitignore does, with GitHub’s exceptions', () => {
    const cases: [string, string, boolean][] = [
      ['*', 'any/file.ts', true],
      ['*.js', 'a/b/c.js', true],
      ['*.js', 'a/b/c.ts', false],
      ['/build/logs/', 'build/logs/a.log', true],
      ['/build/logs/', 'build/logs', false],
      ['/build/logs/', 'x/build/logs/a.log', false],
      ['apps/', 'x/apps/y.ts', true],
      ['docs/*', 'docs/a.md', true],
      ['docs/*', 'docs/deep/a.md', false],
      ['/apps/github', 'apps/github/a/b.ts', true],
      ['**/logs', 'a/logs/x.log', true],
      ['src/**', 'src/a/b.ts', true],
      ['/src/cache/', 'src/cache/client.ts', true],
      ['/src/cache/', 'src/cached/client.ts', false],
      ['README.md', 'docs/README.md', true],
      ['config/[x].yaml', 'config/[x].yaml', true],
    ];
    for (const [pattern, path, expected] of cases) assert.equal(codeownersMatcher(pattern)(path), expected, `${pattern} ${path}`);
  });

  it('lets the last matching rule win, reads comments and escapes, and keeps owner-less rules', () => {
    const file = parseCodeowners(['# comment', '*  @org/all', '', '/src/  @org/dev @jane  # inline comment', '/src/generated/', 'docs/\\#notes.md  ann@example.com'].join('\n'));
    assert.deepEqual(ownersOf(file, 'src/a.ts')?.owners, ['@org/dev', '@jane']);
    assert.deepEqual(ownersOf(file, 'src/generated/x.ts')?.owners, [], 'explicitly without owners');
    assert.deepEqual(ownersOf(file, 'README.md')?.owners, ['@org/all']);
    assert.deepEqual(ownersOf(file, 'docs/#notes.md')?.owners, ['ann@example.com']);
    assert.equal(ownersOf(file, 'src/a.ts')?.line, 3);
    assert.equal(ownersOf(parseCodeowners(''), 'a'), undefined);
  });

  it('answers for the example workspace', () => {
    const file = parseCodeowners(readFileSync(join(EXAMPLE, '.github', 'CODEOWNERS'), 'utf8'));
    assert.deepEqual(ownersOf(file, 'src/cache/ttl.ts')?.owners, ['@larder/platform', '@larder/checkout']);
    assert.deepEqual(ownersOf(file, 'deploy/checkout/hpa.yaml')?.owners, ['@larder/checkout', '@larder/platform']);
    assert.deepEqual(ownersOf(file, 'package.json')?.owners, ['@larder/platform']);
  });
});

describe('response: who to call', () => {
  const catalog = parseCatalog(readFileSync(join(EXAMPLE, 'incidents', 'catalog.yaml'), 'utf8'));
  const codeowners = parseCodeowners(['*  @org/platform', '/src/billing/  @org/billing', '/src/orphan/  @org/orphans'].join('\n'));
  const services = new Map(catalog.services);
  services.set('billing', { name: 'billing', owners: [], contacts: [], code: ['src/billing/**'], line: 0 });

  it('finds the services whose code covers a file', () => {
    assert.deepEqual(servicesForPath(services, 'src/cache/ttl.ts'), ['cache']);
    assert.deepEqual(servicesForPath(services, 'deploy/checkout/hpa.yaml'), ['checkout', 'platform']);
    assert.deepEqual(servicesForPath(services, 'README.md'), []);
    assert.deepEqual(servicesForPath(undefined, 'src/a.ts'), []);
  });

  it('gives the catalog’s contacts in order, owners and runbook', () => {
    const sheet = callSheet({ services, names: ['checkout'], codeowners });
    assert.deepEqual(sheet.services[0].contacts.map((c) => c.name), ['Priya Shah', 'Elif Demir']);
    assert.deepEqual(sheet.services[0].owners, ['team-checkout']);
    assert.equal(sheet.services[0].runbook, 'docs/runbooks/checkout.md');
    assert.equal(sheet.services[0].codeowners, undefined, 'the catalog answered');
  });

  it('falls back to CODEOWNERS for a service the catalog names no one for, and for a file no service covers', () => {
    const billing = callSheet({ services, names: ['billing'], codeowners }).services[0];
    assert.deepEqual(billing.codeowners, { path: 'src/billing/', owners: ['@org/billing'], file: '.github/CODEOWNERS', line: 1 });
    const file = callSheet({ services, names: [], path: 'src/orphan/a.ts', codeowners });
    assert.deepEqual(file.fileOwners?.owners, ['@org/orphans']);
    const unknown = callSheet({ services, names: ['ghost'], codeowners }).services[0];
    assert.equal(unknown.inCatalog, false);
    assert.equal(unknown.codeowners, undefined, 'no code path to ask about');
  });
});
