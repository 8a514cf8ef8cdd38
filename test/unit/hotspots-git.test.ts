import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runHotspots } from '../../src/cli/hotspots';
import { historyRequestFor } from '../../src/core/hotspots/historyRequest';
import type { HistoryFacts, HotspotIncident } from '../../src/core/hotspots/types';
import { readGitHistory } from '../../src/node/gitHistory';
import { computeHotspots } from '../../src/node/hotspots';
import { TestRepo } from './hotspots-repo';

const NOW = Date.UTC(2026, 1, 1);

function incident(id: string, commits: HotspotIncident['commits'] = [], overrides: Partial<HotspotIncident> = {}): HotspotIncident {
  return { id, title: `Incident ${id}`, severity: 'SEV2', started: Date.UTC(2026, 0, 10), codeLinks: [], commits, ...overrides };
}

const short = (sha: string | undefined) => (sha ?? '').slice(0, 8);
const filesOf = (history: HistoryFacts, sha: string | undefined) => [...(history.commits.find((commit) => commit.sha === sha)?.files ?? [])].sort();
const kinds = (history: HistoryFacts) => history.problems.map((problem) => `${problem.kind}:${short(problem.sha)}`).sort();

/** A small service repository with the history shapes hotspots must read. */
function buildRepository(): { repo: TestRepo; shas: Record<string, string> } {
  const repo = TestRepo.create();
  const body = (name: string) => Array.from({ length: 20 }, (_, i) => `${name} ${i}`).join('\n') + '\n';
  const fixedClient = body('client').replace('client 5\n', 'client five\nclient five b\n');
  const guardedClient = fixedClient.replace('client 12\n', 'client twelve\n');
  const retryingHandler = body('handler').replace('handler 9\n', 'handler nine\n');
  const names = ['root', 'trigger', 'fix', 'branchWork', 'mainWork', 'merge', 'mention', 'rename', 'offHead'];
  const shas = repo.importHistory([
    {
      message: 'Initial import',
      files: {
        'service/src/cache/client.ts': body('client'),
        'service/src/cache/ttl.ts': body('ttl'),
        'service/src/api/handler.ts': body('handler'),
        'service/src/ü name.ts': body('unicode'),
        'service/assets/icon.png': Buffer.from([137, 80, 78, 71, 0, 0, 0, 1]),
        'other/tool.ts': body('tool'),
      },
    },
    { message: 'Shorter TTL default', files: { 'service/src/cache/ttl.ts': body('ttl').replace('ttl 3\n', 'ttl three\n'), 'other/tool.ts': body('tool').replace('tool 1\n', 'tool one\n') } },
    {
      message: 'Restore the TTL default',
      files: { 'service/src/cache/client.ts': fixedClient, 'service/src/ü name.ts': body('unicode').replace('unicode 0\n', ''), 'service/assets/icon.png': Buffer.from([137, 80, 78, 71, 0, 0, 0, 2]) },
    },
    { message: 'Retry on timeouts', branch: 'feature', files: { 'service/src/api/handler.ts': retryingHandler } },
    { message: 'Docs', parent: 2, files: { 'service/README.md': 'readme\n' } },
    { message: 'Merge retries, follow-up to INC-2026-002', merge: 3, files: { 'service/src/api/handler.ts': retryingHandler } },
    { message: 'Write up INC-2026-001, guard the client', files: { 'service/incidents/2026-01-10-cache.md': '---\nid: INC-2026-001\n---\n', 'service/src/cache/client.ts': guardedClient } },
    { message: 'Rename the client', deleted: ['service/src/cache/client.ts'], files: { 'service/src/cache/cache client.ts': guardedClient } },
    { message: 'Release-only hotfix', branch: 'release', parent: 2, files: { 'service/src/api/release.ts': 'hotfix\n' } },
  ]);
  return { repo, shas: Object.fromEntries(names.map((name, i) => [name, shas[i] ?? ''])) };
}

