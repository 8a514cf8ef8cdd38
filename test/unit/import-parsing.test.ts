/** The importer's readers one by one: stamps, zones, durations, kinds, names, YAML scalars. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import * as jsYaml from 'js-yaml';
import { parseDateLine, parseStamp, splitLeadingStamp } from '../../src/core/import/dates';
import { markerOf } from '../../src/core/import/entry-kind';
import { guessFactorKind } from '../../src/core/import/factors';
import { cleanTitle, idFromName, slugify } from '../../src/core/import/identity';
import { classifyHeading } from '../../src/core/import/sections';
import { toLevel } from '../../src/core/import/severity';
import { parseDuration } from '../../src/core/import/stats';
import { importPostmortem } from '../../src/core/import/index';
import { yamlString } from '../../src/core/import/yaml-writer';
import { findZoneStatement, parseZone, zonedTimestamp } from '../../src/core/import/zones';

describe('import: reading stamps', () => {
  const cases: Array<[string, Partial<Record<'date' | 'time' | 'until' | 'timeProblem' | 'dateProblem', string>>]> = [
    ['2019-11-29 12:00', { date: '2019-11-29', time: '12:00' }],
    ['2021-12-10   15:40', { date: '2021-12-10', time: '15:40' }],
    ['2024-04-09 8:40', { date: '2024-04-09', time: '08:40' }],
    ['2020-11-17 10:45~', { date: '2020-11-17', time: '10:45' }],
    ['~2025-03-03 19:30', { date: '2025-03-03', time: '19:30' }],
    ['2020-10-06 09:00 - 11:00', { date: '2020-10-06', time: '09:00', until: '11:00' }],
    ['2022-08-03 12:26-12:??', { date: '2022-08-03', time: '12:26', until: '12:??' }],
    ['2024-03-13 HH:mm', { date: '2024-03-13', timeProblem: 'the time is a placeholder' }],
    ['2019-12-03 --:--', { date: '2019-12-03', timeProblem: 'the time is a placeholder' }],
    ['2024-03-13 14:??', { date: '2024-03-13', timeProblem: 'the minutes are not known (14:??)' }],
    ['2022-05-?? HH:mm', { dateProblem: 'the date is not complete', timeProblem: 'the time is a placeholder' }],
    ['2:51 PM', { time: '14:51' }],
    ['12:15 am', { time: '00:15' }],
    ['Dec 4, 2019 14:51', { date: '2019-12-04', time: '14:51' }],
    ['4 December 2019, 09:05', { date: '2019-12-04', time: '09:05' }],
    ['2019-12-05T12:00:00Z', { date: '2019-12-05', time: '12:00' }],
    ['31/12/2024 23:59', { date: '2024-12-31', time: '23:59' }],
    ['03/04/2024 10:00', { dateProblem: '03/04/2024 could be day/month or month/day', time: '10:00' }],
    ['2023-02-30 10:00', { dateProblem: '2023-02-30 is not a real date', time: '10:00' }],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => {
      const stamp = parseStamp(text);
      assert.ok(stamp);
      const pad = (n: number): string => String(n).padStart(2, '0');
      const seen = {
        date: stamp.date && `${stamp.date.year}-${pad(stamp.date.month)}-${pad(stamp.date.day)}`,
        time: stamp.time && `${pad(stamp.time.hour)}:${pad(stamp.time.minute)}`,
        until: stamp.until,
        timeProblem: stamp.timeProblem,
        dateProblem: stamp.dateProblem,
      };
      for (const key of ['date', 'time', 'until', 'timeProblem', 'dateProblem'] as const) assert.equal(seen[key], expected[key], key);
    });
  }

  it('finds the stamp at the start of list lines and leaves the text', () => {
    const split = (line: string): [string, string] | undefined => {
      const found = splitLeadingStamp(line);
      return found && [found.written, found.rest];
    };
    assert.deepEqual(split('- 14:51 News reports'), ['14:51', 'News reports']);
    assert.deepEqual(split('- **14:51:** News'), ['14:51', 'News']);
    assert.deepEqual(split('* [14:51] News'), ['14:51', 'News']);
    assert.deepEqual(split('1. 14:51 UTC — News'), ['14:51 UTC', 'News']);
    assert.deepEqual(split('- Dec 4, 2:10 PM PST: deploy'), ['Dec 4, 2:10 PM PST', 'deploy']);
    assert.deepEqual(split('- 14:05-14:20 Investigating'), ['14:05-14:20', 'Investigating']);
    assert.deepEqual(split('- 14:51 30 nodes replaced'), ['14:51', '30 nodes replaced']);
    assert.deepEqual(split('- 14:05 API errors start'), ['14:05', 'API errors start']);
    assert.equal(split('- 2 nodes failed'), undefined);
    assert.equal(split('- Rolled back the deploy'), undefined);
  });

  it('reads lines that only give a date', () => {
    assert.deepEqual(parseDateLine('### Tuesday, March 5, 2024'), { date: { year: 2024, month: 3, day: 5 }, monthDay: undefined });
    assert.deepEqual(parseDateLine('**Date**: 2019-12-05  '), { date: { year: 2019, month: 12, day: 5 }, monthDay: undefined });
    assert.deepEqual(parseDateLine('2015-10-21 (all times UTC)'), { date: { year: 2015, month: 10, day: 21 }, monthDay: undefined });
    assert.deepEqual(parseDateLine('### December 4'), { date: undefined, monthDay: { month: 12, day: 4 } });
    assert.equal(parseDateLine('On 4 December we rolled back'), undefined);
  });
});

describe('import: reading zones', () => {
  it('finds the zone a line states', () => {
    const label = (line: string): string | undefined => findZoneStatement(line)?.label;
    assert.equal(label('All times in CET.'), 'CET');
    assert.equal(label('| Date and Time in CET | Event |'), 'CET');
    assert.equal(label('**Timezone**: CET'), 'CET');
    assert.equal(label('Time (UTC)'), 'UTC');
    assert.equal(label('Timeline (UTC)'), 'UTC');
    assert.equal(label('Times are PST'), 'PST');
    assert.equal(label('All times are Europe/Oslo.'), 'Europe/Oslo');
    assert.equal(label('All times UTC+2'), 'UTC+2');
    assert.equal(label('Time to detection: 64 minutes'), undefined);
    assert.equal(label('Time | Event'), undefined);
  });

  it('gives abbreviations their literal offset and regions their daylight saving', () => {
    const at = (zone: string, month: number): string => zonedTimestamp({ year: 2024, month, day: 1 }, { hour: 9, minute: 5, second: 0 }, parseZone(zone)!).iso;
    assert.equal(at('CET', 7), '2024-07-01T09:05:00+01:00');
    assert.equal(at('CEST', 7), '2024-07-01T09:05:00+02:00');
    assert.equal(at('Europe/Oslo', 7), '2024-07-01T09:05:00+02:00');
    assert.equal(at('Europe/Oslo', 1), '2024-01-01T09:05:00+01:00');
    assert.equal(at('PT', 7), '2024-07-01T09:05:00-07:00');
    assert.equal(at('UTC', 7), '2024-07-01T09:05:00Z');
    assert.equal(at('+05:30', 7), '2024-07-01T09:05:00+05:30');
    assert.equal(at('CET/CEST', 7), '2024-07-01T09:05:00+02:00', 'a winter/summer pair means local time');
    assert.equal(at('CET/CEST', 1), '2024-01-01T09:05:00+01:00');
    assert.equal(parseZone('API'), undefined);
  });
});

describe('import: reading words', () => {
  it('reads durations from stats lines, and not vague ones', () => {
    assert.equal(parseDuration('64 minutes'), 64);
    assert.equal(parseDuration('19 hours 43 minutes.'), 1183);
    assert.equal(parseDuration('2h 5m'), 125);
    assert.equal(parseDuration('11 Days'), 15840);
    assert.equal(parseDuration('53? minutes'), undefined);
    assert.equal(parseDuration('N/A'), undefined);
    assert.equal(parseDuration('???'), undefined);
    assert.equal(parseDuration('about an hour'), undefined);
  });

  it('classifies headings in their usual variations', () => {
    assert.equal(classifyHeading('Contributing Factors (findings)'), 'factors');
    assert.equal(classifyHeading('Root cause'), 'factors');
    assert.equal(classifyHeading('Follow-ups'), 'actions');
    assert.equal(classifyHeading('Action Items'), 'actions');
    assert.equal(classifyHeading('Timeline (UTC)'), 'timeline');
    assert.equal(classifyHeading('Chronology'), 'timeline');
    assert.equal(classifyHeading('Atendees'), 'participants');
    assert.equal(classifyHeading('Lessons Learned'), 'learnings');
    assert.equal(classifyHeading('What went well'), 'went-well');
    assert.equal(classifyHeading('TL;DR'), 'summary');
    assert.equal(classifyHeading('Actions taken'), 'narrative');
    assert.equal(classifyHeading('Kubernetes upgrade'), undefined);
  });

  it('reads timeline markers', () => {
    assert.equal(markerOf('**Detection:** We received alerts')?.marker, 'detected');
    assert.equal(markerOf('Detection: We received alerts')?.marker, 'detected');
    assert.equal(markerOf('OUTAGE BEGINS — backends melt')?.marker, 'started');
    assert.equal(markerOf('Target group reattached (resolved).')?.marker, 'resolved');
  });

  it('guesses factor kinds', () => {
    assert.equal(guessFactorKind('No monitoring of network subnet capacity'), 'monitoring');
    assert.equal(guessFactorKind('Amazon specific release notes differs from official CoreDNS release notes'), 'change');
    assert.equal(guessFactorKind('Missing physical war room'), 'other');
    assert.equal(guessFactorKind('Knowledge of Alcide was not distributed among team members'), 'knowledge');
  });

  it('reads ids, titles, slugs and severities', () => {
    assert.equal(idFromName('PM2019-009 - Kubernetes network infrastructure IP starvation.md'), 'PM2019-009');
    assert.equal(idFromName('PMyyyy-nnn - Postmortem template.md'), undefined);
    assert.equal(idFromName('2024-03-13-node-failure.md'), undefined);
    assert.equal(cleanTitle('Post-mortem: Search outage', undefined), 'Search outage');
    assert.equal(cleanTitle('Incident Title', undefined), undefined);
    assert.equal(slugify('Kubernetes ingress controller Traefik v2 configuration caused outage'), 'kubernetes-ingress-controller-traefik-v2');
    assert.equal(slugify('Ça coûte 100%!'), 'ca-coute-100');
    assert.equal(toLevel('Sev 1', ['SEV1', 'SEV2', 'SEV3', 'SEV4']), 'SEV1');
    assert.equal(toLevel('High', ['SEV1', 'SEV2', 'SEV3', 'SEV4']), 'SEV2');
    assert.equal(toLevel('P0', ['SEV1', 'SEV2', 'SEV3', 'SEV4']), undefined);
  });

  it('takes an id from the title heading when the file name has none', () => {
    const result = importPostmortem('notes.md', '# INC-2021-3: DNS outage\n\n## Timeline\n\n- 2021-05-04 10:00 UTC resolver config pushed\n', { existingIds: [], defaultSeverity: 'SEV3' });
    assert.equal(result.id, 'INC-2021-3');
    assert.match(result.text, /^title: DNS outage$/m);
    assert.equal(result.fileName, '2021-05-04-dns-outage.md');
  });
});

describe('import: YAML scalars', () => {
  it('writes any string so that YAML reads it back unchanged, as a string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const text = `key: ${yamlString(value)}\n`;
        assert.equal((parseYaml(text) as { key: unknown }).key, value);
        assert.equal((jsYaml.load(text) as { key: unknown }).key, value);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves ordinary words plain and quotes what YAML would misread', () => {
    assert.equal(yamlString('Rolled back to v41'), 'Rolled back to v41');
    assert.equal(yamlString('yes'), '"yes"');
    assert.equal(yamlString('Alert: p99 latency'), '"Alert: p99 latency"');
    assert.equal(yamlString('2019-11-29'), '"2019-11-29"');
    assert.equal(yamlString('- a list?'), '"- a list?"');
  });
});
