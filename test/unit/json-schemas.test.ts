// The JSON Schemas in schemas/ as other tools use them: read with a real
// validator (ajv, draft-07 as the files declare) over YAML read as those
// tools read it (the `yaml` package, YAML 1.2 core schema), not through the
// linter. Also: the committed files are what the zod schemas generate now,
// and the timestamp and date patterns agree with the parsers they stand for.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/core/frontMatter';
import { jsonSchemaFiles } from '../../src/core/jsonSchemas';
import { lintText } from '../../src/core/lint';
import { DATE_SHAPE, parseDate, parseTimestamp, TIMESTAMP_SHAPE } from '../../src/core/timestamps';

const ROOT = path.resolve(__dirname, '..', '..');
const INCIDENTS = path.join(ROOT, 'examples', 'workspace', 'incidents');

const EXAMPLE_INCIDENTS = [
  '2026-06-09-order-confirmation-emails-delayed.md',
  '2026-06-27-search-empty-results-after-reindex.md',
  '2026-07-15-load-test-cache-evicted-baskets.md',
  '2026-08-04-customers-charged-twice.md',
  '2026-08-29-stale-promotion-prices.md',
  '2026-09-22-checkout-latency-cache-ttl.md',
  '2026-10-13-duplicate-delivery-push-notifications.md',
  '2026-11-06-checkout-unavailable-eu-west-deploy.md',
  '2026-11-24-search-latency-after-cache-key-change.md',
  '2026-11-25-checkout-errors-eu-west.md',
];

const VALID_FRONT_MATTER = `
id: INC-2026-014
title: Checkout errors in eu-west
status: resolved
severity: SEV2
started: 2026-11-20T14:02:00Z
resolved: 2026-11-20T15:10+01:00
commits:
  - {sha: 4be1c3a, role: fix}
actions:
  - {id: A1, title: Alert on error rate, owner: priya, due: 2026-12-01, status: open}
timeline:
  - {at: 2026-11-20T14:02:00Z, kind: trigger, text: Deploy of checkout 4.2}
`;

interface Problem {
  readonly path: string;
  readonly keyword: string;
}