describe('hotspots: reading git history', function () {
  this.timeout(10_000);
  let repo: TestRepo;
  let shas: Record<string, string>;
  let service: string;
  const cleanups: (() => void)[] = [];

  before(() => {
    ({ repo, shas } = buildRepository());
    service = path.join(repo.dir, 'service');
    cleanups.push(() => repo.remove());
  });
  after(() => cleanups.forEach((cleanup) => cleanup()));

  const incidents = (): HotspotIncident[] => [
    incident('INC-2026-001', [
      { sha: short(shas.trigger), role: 'trigger' },
      { sha: short(shas.fix), role: 'fix' },
    ]),
    incident('INC-2026-002', [{ sha: short(shas.offHead), role: 'mitigation' }]),
    incident('INC-2026-003', [
      { sha: 'deadbeef', role: 'related' },
      { sha: 'zzz', role: 'fix' },
      { sha: 'abcdef12', role: 'fix', repo: 'https://example.com/another/repo' },
    ]),
  ];

  it('reads listed commits, mentions and merges in one walk, relative to the folder', async () => {
    const history = await readGitHistory(service, historyRequestFor(incidents()));
    assert.deepEqual(filesOf(history, shas.trigger), ['src/cache/ttl.ts'], 'files outside the folder are left out');
    assert.deepEqual(filesOf(history, shas.fix), ['assets/icon.png', 'src/cache/cache client.ts', 'src/ü name.ts'], 'renamed since: counted under the new name');
    assert.deepEqual(filesOf(history, shas.merge), ['src/api/handler.ts'], 'a merge counts what it brought to its first parent');
    assert.deepEqual(filesOf(history, shas.mention), ['incidents/2026-01-10-cache.md', 'src/cache/cache client.ts']);
    assert.deepEqual(filesOf(history, shas.offHead), ['src/api/release.ts'], 'listed commits outside HEAD are read too');
    assert.deepEqual(history.commits.find((commit) => commit.sha === shas.mention)?.mentions, ['INC-2026-001']);
    assert.equal(history.resolved[short(shas.fix)], shas.fix);
    assert.deepEqual(kinds(history), ['missing-commit:deadbeef'], "another repository's commit is not missing here");
  });

  it('reads the changed lines of fix commits only', async () => {
    const history = await readGitHistory(service, historyRequestFor(incidents()));
    assert.deepEqual(history.commits.find((commit) => commit.sha === shas.fix)?.lines, {
      'src/cache/cache client.ts': [{ start: 6, end: 7 }],
      'src/ü name.ts': [{ start: 1, end: 1 }],
    });
    assert.equal(history.commits.find((commit) => commit.sha === shas.trigger)?.lines, undefined);
  });

  it('ranks the files the incidents touched, with the CLI output the format asks for', async () => {
    const lines: string[] = [];
    const notes: string[] = [];
    const code = await runHotspots({ folder: service, format: 'json', now: NOW }, incidents(), (text) => lines.push(text), (text) => notes.push(text));
    assert.equal(code, 0);
    const rows = JSON.parse(lines.join('')) as { path: string; score: number; incidents: string[] }[];
    assert.deepEqual(Object.keys(rows[0] ?? {}), ['path', 'score', 'incidents']);
    assert.deepEqual(
      rows.map((row) => row.path),
      // INC-2026-002 shares its weight over two files, INC-2026-001 over four; ties go by path.
      ['src/api/handler.ts', 'src/api/release.ts', 'assets/icon.png', 'src/cache/cache client.ts', 'src/cache/ttl.ts', 'src/ü name.ts'],
    );
    assert.deepEqual(rows[0]?.incidents, ['INC-2026-002']);
    assert.deepEqual(rows[3]?.incidents, ['INC-2026-001']);
    assert.ok(rows.every((row, i) => i === 0 || (rows[i - 1]?.score ?? 0) >= row.score));
    assert.match(notes.join(''), /deadbeef/);
  });

  it('prints an aligned table, limited on request', async () => {
    const lines: string[] = [];
    await runHotspots({ folder: service, format: 'text', limit: 2, now: NOW }, incidents(), (text) => lines.push(text), () => undefined);
    const table = lines.join('').trimEnd().split('\n');
    assert.equal(table.length, 3);
    assert.match(table[0] ?? '', /^score +incidents +path +ids$/);
    assert.match(table[1] ?? '', /^ *\d\.\d\d +1 +src\/api\/handler\.ts +INC-2026-002$/);
    assert.equal(table[1]?.indexOf('src/'), table[2]?.indexOf('src/'));
    assert.equal(await runHotspots({ folder: service, format: 'text', limit: -1 }, [], () => undefined, () => undefined), 2);
  });

  it('serves a second run from the cache while HEAD stays, and reads again when it moves', async () => {
    const cacheDirectory = mkdtempSync(path.join(tmpdir(), 'incident-lens-cache-'));
    cleanups.push(() => rmSync(cacheDirectory, { recursive: true, force: true }));
    const cold = await computeHotspots(service, incidents(), { now: NOW, cacheDirectory });
    const warm = await computeHotspots(service, incidents(), { now: NOW, cacheDirectory });
    assert.equal(cold.fromCache, false);
    assert.equal(warm.fromCache, true);
    assert.deepEqual(warm.ranking, cold.ranking);
    const moreIncidents = [...incidents(), incident('INC-2026-004')];
    assert.equal((await computeHotspots(service, moreIncidents, { now: NOW, cacheDirectory })).fromCache, false, 'new incident ids change what git must find');
    repo.write('service/new.ts', 'x\n');
    repo.commit('Unrelated');
    const moved = await computeHotspots(service, incidents(), { now: NOW, cacheDirectory });
    assert.equal(moved.fromCache, false);
    assert.ok(moved.folderFiles.includes('new.ts'), 'the file list follows the index');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
  });

  it('runs no git at all for an untrusted workspace: explicit links only', async () => {
    const result = await computeHotspots(service, [incident('INC-2026-001', [{ sha: short(shas.fix), role: 'fix' }], { codeLinks: [{ path: 'src/cache/**' }] })], { now: NOW, useGit: false });
    assert.deepEqual(
      result.ranking.files.map((file) => file.path),
      ['src/cache/cache client.ts', 'src/cache/ttl.ts'],
    );
    assert.equal(result.history.commits.length, 0);
  });

  it('gives explicit links where there is no repository', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'incident-lens-nogit-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const result = await computeHotspots(folder, [incident('A-1', [{ sha: 'abcdef1', role: 'fix' }], { codeLinks: [{ path: 'a.ts' }] })], { now: NOW });
    assert.deepEqual(
      result.ranking.files.map((file) => file.path),
      ['a.ts'],
    );
    assert.deepEqual(
      result.history.problems.map((problem) => problem.kind),
      ['no-history'],
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(readGitHistory(service, historyRequestFor(incidents()), { signal: controller.signal }), { name: 'AbortError' });
  });
});

