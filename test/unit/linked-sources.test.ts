/** Which incidents a change to a source file concerns: the reverse map from linked paths to incidents. */
import * as assert from 'node:assert/strict';
import type { CodeLinkSummary } from '../../src/core/incident';
import { LinkedSources } from '../../src/core/linkedSources';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function link(path: string, extra: Partial<CodeLinkSummary> = {}): CodeLinkSummary {
  return { index: 0, path, pathRange: RANGE, outside: false, ...extra };
}

function sources(files: Record<string, CodeLinkSummary[]>): LinkedSources {
  return new LinkedSources(Object.entries(files).map(([path, code]) => ({ path, incident: { code } })));
}

const anchored = (path: string) => link(path, { lines: { start: 3, end: 5 }, pattern: 'const TTL' });

describe('linked sources', () => {
  it('a saved file concerns the incidents whose pattern is looked for in it, and no others', () => {
    const linked = sources({
      'incidents/a.md': [anchored('src/cache/ttl.ts')],
      'incidents/b.md': [link('src/cache/ttl.ts')],
      'incidents/c.md': [anchored('src/cache/client.ts')],
    });
    assert.deepEqual(linked.incidentsAffectedBy('src/cache/ttl.ts', 'content'), ['incidents/a.md']);
    assert.deepEqual(linked.incidentsAffectedBy('src/cache/other.ts', 'content'), []);
  });

  it('a file that appears or goes concerns every incident linking it, with or without a pattern', () => {
    const linked = sources({ 'incidents/a.md': [anchored('src/cache/ttl.ts')], 'incidents/b.md': [link('src/cache/ttl.ts')] });
    assert.deepEqual(linked.incidentsAffectedBy('src/cache/ttl.ts', 'presence'), ['incidents/a.md', 'incidents/b.md']);
    assert.deepEqual(linked.incidentsAffectedBy('src/cache/ttl.test.ts', 'presence'), []);
  });

  it('a folder renamed or deleted concerns the links inside it; a file inside a linked folder concerns the folder link', () => {
    const linked = sources({ 'incidents/a.md': [link('src/cache/ttl.ts')], 'incidents/b.md': [link('deploy/cache')] });
    assert.deepEqual(linked.incidentsAffectedBy('src', 'presence'), ['incidents/a.md']);
    assert.deepEqual(linked.incidentsAffectedBy('src/cache', 'presence'), ['incidents/a.md']);
    assert.deepEqual(linked.incidentsAffectedBy('deploy/cache/redis.yaml', 'presence'), ['incidents/b.md']);
    assert.deepEqual(linked.incidentsAffectedBy('deploy', 'presence'), ['incidents/b.md']);
    assert.deepEqual(linked.incidentsAffectedBy('src/search/query.ts', 'presence'), []);
  });

  it('a glob is concerned by changes under its base folder; a glob over the whole folder by the paths it matches', () => {
    const linked = sources({ 'incidents/a.md': [link('deploy/cache/**/*.yaml')], 'incidents/b.md': [link('**/*.sql')] });
    assert.deepEqual(linked.incidentsAffectedBy('deploy/cache/eu/redis.yaml', 'presence'), ['incidents/a.md']);
    assert.deepEqual(linked.incidentsAffectedBy('deploy/cache/eu', 'presence'), ['incidents/a.md']);
    assert.deepEqual(linked.incidentsAffectedBy('deploy', 'presence'), ['incidents/a.md']);
    assert.deepEqual(linked.incidentsAffectedBy('db/migrations/001.sql', 'presence'), ['incidents/b.md']);
    assert.deepEqual(linked.incidentsAffectedBy('db/migrations/001.ts', 'presence'), []);
    // Globs are never checked for drift: a saved file under them changes nothing.
    assert.deepEqual(linked.incidentsAffectedBy('deploy/cache/eu/redis.yaml', 'content'), []);
  });

  it('reads links as the checks do: `./` and backslashes; outside links are never watched', () => {
    const linked = sources({
      'incidents/a.md': [anchored('./src\\cache\\ttl.ts')],
      'incidents/b.md': [link('../shared/ttl.ts', { outside: true }), link('/etc/hosts', { outside: true })],
    });
    assert.deepEqual(linked.incidentsAffectedBy('src/cache/ttl.ts', 'content'), ['incidents/a.md']);
    assert.deepEqual(linked.incidentsAffectedBy('etc/hosts', 'presence'), []);
  });
});