function validator(file: string): ValidateFunction {
  // strict: a keyword ajv does not know, or a type it cannot check, fails here rather than being ignored by some tool.
  const ajv = new Ajv({ strict: true, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')));
}

function problems(validate: ValidateFunction, value: unknown): Problem[] {
  validate(value);
  return (validate.errors ?? []).map((error) => ({ path: error.instancePath, keyword: error.keyword }));
}

function frontMatterOf(text: string): unknown {
  const split = splitFrontMatter(text);
  assert.equal(split.kind, 'ok');
  return split.kind === 'ok' ? parse(text.slice(split.yamlStart, split.yamlEnd)) : undefined;
}

function editedFrontMatter(find: string, replace: string): unknown {
  assert.ok(VALID_FRONT_MATTER.includes(find), find);
  return parse(VALID_FRONT_MATTER.replace(find, replace));
}

describe('JSON Schemas', () => {
  it('are committed as the zod schemas generate them', () => {
    const generated = jsonSchemaFiles();
    assert.deepEqual(readdirSync(path.join(ROOT, 'schemas')).sort(), Object.keys(generated).sort(), 'schemas/ holds exactly the generated files');
    for (const [name, text] of Object.entries(generated)) {
      const committed = readFileSync(path.join(ROOT, 'schemas', name), 'utf8');
      if (committed !== text) assert.fail(`schemas/${name} differs from what src/core generates: run \`node scripts/schemas.mjs\` (npm run build does too) and commit it`);
    }
  });

  it('are contributed for incidents/catalog.yaml, and the catalog schema is where the manifest says', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: 'incidents/catalog.yaml', url: './schemas/catalog.schema.json' }]);
    assert.doesNotThrow(() => readFileSync(path.join(ROOT, 'schemas', 'catalog.schema.json')));
  });

  describe('front matter', () => {
    const validate = validator('incident-front-matter.schema.json');

    it('accepts every example incident', () => {
      const withFrontMatter = readdirSync(INCIDENTS).filter((name) => name.endsWith('.md') && splitFrontMatter(readFileSync(path.join(INCIDENTS, name), 'utf8')).kind !== 'none');
      assert.deepEqual(withFrontMatter.sort(), EXAMPLE_INCIDENTS);
      for (const name of EXAMPLE_INCIDENTS) {
        const value = frontMatterOf(readFileSync(path.join(INCIDENTS, name), 'utf8'));
        assert.deepEqual(problems(validate, value), [], name);
      }
    });

    it('accepts a small valid incident, and a sha of digits only, which YAML reads as a number', () => {
      assert.deepEqual(problems(validate, parse(VALID_FRONT_MATTER)), []);
      assert.deepEqual(problems(validate, editedFrontMatter('sha: 4be1c3a', 'sha: 1234567')), []);
    });

    it('rejects an unknown status, a severity not in the list, an action without title', () => {
      assert.deepEqual(problems(validate, editedFrontMatter('status: resolved', 'status: triaged')), [{ path: '/status', keyword: 'enum' }]);
      assert.deepEqual(problems(validate, editedFrontMatter('severity: SEV2', 'severity: P1')), [{ path: '/severity', keyword: 'enum' }]);
      assert.deepEqual(problems(validate, editedFrontMatter('title: Alert on error rate, ', '')), [{ path: '/actions/0', keyword: 'required' }]);
    });

    it('rejects a missing required field, an unknown field, a timestamp without offset, an empty timeline text', () => {
      assert.deepEqual(problems(validate, editedFrontMatter('id: INC-2026-014\n', '')), [{ path: '', keyword: 'required' }]);
      assert.deepEqual(problems(validate, editedFrontMatter('severity:', 'sevrity: SEV2\nseverity:')), [{ path: '', keyword: 'additionalProperties' }]);
      assert.deepEqual(problems(validate, editedFrontMatter('started: 2026-11-20T14:02:00Z', 'started: 2026-11-20T14:02:00')), [{ path: '/started', keyword: 'pattern' }]);
      assert.deepEqual(problems(validate, editedFrontMatter('text: Deploy of checkout 4.2', "text: ''")), [{ path: '/timeline/0/text', keyword: 'minLength' }]);
    });

    it('accepts what only the linter can tell is wrong: days that do not exist, times out of order, overdue actions', () => {
      const linterOnly: Array<[find: string, replace: string, code: string]> = [
        ['started: 2026-11-20T14:02:00Z', 'started: 2026-02-30T14:02:00Z', 'invalid-timestamp'],
        ['resolved: 2026-11-20T15:10+01:00', 'resolved: 2026-11-20T13:10Z', 'lifecycle-order'],
        ['due: 2026-12-01', 'due: 2026-01-01', 'action-overdue'],
      ];
      for (const [find, replace, code] of linterOnly) {
        assert.deepEqual(problems(validate, editedFrontMatter(find, replace)), [], replace);
        const incident = `---${VALID_FRONT_MATTER.replace(find, replace)}---\n`;
        const codes = lintText(incident, { todayMs: Date.UTC(2026, 10, 25) }).diagnostics.map((d): string => d.code);
        assert.ok(codes.includes(code), `${replace}: lint says ${codes.join(', ')}`);
      }
    });
  });

  describe('catalog', () => {
    const validate = validator('catalog.schema.json');

    it('accepts the example catalog, and a service with nothing under it', () => {
      assert.deepEqual(problems(validate, parse(readFileSync(path.join(INCIDENTS, 'catalog.yaml'), 'utf8'))), []);
      assert.deepEqual(problems(validate, parse('services:\n  api:\n')), []);
    });

    it('rejects a catalog without services, an unknown field, a contact without name', () => {
      assert.deepEqual(problems(validate, parse('owners: [team-a]\n')), [
        { path: '', keyword: 'required' },
        { path: '', keyword: 'additionalProperties' },
      ]);
      // A service may also be empty (null), so the problem is reported for both ways a service can be.
      const serviceProblems = (where: string, keyword: string) => [
        { path: where, keyword },
        { path: '/services/api', keyword: 'type' },
        { path: '/services/api', keyword: 'anyOf' },
      ];
      assert.deepEqual(problems(validate, parse('services:\n  api:\n    ownrs: [team-a]\n')), serviceProblems('/services/api', 'additionalProperties'));
      assert.deepEqual(problems(validate, parse('services:\n  api:\n    contacts: [{how: chat}]\n')), serviceProblems('/services/api/contacts/0', 'required'));
    });
  });

  describe('patterns', () => {
    const digits = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
    const day = fc.tuple(fc.integer({ min: 0, max: 9999 }), digits(0, 13), digits(0, 32)).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${d}`);
    const time = fc
      .tuple(
        fc.constantFrom('T', 't', ' '),
        digits(0, 25),
        digits(0, 61),
        fc.option(digits(0, 61), { nil: undefined }),
        fc.option(fc.stringMatching(/^\d{0,10}$/), { nil: undefined }),
        fc.constantFrom('Z', 'z', '', '+', '-'),
        digits(0, 25),
        fc.constantFrom('', ':00', '30', ':59', ':60', ':'),
      )
      .map(([t, hh, mm, ss, fraction, sign, offsetHours, offsetMinutes]) => {
        const seconds = ss === undefined ? '' : `:${ss}${fraction === undefined ? '' : `.${fraction}`}`;
        const offset = sign === '+' || sign === '-' ? `${sign}${offsetHours}${offsetMinutes}` : sign;
        return `${t}${hh}:${mm}${seconds}${offset}`;
      });
    // What a pattern accepts and the parser does not: only days past the end of their month (02-30, 04-31).
    const pastMonthEnd = (text: string) => {
      const [year, month, day] = [text.slice(0, 4), text.slice(5, 7), text.slice(8, 10)].map(Number);
      const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return month >= 1 && month <= 12 && day > daysInMonth && day <= 31;
    };

    it('a timestamp matches the pattern when parseTimestamp reads it, and otherwise only on a day past its month', () => {
      fc.assert(
        fc.property(day, time, (date, clock) => {
          const text = date + clock;
          if (parseTimestamp(text)) assert.ok(TIMESTAMP_SHAPE.test(text), text);
          else if (TIMESTAMP_SHAPE.test(text)) assert.ok(pastMonthEnd(text), text);
        }),
        { seed: 20261125, numRuns: 3000 },
      );
    });

    it('a date matches the pattern when parseDate reads it, and otherwise only on a day past its month', () => {
      fc.assert(
        fc.property(day, fc.option(time, { nil: '' }), (date, clock) => {
          const text = date + clock;
          if (parseDate(text) !== undefined) assert.ok(DATE_SHAPE.test(text), text);
          else if (DATE_SHAPE.test(text)) assert.ok(pastMonthEnd(text), text);
        }),
        { seed: 20261125, numRuns: 3000 },
      );
    });
  });
});