describe('hotspots: broken and partial repositories', function () {
  this.timeout(10_000);
  const repos: TestRepo[] = [];
  let template: TestRepo;
  let shas: string[];
  let incidents: HotspotIncident[];

  /** Ten commits, each fixing one incident in its own file; built once, copied per test. */
  before(() => {
    template = TestRepo.create();
    repos.push(template);
    shas = template.importHistory(
      Array.from({ length: 10 }, (_, i) => ({ message: `Fix INC-${i}`, files: { [`src/f${i}.ts`]: `export const v${i} = ${i};\n`, 'src/shared.ts': `export const last = ${i};\n` } })),
    );
    incidents = shas.map((sha, i) => incident(`INC-${i}`, [{ sha, role: 'fix' }]));
  });
  after(() => repos.forEach((repo) => repo.remove()));

  function linearRepository(): TestRepo {
    const repo = template.copy();
    repos.push(repo);
    return repo;
  }

  /** History and ranking from one run, as the CLI and the editor get them. */
  async function hotspots(folder: string): Promise<{ history: HistoryFacts; ranked: string[] }> {
    const result = await computeHotspots(folder, incidents, { now: NOW });
    return { history: result.history, ranked: result.ranking.files.map((file) => file.path) };
  }

  it('reads a shallow clone as far as it goes, without blaming the boundary commit for every file', async () => {
    const repo = linearRepository();
    const clone = repo.shallowClone(3);
    repos.push(clone);
    const { history, ranked } = await hotspots(clone.dir);
    assert.deepEqual(filesOf(history, shas[9]), ['src/f9.ts', 'src/shared.ts']);
    assert.deepEqual(filesOf(history, shas[7]), [], 'the boundary commit diffs against nothing');
    assert.deepEqual(kinds(history), [
      ...shas.slice(0, 7).map((sha) => `missing-commit:${short(sha)}`),
      `shallow-boundary:${short(shas[7])}`,
    ].sort());
    assert.match(history.problems.find((problem) => problem.kind === 'missing-commit')?.message ?? '', /shallow clone/);
    assert.deepEqual(ranked.slice(0, 3), ['src/shared.ts', 'src/f8.ts', 'src/f9.ts']);
  });

  it('still ranks when a commit object is missing: the history behind it is reported', async () => {
    const repo = linearRepository();
    repo.deleteObject(shas[4] as string);
    const { history, ranked } = await hotspots(repo.dir);
    assert.deepEqual(filesOf(history, shas[9]), ['src/f9.ts', 'src/shared.ts']);
    assert.deepEqual(filesOf(history, shas[6]), ['src/f6.ts', 'src/shared.ts']);
    assert.deepEqual(filesOf(history, shas[2]), ['src/f2.ts', 'src/shared.ts'], 'listed commits behind the gap are still read');
    assert.ok(kinds(history).includes(`history-truncated:${short(shas[4])}`));
    assert.ok(kinds(history).includes(`unreadable-commit:${short(shas[5])}`), 'its child cannot be diffed');
    assert.ok(ranked.includes('src/f9.ts'));
  });

  it('still ranks when a tree is missing', async () => {
    const repo = linearRepository();
    repo.deleteObject(repo.git('rev-parse', `${shas[5]}^{tree}`).trim());
    const { history, ranked } = await hotspots(repo.dir);
    assert.deepEqual(filesOf(history, shas[9]), ['src/f9.ts', 'src/shared.ts']);
    assert.deepEqual(filesOf(history, shas[3]), ['src/f3.ts', 'src/shared.ts']);
    assert.deepEqual(kinds(history), [`unreadable-commit:${short(shas[5])}`, `unreadable-commit:${short(shas[6])}`].sort());
    assert.deepEqual(ranked, ['src/shared.ts', ...[0, 1, 2, 3, 4, 7, 8, 9].map((i) => `src/f${i}.ts`)], 'all but the unreadable fixes');
  });

  it('still ranks when a blob is missing: only that fix loses its changed lines', async () => {
    const repo = linearRepository();
    repo.deleteObject(repo.git('rev-parse', `${shas[5]}:src/f5.ts`).trim());
    const { history, ranked } = await hotspots(repo.dir);
    assert.deepEqual(filesOf(history, shas[5]), ['src/f5.ts', 'src/shared.ts']);
    assert.equal(history.commits.find((commit) => commit.sha === shas[5])?.lines, undefined);
    assert.deepEqual(history.commits.find((commit) => commit.sha === shas[6])?.lines, { 'src/f6.ts': [{ start: 1, end: 1 }], 'src/shared.ts': [{ start: 1, end: 1 }] });
    assert.deepEqual(kinds(history), [`unreadable-commit:${short(shas[5])}`]);
    assert.equal(ranked.length, 11);
  });

  it('reports a short sha that names several objects', async () => {
    const repo = template;
    const commits = repo.git('rev-list', 'HEAD').split('\n').filter(Boolean);
    // Real seven-digit collisions take millions of objects; a one-digit prefix that two commits share shows the same.
    const shared = commits.map((sha) => sha.charAt(0)).find((digit, i, digits) => digits.indexOf(digit) !== i) as string;
    const history = await readGitHistory(repo.dir, { commits: [{ sha: shared, wantLines: false, elsewhere: false }], incidentIds: incidents.map((i) => i.id) });
    assert.deepEqual(history.problems.map((problem) => problem.kind), ['ambiguous-commit']);
  });
});
