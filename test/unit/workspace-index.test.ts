/**
 * The workspace index: incremental updates, cross-file checks, id
 * allocation, and the cache that makes a warm start read only what changed.
 */
import * as assert from 'node:assert/strict';
import { decodeIndexCache, encodeIndexCacheBytes, type IndexCache } from '../../src/core/indexCache';
import { incident, KnownCommits, MemoryHost, newIndex, REQUIRED, scanned, seen, TODAY, withRequired } from './lint-support';

const DAY = 86_400_000;

/** REQUIRED with another id. */
function withId(id: string, extra: string[] = []): string {
  return incident([...REQUIRED.map((line) => (line.startsWith('id:') ? `id: ${id}` : line)), ...extra]);
}

const codes = (index: { diagnostics(path: string): { code: string }[] }, path: string) => index.diagnostics(path).map((d) => d.code);

describe('workspace index', () => {
  describe('incremental update', () => {
    it('update() re-lints one file from its text, and diagnostics() shows it', async () => {
      const host = new MemoryHost({ 'incidents/a.md': withId('INC-2026-001'), 'incidents/b.md': withId('INC-2026-002') });
      const index = await scanned(host);
      assert.deepEqual(codes(index, 'incidents/a.md'), []);

      assert.equal(index.update('incidents/a.md', withId('INC-2026-001', ['sevrity: SEV1'])), true);
      assert.deepEqual(seen(index.diagnostics('incidents/a.md')), [['unknown-field', 'warning', 6, 0, 6, 7]]);
      assert.deepEqual(codes(index, 'incidents/b.md'), []);

      index.update('incidents/a.md', withId('INC-2026-001'));
      assert.deepEqual(codes(index, 'incidents/a.md'), []);
      assert.deepEqual(host.reads.filter((path) => path.endsWith('.md')).sort(), ['incidents/a.md', 'incidents/b.md'], 'update() reads nothing');
    });

    it('update() ignores files outside the glob and the catalog', async () => {
      const index = await scanned(new MemoryHost());
      assert.equal(index.update('src/app.ts', withId('INC-2026-001')), false);
      assert.equal(index.update('incidents/catalog.yaml', 'services: {}\n'), false);
      assert.equal(index.update('notes/2026-11-20.md', withId('INC-2026-001')), false);
      assert.deepEqual(index.paths(), []);
    });

    it('duplicate-id appears on both files when a second file takes the id, and goes when it changes back', async () => {
      const host = new MemoryHost({ 'incidents/a.md': withId('INC-2026-001'), 'incidents/b.md': withId('INC-2026-002') });
      const index = await scanned(host);

      index.update('incidents/b.md', withId('INC-2026-001'));
      assert.deepEqual(seen(index.diagnostics('incidents/a.md')), [['duplicate-id', 'error', 1, 4, 1, 16]]);
      assert.deepEqual(seen(index.diagnostics('incidents/b.md')), [['duplicate-id', 'error', 1, 4, 1, 16]]);
      assert.match(index.diagnostics('incidents/a.md')[0].message, /incidents\/b\.md/);

      index.update('incidents/b.md', withId('INC-2026-002'));
      assert.deepEqual(codes(index, 'incidents/a.md'), []);
      assert.deepEqual(codes(index, 'incidents/b.md'), []);
    });

    it('a third file with the id is named on each of the others', async () => {
      const index = await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-001'), 'incidents/b.md': withId('INC-2026-001'), 'incidents/c.md': withId('INC-2026-001') }));
      assert.equal(index.diagnostics('incidents/b.md')[0].message, 'Another incident already uses the id INC-2026-001: incidents/a.md, incidents/c.md.');
      assert.deepEqual(index.diagnostics('incidents/b.md')[0].data, { others: ['incidents/a.md', 'incidents/c.md'] });
    });

    it('a new file from the editor joins the index through update()', async () => {
      const index = await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-001') }));
      index.update('incidents/2026/new.md', withId('INC-2026-001'));
      assert.deepEqual(index.paths(), ['incidents/2026/new.md', 'incidents/a.md']);
      assert.deepEqual(codes(index, 'incidents/a.md'), ['duplicate-id']);
    });

    it('update() drops folder checks of the old text; recheck() runs them on the new one', async () => {
      const host = new MemoryHost({ 'incidents/a.md': withId('INC-2026-001', ['code:', '  - path: src/app.ts']) });
      const index = await scanned(host);
      assert.deepEqual(seen(index.diagnostics('incidents/a.md')), [['code-path-missing', 'warning', 7, 10, 7, 20]]);

      // A line inserted above the link: the old range would now point at the wrong line.
      index.update('incidents/a.md', withId('INC-2026-001', ['tags: [cache]', 'code:', '  - path: src/app.ts']));
      assert.deepEqual(seen(index.diagnostics('incidents/a.md')), []);
      await index.recheck(host, ['incidents/a.md']);
      assert.deepEqual(seen(index.diagnostics('incidents/a.md')), [['code-path-missing', 'warning', 8, 10, 8, 20]]);
    });

    it('refresh() re-reads a saved file and re-checks its workspace facts', async () => {
      const host = new MemoryHost({ 'incidents/a.md': withId('INC-2026-001', ['code:', '  - path: src/app.ts']) });
      const index = await scanned(host);
      assert.deepEqual(codes(index, 'incidents/a.md'), ['code-path-missing']);

      host.set('incidents/a.md', withId('INC-2026-001', ['code:', '  - path: src/main.ts']));
      host.set('src/main.ts', 'export {};\n');
      await index.refresh(host, 'incidents/a.md');
      assert.deepEqual(codes(index, 'incidents/a.md'), []);
    });

    it('refresh() of the catalog re-checks services in every incident', async () => {
      const host = new MemoryHost({
        'incidents/a.md': withId('INC-2026-001', ['services: [checkout]']),
        'incidents/b.md': withId('INC-2026-002', ['services: [search]']),
        'incidents/catalog.yaml': 'services:\n  checkout: {}\n',
      });
      const index = await scanned(host);
      assert.deepEqual(codes(index, 'incidents/b.md'), ['unknown-service']);

      host.set('incidents/catalog.yaml', 'services:\n  search: {}\n');
      await index.refresh(host, 'incidents/catalog.yaml');
      assert.deepEqual(codes(index, 'incidents/a.md'), ['unknown-service']);
      assert.deepEqual(codes(index, 'incidents/b.md'), []);
    });

    it('remove() drops a file, its diagnostics and its id', async () => {
      const index = await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-007'), 'incidents/b.md': withId('INC-2026-007', ['sevrity: x']) }));
      assert.deepEqual(codes(index, 'incidents/a.md'), ['duplicate-id']);

      index.remove('incidents/b.md');
      assert.deepEqual(index.paths(), ['incidents/a.md']);
      assert.deepEqual(index.diagnostics('incidents/b.md'), []);
      assert.equal(index.get('incidents/b.md'), undefined);
      assert.deepEqual(codes(index, 'incidents/a.md'), []);
      assert.deepEqual([...index.allDiagnostics().keys()], []);
    });

    it('refresh() of a deleted file removes it', async () => {
      const host = new MemoryHost({ 'incidents/a.md': withId('INC-2026-001'), 'incidents/b.md': withId('INC-2026-001') });
      const index = await scanned(host);
      host.delete('incidents/b.md');
      await index.refresh(host, 'incidents/b.md');
      assert.deepEqual(index.paths(), ['incidents/a.md']);
      assert.deepEqual(codes(index, 'incidents/a.md'), []);
    });
  });

  describe('linked source files', () => {
    const code = (patternLine: number) => Array.from({ length: 30 }, (_, i) => (i + 1 === patternLine ? 'const DEFAULT_TTL = 30;' : `// line ${i + 1}`)).join('\n') + '\n';
    const linking = (id: string) => withId(id, ['code:', '  - path: src/cache/ttl.ts', '    lines: 4-6', '    pattern: "const DEFAULT_TTL"']);

    it('incidentsLinking() names the incidents a changed source file concerns, and follows edits of the incidents', async () => {
      const host = new MemoryHost({ 'incidents/a.md': linking('INC-2026-001'), 'incidents/b.md': withId('INC-2026-002'), 'src/cache/ttl.ts': code(5) });
      const index = await scanned(host);
      assert.deepEqual(index.incidentsLinking('src/cache/ttl.ts', 'content'), ['incidents/a.md']);
      assert.deepEqual(index.incidentsLinking('src/app.ts', 'presence'), []);

      index.update('incidents/b.md', linking('INC-2026-002'));
      assert.deepEqual(index.incidentsLinking('src/cache/ttl.ts', 'content'), ['incidents/a.md', 'incidents/b.md']);
      index.remove('incidents/a.md');
      assert.deepEqual(index.incidentsLinking('src/cache/ttl.ts', 'content'), ['incidents/b.md']);
    });

    it('recheckCodeLinks() reports drift after the source file changed, without reading the incident or asking git', async () => {
      const commits = new KnownCommits([]);
      const host = new MemoryHost({ 'incidents/a.md': withId('INC-2026-001', ['code:', '  - path: src/cache/ttl.ts', '    lines: 4-6', '    pattern: "const DEFAULT_TTL"', 'commits:', '  - {sha: 3f2a9c1, role: trigger}']), 'src/cache/ttl.ts': code(5) }, commits);
      const index = await scanned(host);
      assert.deepEqual(codes(index, 'incidents/a.md'), ['commit-unknown']);
      const reads = host.reads.length;

      host.set('src/cache/ttl.ts', code(20));
      await index.recheckCodeLinks(host, index.incidentsLinking('src/cache/ttl.ts', 'content'));
      assert.deepEqual(codes(index, 'incidents/a.md'), ['code-link-drifted', 'commit-unknown']);
      assert.deepEqual(host.reads.slice(reads), ['src/cache/ttl.ts']);
      assert.equal(commits.asked.length, 1, 'git was asked once, by the scan');

      host.delete('src/cache/ttl.ts');
      await index.recheckCodeLinks(host, index.incidentsLinking('src/cache/ttl.ts', 'presence'));
      assert.deepEqual(codes(index, 'incidents/a.md'), ['code-path-missing', 'commit-unknown']);
    });

    it('reanchoredLines() says where drifted links stand now, also after a warm start from the cache', async () => {
      const host = new MemoryHost({ 'incidents/a.md': linking('INC-2026-001'), 'src/cache/ttl.ts': code(20) });
      const index = await scanned(host);
      assert.deepEqual([...index.reanchoredLines('incidents/a.md')], [[0, { start: 20, end: 22 }]]);

      const warm = newIndex();
      await warm.scan(host, decodeIndexCache(encodeIndexCacheBytes(index.toCache())));
      assert.deepEqual([...warm.reanchoredLines('incidents/a.md')], [[0, { start: 20, end: 22 }]]);

      host.set('src/cache/ttl.ts', code(5));
      await index.recheckCodeLinks(host, ['incidents/a.md']);
      assert.deepEqual([...index.reanchoredLines('incidents/a.md')], []);
    });
  });

  describe('nextId', () => {
    it('starts at 001 in an empty workspace', async () => {
      assert.equal((await scanned(new MemoryHost())).nextId(2026), 'INC-2026-001');
    });

    it('takes one above the highest number of the year; gaps are not reused', async () => {
      const index = await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-001'), 'incidents/b.md': withId('INC-2026-014'), 'incidents/c.md': withId('INC-2026-003') }));
      assert.equal(index.nextId(2026), 'INC-2026-015');
    });

    it('counts each year on its own, and ignores other prefixes and odd ids', async () => {
      const index = await scanned(
        new MemoryHost({
          'incidents/a.md': withId('INC-2025-099'),
          'incidents/b.md': withId('INC-2026-002'),
          'incidents/c.md': withId('SEC-2026-040'),
          'incidents/d.md': withId('INC-2026-9-1'),
          'incidents/e.md': withId('inc-2026-050'),
        }),
      );
      assert.equal(index.nextId(2025), 'INC-2025-100');
      assert.equal(index.nextId(2026), 'INC-2026-003');
      assert.equal(index.nextId(2027), 'INC-2027-001');
    });

    it('keeps the width of the numbers in use, widening past 999', async () => {
      assert.equal((await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-999') }))).nextId(2026), 'INC-2026-1000');
      assert.equal((await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-0041') }))).nextId(2026), 'INC-2026-0042');
      assert.equal((await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-7') }))).nextId(2026), 'INC-2026-008');
    });

    it('sees ids from unsaved updates and forgets removed files', async () => {
      const index = await scanned(new MemoryHost({ 'incidents/a.md': withId('INC-2026-004') }));
      index.update('incidents/new.md', withId('INC-2026-005'));
      assert.equal(index.nextId(2026), 'INC-2026-006');
      index.remove('incidents/new.md');
      assert.equal(index.nextId(2026), 'INC-2026-005');
    });
  });

  describe('cache', () => {
    const files = () => ({
      'incidents/a.md': withId('INC-2026-001', ['actions:', '  - {id: A1, title: Canary, owner: Sam, due: 2026-11-01, status: open}']),
      'incidents/b.md': withId('INC-2026-002', ['sevrity: SEV1', 'code:', '  - path: src/app.ts']),
      'incidents/c.md': withId('INC-2026-003'),
      'incidents/README.md': '# Incidents\n',
    });
    const incidentReads = (host: MemoryHost) => host.reads.filter((path) => path.endsWith('.md')).sort();
    const roundTrip = (cache: IndexCache): IndexCache => {
      const decoded = decodeIndexCache(encodeIndexCacheBytes(cache));
      assert.ok(decoded, 'the cache decodes');
      return decoded;
    };

    it('a warm start from the encoded cache reads only the files that changed, and reports the same', async () => {
      const cold = await scanned(new MemoryHost(files()));
      const cache = roundTrip(cold.toCache());

      const host = new MemoryHost(files());
      host.set('incidents/c.md', withId('INC-2026-001'));
      const warm = newIndex();
      await warm.scan(host, cache);

      assert.deepEqual(incidentReads(host), ['incidents/c.md']);
      assert.deepEqual(warm.paths(), cold.paths());
      assert.deepEqual(seen(warm.diagnostics('incidents/b.md')), seen(cold.diagnostics('incidents/b.md')));
      assert.deepEqual(codes(warm, 'incidents/c.md'), ['duplicate-id']);
      assert.deepEqual(codes(warm, 'incidents/a.md'), ['duplicate-id', 'action-overdue']);
    });

    it('an unchanged workspace reads no incident file at all', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const host = new MemoryHost(files());
      const warm = newIndex();
      await warm.scan(host, cache);
      assert.deepEqual(incidentReads(host), []);
      assert.deepEqual(
        [...warm.allDiagnostics()].map(([path, found]) => [path, found.map((d) => d.code)]),
        [
          ['incidents/a.md', ['action-overdue']],
          ['incidents/b.md', ['unknown-field', 'code-path-missing']],
        ],
      );
    });

    it('a file that changed size with the same time is read again', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const host = new MemoryHost(files());
      host.set('incidents/c.md', withId('INC-2026-003', ['tags: [x]']), { mtimeMs: 1 });
      const warm = newIndex();
      await warm.scan(host, cache);
      assert.deepEqual(incidentReads(host), ['incidents/c.md']);
    });

    it('a warm start shows the cached workspace facts, and revalidate checks them again', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const host = new MemoryHost({ ...files(), 'src/app.ts': 'export {};\n' });
      const warm = newIndex();
      await warm.scan(host, cache);
      assert.equal(warm.hasStaleChecks, true);
      assert.deepEqual(codes(warm, 'incidents/b.md'), ['unknown-field', 'code-path-missing']);
      await warm.revalidate(host);
      assert.equal(warm.hasStaleChecks, false);
      assert.deepEqual(codes(warm, 'incidents/b.md'), ['unknown-field']);
    });

    it('summaries are decoded only when asked for, and a file never decoded is written back as it was', async () => {
      const cold = await scanned(new MemoryHost(files()));
      const bytes = encodeIndexCacheBytes(cold.toCache());
      const cache = decodeIndexCache(bytes);
      assert.ok(cache);
      let decodes = 0;
      const counted: IndexCache = { ...cache, files: cache.files.map((file) => ({ ...file, summary: () => (decodes++, file.summary()) })) };
      const warm = newIndex();
      await warm.scan(new MemoryHost(files()), counted);
      warm.allDiagnostics();
      warm.nextId(2026);
      assert.equal(decodes, 0, 'diagnostics and ids come from the briefs');
      assert.deepEqual(encodeIndexCacheBytes(warm.toCache()), bytes);
      assert.equal(warm.get('incidents/a.md')?.incident.title, cold.get('incidents/a.md')?.incident.title);
      assert.equal(decodes, 1);
    });

    it('a truncated or foreign cache is ignored, and every file is read', async () => {
      const bytes = encodeIndexCacheBytes((await scanned(new MemoryHost(files()))).toCache());
      assert.equal(decodeIndexCache(bytes.subarray(0, bytes.length - 10)), undefined);
      assert.equal(decodeIndexCache(new TextEncoder().encode('{"version":1,"entries":[]}')), undefined);
      assert.equal(decodeIndexCache(new Uint8Array([0xff, 0x0a, 0x00])), undefined);
    });

    it('a summary the cache cannot decode is read from the file when revalidating', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const broken: IndexCache = { ...cache, files: cache.files.map((file) => (file.path === 'incidents/c.md' ? { ...file, encoded: undefined, summary: () => undefined } : file)) };
      const host = new MemoryHost(files());
      const warm = newIndex();
      await warm.scan(host, broken);
      await warm.revalidate(host);
      assert.deepEqual(incidentReads(host), ['incidents/c.md']);
      assert.equal(warm.get('incidents/c.md')?.incident.id, 'INC-2026-003');
    });

    it('overdue actions are recomputed for another day, from the cache', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const dueMessage = async (todayMs: number) => {
        const host = new MemoryHost(files());
        const warm = newIndex({ todayMs });
        await warm.scan(host, cache);
        assert.deepEqual(incidentReads(host), []);
        return warm.diagnostics('incidents/a.md').map((d) => d.message);
      };
      assert.deepEqual(await dueMessage(TODAY), ['Action A1 (Sam) was due 2026-11-01, 24 days ago. Move the date, or mark it done or dropped.']);
      assert.deepEqual(await dueMessage(TODAY + 5 * DAY), ['Action A1 (Sam) was due 2026-11-01, 29 days ago. Move the date, or mark it done or dropped.']);
      assert.deepEqual(await dueMessage(Date.UTC(2026, 10, 1)), []);
    });

    it('a cache made with other settings is not used', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const host = new MemoryHost(files());
      const other = newIndex({ severities: ['P1', 'P2'] });
      await other.scan(host, cache);
      assert.deepEqual(incidentReads(host), ['incidents/README.md', 'incidents/a.md', 'incidents/b.md', 'incidents/c.md']);
      assert.deepEqual(codes(other, 'incidents/c.md'), ['invalid-value']);
    });

    it('a cache of another version is not used', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const host = new MemoryHost(files());
      await newIndex().scan(host, { ...cache, version: cache.version + 1 });
      assert.equal(incidentReads(host).length, 4);
    });

    it('files that no longer exist are not brought back from the cache', async () => {
      const cache = roundTrip((await scanned(new MemoryHost(files()))).toCache());
      const host = new MemoryHost(files());
      host.delete('incidents/b.md');
      const warm = newIndex();
      await warm.scan(host, cache);
      assert.deepEqual(warm.paths(), ['incidents/README.md', 'incidents/a.md', 'incidents/c.md']);
    });
  });

  it('scan with another glob indexes only the files it matches', async () => {
    const host = new MemoryHost({ 'postmortems/2026/a.md': withRequired(), 'incidents/b.md': withRequired() });
    const index = newIndex({}, 'postmortems/**/*.md');
    await index.scan(host);
    assert.deepEqual(index.paths(), ['postmortems/2026/a.md']);
  });
});
