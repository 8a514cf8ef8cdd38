/**
 * `incident-lens hotspots` and `report` score with the folder's
 * `incidentLens.hotspots.*` settings, as the editor's Hotspots view does.
 * Expected scores are worked out by hand below each case.
 */
import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { setClock } from '../../src/core/clock';
import { TestRepo } from './hotspots-repo';

/** 2026-07-01: INC-2026-001 started 180 days before, INC-2026-002 30 days, INC-2026-003 60 days. */
const NOW = Date.UTC(2026, 6, 1);

function incidentFile(id: string, severity: string, started: string, links: readonly string[]): string {
  return ['---', `id: ${id}`, `title: Incident ${id}`, 'status: investigating', `severity: ${severity}`, `started: ${started}`, ...links, '---', ''].join('\n');
}

const SETTINGS = [
  '{',
  '  // Recent and minor incidents matter most here.',
  '  "incidentLens.hotspots.severityWeights": { "SEV1": 1, "SEV3": 10 },',
  '  "incidentLens.hotspots.halfLifeDays": 30,',
  '  "incidentLens.hotspots.commitExcludes": ["docs/**", "lib/**",],',
  '}',
].join('\n');

interface Row {
  readonly path: string;
  readonly score: number;
  readonly incidents: readonly string[];
}

describe('incident-lens hotspots and report: the scoring settings of the folder', function () {
  this.timeout(20_000);
  let repo: TestRepo;
  let restoreClock: () => void;

  before(() => {
    repo = TestRepo.create();
    const [, fix] = repo.importHistory([
      { message: 'Initial import', files: { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'src/c.ts': 'c\n', 'lib/d.ts': 'd\n', 'docs/runbook.md': 'runbook\n' } },
      { message: 'Guard the client', files: { 'src/c.ts': 'c guarded\n', 'lib/d.ts': 'd guarded\n', 'docs/runbook.md': 'runbook, updated\n' } },
    ]);
    repo.write('incidents/2026-01-02-a.md', incidentFile('INC-2026-001', 'SEV1', '2026-01-02T00:00:00Z', ['code:', '  - path: src/a.ts']));
    repo.write('incidents/2026-06-01-b.md', incidentFile('INC-2026-002', 'SEV3', '2026-06-01T00:00:00Z', ['code:', '  - path: src/b.ts']));
    repo.write('incidents/2026-05-02-c.md', incidentFile('INC-2026-003', 'SEV2', '2026-05-02T00:00:00Z', ['commits:', `  - {sha: ${fix.slice(0, 10)}, role: fix}`]));
    restoreClock = setClock(() => NOW);
  });

  after(() => {
    restoreClock();
    repo.remove();
  });

  async function run(...argv: string[]): Promise<string> {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
    assert.equal(code, 0, err);
    assert.equal(err, '');
    return out;
  }

  const hotspots = async (): Promise<Row[]> => JSON.parse(await run('hotspots', repo.dir, '--format', 'json')) as Row[];

  /** The report's "Code areas" section. */
  async function reportedAreas(): Promise<string> {
    const report = await run('report', repo.dir, '--today', '2026-07-01');
    const start = report.indexOf('### Code areas');
    assert.ok(start >= 0, 'the report has a code areas section');
    return report.slice(start, report.indexOf('### Services', start));
  }

  it('without settings: weights 8/4/2/1, a half-life of 180 days, commits count every file but incidents/', async () => {
    repo.write('.vscode/settings.json', '{}');
    assert.deepEqual(await hotspots(), [
      // SEV1 8 × 0.5^(180/180)
      { path: 'src/a.ts', score: 4, incidents: ['INC-2026-001'] },
      // SEV3 2 × 0.5^(30/180) = 1.781797…
      { path: 'src/b.ts', score: 1.7818, incidents: ['INC-2026-002'] },
      // SEV2 4 × 0.5^(60/180) = 3.174802…, shared by the fix's three files
      { path: 'docs/runbook.md', score: 1.05827, incidents: ['INC-2026-003'] },
      { path: 'lib/d.ts', score: 1.05827, incidents: ['INC-2026-003'] },
      { path: 'src/c.ts', score: 1.05827, incidents: ['INC-2026-003'] },
    ]);
  });

  it('with settings: their weights (merged into the defaults), half-life and commit excludes', async () => {
    repo.write('.vscode/settings.json', SETTINGS);
    assert.deepEqual(await hotspots(), [
      // SEV3 10 × 0.5^(30/30)
      { path: 'src/b.ts', score: 5, incidents: ['INC-2026-002'] },
      // SEV2 keeps its default 4: 4 × 0.5^(60/30), all on the one file not excluded
      { path: 'src/c.ts', score: 1, incidents: ['INC-2026-003'] },
      // SEV1 1 × 0.5^(180/30)
      { path: 'src/a.ts', score: 0.015625, incidents: ['INC-2026-001'] },
    ]);
  });

  it('report: a commit counts in the code areas only where the commit excludes let it', async () => {
    repo.write('.vscode/settings.json', '{}');
    const withLib = await reportedAreas();
    assert.match(withLib, /`src\/`/);
    assert.match(withLib, /`lib\/`/);
    repo.write('.vscode/settings.json', SETTINGS);
    const withoutLib = await reportedAreas();
    assert.match(withoutLib, /`src\/`/);
    assert.doesNotMatch(withoutLib, /lib\//);
  });
});
