/**
 * The top insight: which signal wins, and that its sentence carries the
 * numbers behind it. Also code areas from hotspot history.
 */
import * as assert from 'node:assert/strict';
import { scoreHotspots } from '../../src/core/hotspots/score';
import type { HistoryFacts, HotspotIncident } from '../../src/core/hotspots/types';
import { hotspotIncidents } from '../../src/core/hotspotIncidents';
import { buildInsights } from '../../src/core/insights';
import { periodPhrase } from '../../src/core/insights/topInsight';
import type { InsightSource } from '../../src/core/insights/types';
import { A, ALL, B, C, D, E, F, SEVERITIES, TODAY, source } from './insights-fixtures';

const top = (sources: readonly InsightSource[], filters = {}) => buildInsights(sources, { todayMs: TODAY, severities: SEVERITIES, filters }).top;

describe('insights: top insight', () => {
  it('names the strongest signal with its numbers: a code area beats a service on an equal share', () => {
    const result = top(ALL);
    assert.equal(result.kind, 'area');
    assert.equal(result.sentence, '3 of 6 incidents since January 2026 touched src/cache/ — more than any other area (next: src/checkout/, 1); all of them were SEV1–2.');
    assert.deepEqual(result.incidents, [A.key, B.key, F.key]);
  });

  it('picks the larger share across kinds', () => {
    // Without code links, checkout (3 of 5) is the strongest signal left.
    const noCode = ALL.map((entry) => ({ ...entry, incident: { ...entry.incident, code: [] } }));
    const result = top(noCode);
    assert.equal(result.kind, 'service');
    assert.equal(result.sentence, '3 of 6 incidents since January 2026 affected checkout — as many as cache; all of them were SEV1–2 (cache: 2).');
  });

  it('does not report the filtered service as news', () => {
    const result = top(ALL, { service: 'cache' });
    assert.notEqual(result.kind, 'service');
    assert.match(result.sentence, /^2 of 3 incidents in January 2026 touched src\/cache\//);
  });

  it('speaks of overdue items when most open ones are late', () => {
    const late = ['A1', 'A2', 'A3'].map((id) => `  - {id: ${id}, title: Fix ${id}, owner: Sam, due: 2026-03-01, status: open}`);
    const sources = [1, 2, 3].map((n) =>
      source(`incidents/x${n}.md`, [`id: INC-2026-10${n}`, 'title: Something', 'status: reviewed', `severity: SEV${n + 1}`, `started: 2026-0${n}-01T00:00:00Z`, 'actions:', ...late.slice(0, n)]),
    );
    const result = top(sources);
    assert.equal(result.kind, 'follow-through');
    assert.equal(result.sentence, '6 of 6 open action items from 3 incidents since January 2026 are overdue as of 2026-05-01; 3 incidents are waiting on them.');
  });

  it('says so when nothing stands out', () => {
    const result = top([C]);
    assert.equal(result.kind, 'none');
    assert.match(result.sentence, /^1 incident in February 2026: no code area, service or contributing factor recurs/);
    assert.deepEqual(result.incidents, []);
  });

  it('says so when there is nothing to read', () => {
    assert.equal(top([]).sentence, 'There are no incidents to read yet.');
    assert.equal(top(ALL, { severity: 'SEV4', from: '2026-01-01' }).sentence, 'No incidents match these filters.');
  });

  it('words the period from the data and the filters', () => {
    assert.equal(periodPhrase('2026-06-09', undefined, '2026-11-25'), 'since June 2026');
    assert.equal(periodPhrase('2026-06-09', undefined, '2026-06-30'), 'in June 2026');
    assert.equal(periodPhrase('2026-06-01', '2026-09-30'), 'from June 2026 to September 2026');
    assert.equal(periodPhrase(undefined, '2026-09-30'), 'until September 2026');
    assert.equal(periodPhrase(undefined, undefined), '');
  });
});

describe('insights: code areas from hotspot history', () => {
  const history = (commits: HistoryFacts['commits']): HistoryFacts => ({ commits, resolved: {}, problems: [] });

  it('rolls the hot files up to folders, commits included, runbooks changed alongside a fix left out', () => {
    const incidents: HotspotIncident[] = hotspotIncidents(ALL.map(({ path, incident }) => ({ path, incident })));
    const ranking = scoreHotspots(
      {
        incidents,
        history: history([{ sha: 'a'.repeat(40), date: Date.UTC(2026, 1, 21), mentions: ['INC-2026-004'], files: ['docs/runbooks/checkout.md', 'src/checkout/b.ts'] }]),
        repoFiles: ['src/cache/client.ts', 'src/cache/ttl.ts', 'src/cache/redis/pool.ts', 'deploy/cache/redis.yaml', 'src/checkout/a.ts', 'src/checkout/b.ts', 'docs/runbooks/checkout.md'],
      },
      { now: TODAY },
    );
    const areas = buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES, history: [{ folder: '', ranking, fromHistory: true }] }).areas;
    assert.equal(areas.source, 'history');
    assert.deepEqual(
      areas.rows.map((row) => [row.label, row.incidents]),
      [
        ['src/cache', [A.key, B.key, F.key]],
        ['src/checkout', [D.key]],
        ['deploy/cache', [B.key]],
        ['src/cache/redis', [B.key]],
      ],
    );
    assert.deepEqual(areas.without, [C.key, E.key]);
  });

  it('counts a prose file when an incident links it explicitly', () => {
    const linked = { ...D, incident: { ...D.incident, code: [...D.incident.code, { ...D.incident.code[0], path: 'docs/runbooks/checkout.md' }] } };
    const sources = [A, linked];
    const ranking = scoreHotspots({ incidents: hotspotIncidents(sources), history: history([]), repoFiles: ['docs/runbooks/checkout.md'] }, { now: TODAY });
    const areas = buildInsights(sources, { todayMs: TODAY, severities: SEVERITIES, history: [{ folder: '', ranking, fromHistory: true }] }).areas;
    assert.ok(areas.rows.some((row) => row.label === 'docs/runbooks' && row.incidents.includes(D.key)));
  });

  it('prefixes areas with the folder in a multi-root workspace, and says when only some folders had history', () => {
    const other = source('incidents/z.md', ['id: INC-2026-001', 'title: Other', 'status: resolved', 'severity: SEV3', 'started: 2026-03-01T00:00:00Z', 'code:', '  - {path: lib/x.ts}'], 'api');
    const mine = ALL.map((entry) => ({ ...entry, key: `web/${entry.path}`, folder: 'web' }));
    const ranking = scoreHotspots({ incidents: hotspotIncidents([{ path: other.path, incident: other.incident }]), history: history([]), repoFiles: ['lib/x.ts'] }, { now: TODAY });
    const areas = buildInsights([...mine, other], { todayMs: TODAY, severities: SEVERITIES, history: [{ folder: 'api', ranking, fromHistory: true }] }).areas;
    assert.equal(areas.source, 'mixed');
    const lib = areas.rows.find((row) => row.label === 'api/lib');
    assert.deepEqual(lib?.incidents, [other.key], 'the same id in another folder is another incident');
    assert.ok(areas.rows.some((row) => row.label === 'web/src/cache' && row.count === 3));
  });
});
