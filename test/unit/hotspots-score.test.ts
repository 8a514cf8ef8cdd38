import * as assert from 'node:assert/strict';
import { historyRequestFor } from '../../src/core/hotspots/historyRequest';
import { scoreHotspots } from '../../src/core/hotspots/score';
import { type CommitFacts, EMPTY_HISTORY, type HistoryFacts, type HotspotIncident } from '../../src/core/hotspots/types';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 25);

function incident(id: string, overrides: Partial<HotspotIncident> = {}): HotspotIncident {
  return { id, title: `Incident ${id}`, severity: 'SEV4', started: NOW, codeLinks: [], commits: [], ...overrides };
}

const links = (...paths: string[]) => paths.map((path) => ({ path }));

function history(commits: CommitFacts[], resolved: Record<string, string> = {}): HistoryFacts {
  return { commits, resolved, problems: [] };
}

const scoreOf = (ranking: ReturnType<typeof scoreHotspots>, path: string) => ranking.files.find((file) => file.path === path)?.score;

describe('hotspots: scoring', () => {
  it('weighs incidents by severity, 8/4/2/1 by default', () => {
    const ranking = scoreHotspots(
      {
        incidents: ['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((severity, i) => incident(`INC-${i}`, { severity, codeLinks: links(`f${i}.ts`) })),
        history: EMPTY_HISTORY,
        repoFiles: [],
      },
      { now: NOW },
    );
    assert.deepEqual(
      ranking.files.map((file) => [file.path, file.score]),
      [
        ['f0.ts', 8],
        ['f1.ts', 4],
        ['f2.ts', 2],
        ['f3.ts', 1],
      ],
    );
  });

  it('takes configured weights; an unknown severity weighs as the lightest', () => {
    const ranking = scoreHotspots(
      { incidents: [incident('A-1', { severity: 'P0', codeLinks: links('a.ts') }), incident('A-2', { severity: 'weird', codeLinks: links('b.ts') })], history: EMPTY_HISTORY, repoFiles: [] },
      { now: NOW, severityWeights: { P0: 10, P1: 3 } },
    );
    assert.equal(scoreOf(ranking, 'a.ts'), 10);
    assert.equal(scoreOf(ranking, 'b.ts'), 3);
  });

  it('halves an incident per half-life of age', () => {
    const input = {
      incidents: [incident('A-1', { codeLinks: links('new.ts') }), incident('A-2', { started: NOW - 180 * DAY, codeLinks: links('old.ts') }), incident('A-3', { started: NOW - 360 * DAY, codeLinks: links('older.ts') })],
      history: EMPTY_HISTORY,
      repoFiles: [],
    };
    const ranking = scoreHotspots(input, { now: NOW });
    assert.equal(scoreOf(ranking, 'new.ts'), 1);
    assert.ok(Math.abs((scoreOf(ranking, 'old.ts') ?? 0) - 0.5) < 1e-12);
    assert.ok(Math.abs((scoreOf(ranking, 'older.ts') ?? 0) - 0.25) < 1e-12);
    assert.ok(Math.abs((scoreOf(scoreHotspots(input, { now: NOW, halfLifeDays: 90 }), 'old.ts') ?? 0) - 0.25) < 1e-12);
  });

  it('counts future incidents as new and undated ones undecayed', () => {
    const ranking = scoreHotspots(
      { incidents: [incident('A-1', { started: NOW + 10 * DAY, codeLinks: links('a.ts') }), { ...incident('A-2', { codeLinks: links('b.ts') }), started: undefined }], history: EMPTY_HISTORY, repoFiles: [] },
      { now: NOW },
    );
    assert.equal(scoreOf(ranking, 'a.ts'), 1);
    assert.equal(scoreOf(ranking, 'b.ts'), 1);
  });

  it("shares an incident's weight across the files it touched", () => {
    const ranking = scoreHotspots({ incidents: [incident('A-1', { severity: 'SEV1', codeLinks: links('a.ts', 'b.ts', 'c.ts', 'd.ts') })], history: EMPTY_HISTORY, repoFiles: [] }, { now: NOW });
    assert.deepEqual(
      ranking.files.map((file) => file.score),
      [2, 2, 2, 2],
    );
  });

  it('keeps the raw count and the incidents that make up each score, highest share first', () => {
    const ranking = scoreHotspots(
      {
        incidents: [incident('A-1', { codeLinks: links('a.ts', 'b.ts') }), incident('A-2', { severity: 'SEV1', codeLinks: links('a.ts', 'c.ts', 'd.ts', 'e.ts') })],
        history: EMPTY_HISTORY,
        repoFiles: ['a.ts'],
      },
      { now: NOW },
    );
    const top = ranking.files[0];
    assert.equal(top?.path, 'a.ts');
    assert.equal(top?.score, 2.5);
    assert.equal(top?.count, 2);
    assert.equal(top?.exists, true);
    assert.deepEqual(
      top?.incidents.map((share) => [share.id, share.share, share.roles]),
      [
        ['A-2', 2, ['code']],
        ['A-1', 0.5, ['code']],
      ],
    );
    assert.equal(ranking.files.find((file) => file.path === 'b.ts')?.exists, false);
  });

  it('breaks score ties by count, then by path', () => {
    const ranking = scoreHotspots(
      {
        incidents: [
          incident('A-1', { severity: 'SEV3', codeLinks: links('z.ts') }),
          incident('A-2', { codeLinks: links('y.ts') }),
          incident('A-3', { codeLinks: links('y.ts') }),
          incident('A-4', { severity: 'SEV3', codeLinks: links('b.ts') }),
          incident('A-5', { severity: 'SEV3', codeLinks: links('a.ts') }),
        ],
        history: EMPTY_HISTORY,
        repoFiles: [],
      },
      { now: NOW },
    );
    assert.deepEqual(
      ranking.files.map((file) => file.path),
      ['y.ts', 'a.ts', 'b.ts', 'z.ts'],
    );
  });

  it('treats scores equal up to rounding as tied', () => {
    // 1/3 + 1/6 and 1/2 differ in the last bit of a double.
    const ranking = scoreHotspots(
      {
        incidents: [
          incident('A-1', { codeLinks: links('b.ts', 'x1', 'x2') }),
          incident('A-2', { codeLinks: links('b.ts', 'y1', 'y2', 'y3', 'y4', 'y5') }),
          incident('A-3', { codeLinks: links('a.ts', 'z1') }),
        ],
        history: EMPTY_HISTORY,
        repoFiles: [],
      },
      { now: NOW },
    );
    assert.deepEqual(
      ranking.files.slice(0, 2).map((file) => file.path),
      ['b.ts', 'a.ts'],
    );
  });

  it('rolls folders up from their files', () => {
    const ranking = scoreHotspots(
      {
        incidents: [incident('A-1', { severity: 'SEV2', codeLinks: links('src/cache/client.ts', 'src/cache/ttl.ts') }), incident('A-2', { codeLinks: links('src/api/handler.ts') })],
        history: EMPTY_HISTORY,
        repoFiles: [],
      },
      { now: NOW },
    );
    assert.deepEqual(
      ranking.folders.map((folder) => [folder.path, folder.score, folder.count, folder.files, folder.incidentIds]),
      [
        ['src', 5, 2, 3, ['A-1', 'A-2']],
        ['src/cache', 4, 1, 2, ['A-1']],
        ['src/api', 1, 1, 1, ['A-2']],
      ],
    );
  });

  it('expands globs and folder links against the file list; a file named like a glob is itself', () => {
    const repoFiles = ['deploy/cache/a.yaml', 'deploy/cache/sub/b.yaml', 'deploy/other.yaml', 'src/app/[id]/page.tsx', 'src/app/x/page.tsx', 'lib/util.ts'];
    const ranking = scoreHotspots(
      {
        incidents: [
          incident('A-1', { severity: 'SEV2', codeLinks: links('deploy/cache/**') }),
          incident('A-2', { codeLinks: links('src/app/[id]/page.tsx') }),
          incident('A-3', { codeLinks: links('./lib/') }),
          incident('A-4', { codeLinks: links('/etc/passwd', '../outside.ts') }),
        ],
        history: EMPTY_HISTORY,
        repoFiles,
      },
      { now: NOW },
    );
    assert.deepEqual(
      ranking.files.map((file) => [file.path, file.score]),
      [
        ['deploy/cache/a.yaml', 2],
        ['deploy/cache/sub/b.yaml', 2],
        ['lib/util.ts', 1],
        ['src/app/[id]/page.tsx', 1],
      ],
    );
  });

  it('counts an incident once per file, whether linked by code, commits or both', () => {
    const fix: CommitFacts = { sha: 'a'.repeat(40), date: NOW, mentions: [], files: ['src/a.ts', 'src/b.ts'], lines: { 'src/a.ts': [{ start: 3, end: 5 }] } };
    const mention: CommitFacts = { sha: 'b'.repeat(40), date: NOW, mentions: ['INC-1'], files: ['src/a.ts', 'incidents/2026-11-20-cache.md'] };
    const ranking = scoreHotspots(
      {
        incidents: [incident('INC-1', { severity: 'SEV2', codeLinks: [{ path: 'src/a.ts', lines: { start: 40, end: 41 } }], commits: [{ sha: 'aaaaaaa', role: 'fix' }] })],
        history: history([fix, mention], { aaaaaaa: fix.sha }),
        repoFiles: ['src/a.ts', 'src/b.ts'],
      },
      { now: NOW },
    );
    assert.deepEqual(
      ranking.files.map((file) => [file.path, file.score, file.count]),
      [
        ['src/a.ts', 2, 1],
        ['src/b.ts', 2, 1],
      ],
      'the incident write-up a commit adds is not a hotspot',
    );
    const share = ranking.files[0]?.incidents[0];
    assert.deepEqual(share?.roles, ['code', 'fix', 'related']);
    assert.deepEqual(share?.lines, [
      { start: 40, end: 41, role: 'code' },
      { start: 3, end: 5, role: 'fix', commit: fix.sha },
    ]);
  });

  it('links commits that name an incident as related, unless listed with another role', () => {
    const trigger: CommitFacts = { sha: 'c'.repeat(40), date: NOW, mentions: ['INC-2'], files: ['a.ts'] };
    const related: CommitFacts = { sha: 'd'.repeat(40), date: NOW, mentions: ['INC-2', 'INC-3'], files: ['b.ts'] };
    const ranking = scoreHotspots(
      {
        incidents: [incident('INC-2', { commits: [{ sha: trigger.sha.toUpperCase(), role: 'trigger' }] }), incident('INC-3')],
        history: history([trigger, related], { [trigger.sha]: trigger.sha }),
        repoFiles: [],
      },
      { now: NOW },
    );
    const rolesOf = (path: string) => ranking.files.find((file) => file.path === path)?.incidents.map((share) => `${share.id}:${share.roles.join('+')}`);
    assert.deepEqual(rolesOf('a.ts'), ['INC-2:trigger']);
    assert.deepEqual(rolesOf('b.ts'), ['INC-3:related', 'INC-2:related'], 'INC-3 gives b.ts all its weight, INC-2 half');
  });

  it("counts a commit listed with another repository's name when this one has it (a fork, a mirror)", () => {
    const commit: CommitFacts = { sha: 'e'.repeat(40), date: NOW, mentions: [], files: ['a.ts'] };
    const incidents = [incident('INC-4', { commits: [{ sha: 'eeeeeee', role: 'fix', repo: 'https://github.com/upstream/repo' }] })];
    assert.deepEqual(historyRequestFor(incidents).commits, [{ sha: 'eeeeeee', wantLines: true, elsewhere: true }]);
    assert.deepEqual(
      scoreHotspots({ incidents, history: history([commit], { eeeeeee: commit.sha }), repoFiles: [] }, { now: NOW }).files.map((file) => file.path),
      ['a.ts'],
    );
  });

  it('asks git for listed shas (lines for fixes only) and every incident id, in a stable order', () => {
    const request = historyRequestFor([
      incident('INC-9', { commits: [{ sha: 'BBBBBBB', role: 'fix', repo: 'other' }, { sha: 'not hex!', role: 'fix' }] }),
      incident('INC-1', { commits: [{ sha: 'aaaaaaa', role: 'related', repo: 'other' }, { sha: 'bbbbbbb', role: 'trigger' }] }),
    ]);
    assert.deepEqual(request, {
      commits: [
        { sha: 'aaaaaaa', wantLines: false, elsewhere: true },
        { sha: 'bbbbbbb', wantLines: true, elsewhere: false },
      ],
      incidentIds: ['INC-1', 'INC-9'],
    });
  });
});
