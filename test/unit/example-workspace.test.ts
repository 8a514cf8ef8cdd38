// The bundled example workspace (examples/workspace) is the product's demo and
// the integration tests' fixture. These checks keep it valid by the format
// contract, independently of the product's own validator, and keep its
// generated git history deterministic.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parse, parseDocument } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKSPACE = path.join(ROOT, 'examples', 'workspace');
const SCRIPT = path.join(ROOT, 'scripts', 'make-example-repo.mjs');
const TODAY = '2026-11-25';

/** The warnings the example is meant to produce: open or in-progress actions past due on TODAY. */
const INTENTIONAL_OVERDUE = ['INC-2026-012 A4', 'INC-2026-014 A2'];

const ID = /^[A-Z][A-Z0-9]*-\d+(-\d+)?$/;
const FILE_NAME = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KNOWN_FIELDS = [
  'id', 'title', 'status', 'severity', 'started', 'detected', 'mitigated', 'resolved', 'services', 'tags', 'roles',
  'participants', 'impact', 'near_miss', 'review', 'code', 'commits', 'factors', 'actions', 'timeline',
];
const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'reviewed'];
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const COMMIT_ROLES = ['trigger', 'fix', 'mitigation', 'related'];
const FACTOR_KINDS = ['change', 'capacity', 'dependency', 'config', 'monitoring', 'process', 'knowledge', 'communication', 'other'];
const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'];
const ACTION_KINDS = ['mitigate', 'prevent', 'detect', 'process', 'learn'];
const TIMELINE_KINDS = ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution'];
const REVIEW_STATUSES = ['draft', 'in-review', 'done'];
const BLAME_PHRASES = ['human error', 'careless', 'should have', 'failed to', 'fault', 'forgot to', 'negligent', 'negligence', "why didn't", 'mistake by'];

type Fields = Record<string, unknown>;

interface Incident {
  file: string;
  fields: Fields;
  body: string;
  /** 1-based line in the file of a front matter value, by its path. */
  lineOf(keys: Array<string | number>): number;
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

const workspaceFiles = listFiles(WORKSPACE);

function matchesSomeFile(glob: string): boolean {
  if (!/[*?[\]{}]/.test(glob)) return fs.existsSync(path.join(WORKSPACE, glob)) && fs.statSync(path.join(WORKSPACE, glob)).isFile();
  const isMatch = picomatch(glob, { dot: true });
  return workspaceFiles.some((f) => isMatch(f));
}

function splitFrontMatter(text: string): { yaml: string; body: string } | undefined {
  const normalised = text.replace(/\r\n/g, '\n');
  if (!normalised.startsWith('---\n')) return undefined;
  const end = normalised.indexOf('\n---\n', 3);
  if (end < 0) return undefined;
  return { yaml: normalised.slice(4, end + 1), body: normalised.slice(end + 5) };
}

function instant(value: unknown, where: string): number {
  assert.equal(typeof value, 'string', `${where}: timestamp must stay a string, got ${typeof value}`);
  const m = TIMESTAMP.exec(value as string);
  assert.ok(m, `${where}: ${String(value)} is not an ISO 8601 timestamp with an offset`);
  const ms = Date.parse(value as string);
  assert.ok(!Number.isNaN(ms), `${where}: ${String(value)} is not a real time`);
  // Date.parse rolls 2026-02-30 over to March; reject that.
  const [, date] = m;
  assert.equal(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), date, `${where}: ${date} is not a real date`);
  return ms;
}

function isRealDate(value: unknown): boolean {
  return typeof value === 'string' && DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function asList(value: unknown, where: string): Fields[] {
  if (value === undefined) return [];
  assert.ok(Array.isArray(value), `${where} must be a list`);
  for (const item of value) assert.ok(item && typeof item === 'object' && !Array.isArray(item), `${where} entries must be maps`);
  return value as Fields[];
}

function fileLines(rel: string): string[] {
  return fs.readFileSync(path.join(WORKSPACE, rel), 'utf8').replace(/\r\n/g, '\n').split('\n');
}

const incidentFiles = workspaceFiles.filter((f) => f.startsWith('incidents/') && f.endsWith('.md') && f !== 'incidents/README.md');

function loadIncidents(): Incident[] {
  return incidentFiles.map((file) => {
    const parts = splitFrontMatter(fs.readFileSync(path.join(WORKSPACE, file), 'utf8'));
    assert.ok(parts, `${file} has no front matter`);
    const doc = parseDocument(parts.yaml);
    assert.deepEqual(doc.errors.map((e) => e.message), [], `${file}: YAML errors`);
    assert.deepEqual(doc.warnings.map((e) => e.message), [], `${file}: YAML warnings`);
    const fields = doc.toJS() as Fields;
    assert.ok(fields && typeof fields === 'object', `${file}: front matter is not a map`);
    const lineOf = (keys: Array<string | number>): number => {
      const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
      assert.ok(node?.range, `${file}: no ${keys.join('.')}`);
      return parts.yaml.slice(0, node.range[0]).split('\n').length + 1;
    };
    return { file, fields, body: parts.body, lineOf };
  });
}

function gitIn(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The example as written is the example on the moment it was written at. */
const WRITTEN_AT = '2026-11-25T09:40:00Z';

function makeRepo(now = WRITTEN_AT): string {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-lens-example-'));
  const printed = execFileSync(process.execPath, [SCRIPT, dest, '--now', now], { encoding: 'utf8' }).trim();
  assert.equal(printed.split('\n').pop(), dest, 'the script prints DEST last');
  return dest;
}

describe('example workspace', () => {
  const incidents = loadIncidents();
  const catalog = parse(fs.readFileSync(path.join(WORKSPACE, 'incidents/catalog.yaml'), 'utf8')) as {
    services: Record<string, { owners: string[]; contacts: Array<{ name: string; how: string }>; runbook: string; code: string[] }>;
  };

  it('has a source tree, CODEOWNERS, an incidents README without front matter and ten incidents', () => {
    for (const dir of ['src/checkout/', 'src/cache/', 'src/search/', 'src/payments/', 'src/notifications/', 'deploy/', 'config/', 'docs/runbooks/']) {
      assert.ok(workspaceFiles.some((f) => f.startsWith(dir)), `no files under ${dir}`);
    }
    assert.ok(workspaceFiles.includes('.github/CODEOWNERS'));
    assert.ok(workspaceFiles.includes('README.md'));
    const readme = fs.readFileSync(path.join(WORKSPACE, 'incidents/README.md'), 'utf8');
    assert.ok(!readme.startsWith('---'), 'incidents/README.md must not have front matter');
    assert.equal(incidents.length, 10);
  });

  it('has a catalog whose services have owners, ordered contacts, existing runbooks and matching code globs', () => {
    const names = Object.keys(catalog.services);
    assert.ok(names.length >= 5);
    for (const [name, service] of Object.entries(catalog.services)) {
      assert.ok(Array.isArray(service.owners) && service.owners.length > 0, `${name}: owners`);
      assert.ok(Array.isArray(service.contacts) && service.contacts.length > 0, `${name}: contacts`);
      for (const contact of service.contacts) assert.ok(contact.name && contact.how, `${name}: contact needs name and how`);
      assert.ok(fs.existsSync(path.join(WORKSPACE, service.runbook)), `${name}: runbook ${service.runbook} missing`);
      assert.ok(service.runbook.startsWith('docs/runbooks/'), `${name}: runbook outside docs/runbooks`);
      for (const glob of service.code) assert.ok(matchesSomeFile(glob), `${name}: code glob ${glob} matches nothing`);
    }
  });

  it('has CODEOWNERS lines whose paths exist', () => {
    const lines = fileLines('.github/CODEOWNERS').filter((l) => l.trim() && !l.startsWith('#'));
    assert.ok(lines.length > 5);
    for (const line of lines) {
      const [pattern, ...owners] = line.trim().split(/\s+/);
      assert.ok(owners.length > 0 && owners.every((o) => o.startsWith('@')), `CODEOWNERS: ${line}`);
      if (pattern === '*') continue;
      const rel = pattern.replace(/^\//, '').replace(/\/$/, '');
      assert.ok(fs.existsSync(path.join(WORKSPACE, rel)), `CODEOWNERS names ${pattern}, which does not exist`);
    }
  });

  it('names every incident file YYYY-MM-DD-slug.md after the date it started', () => {
    for (const { file, fields } of incidents) {
      const m = FILE_NAME.exec(path.basename(file));
      assert.ok(m, `${file}: name is not YYYY-MM-DD-slug.md`);
      assert.equal(String(fields.started).slice(0, 10), m[1], `${file}: file date differs from started`);
    }
  });

  it('gives every incident the required fields with valid values and unique ids', () => {
    const ids = new Set<string>();
    for (const { file, fields } of incidents) {
      for (const key of ['id', 'title', 'status', 'severity', 'started']) assert.ok(key in fields, `${file}: missing ${key}`);
      assert.match(String(fields.id), ID, `${file}: id`);
      assert.ok(!ids.has(String(fields.id)), `${file}: duplicate id ${String(fields.id)}`);
      ids.add(String(fields.id));
      assert.ok(typeof fields.title === 'string' && fields.title.length >= 1 && fields.title.length <= 200, `${file}: title`);
      assert.ok(STATUSES.includes(String(fields.status)), `${file}: status`);
      assert.ok(SEVERITIES.includes(String(fields.severity)), `${file}: severity`);
      for (const key of Object.keys(fields)) assert.ok(KNOWN_FIELDS.includes(key), `${file}: unknown field ${key}`);
    }
  });

  it('keeps lifecycle times valid, ordered and consistent with the status', () => {
    for (const { file, fields } of incidents) {
      const times = ['started', 'detected', 'mitigated', 'resolved']
        .filter((k) => fields[k] !== undefined)
        .map((k) => instant(fields[k], `${file} ${k}`));
      for (let i = 1; i < times.length; i++) assert.ok(times[i - 1] <= times[i], `${file}: lifecycle order`);
      if (fields.status === 'resolved' || fields.status === 'reviewed') assert.ok(fields.resolved, `${file}: ${String(fields.status)} without resolved`);
      if (fields.status === 'monitoring') assert.ok(fields.mitigated, `${file}: monitoring without mitigated`);
      if (fields.near_miss !== undefined) assert.equal(typeof fields.near_miss, 'boolean', `${file}: near_miss`);
      if (fields.review !== undefined) {
        const review = fields.review as Fields;
        assert.ok(REVIEW_STATUSES.includes(String(review.status)), `${file}: review.status`);
        if (review.held !== undefined) assert.ok(isRealDate(review.held), `${file}: review.held`);
      }
    }
  });

  it('keeps timelines valid and in time order', () => {
    for (const { file, fields } of incidents) {
      const entries = asList(fields.timeline, `${file} timeline`);
      assert.ok(entries.length >= 5 && entries.length <= 15, `${file}: ${entries.length} timeline entries`);
      let last = -Infinity;
      for (const [i, entry] of entries.entries()) {
        const at = instant(entry.at, `${file} timeline[${i}]`);
        assert.ok(at >= last, `${file}: timeline[${i}] out of order`);
        last = at;
        assert.ok(TIMELINE_KINDS.includes(String(entry.kind)), `${file}: timeline[${i}].kind ${String(entry.kind)}`);
        assert.ok(typeof entry.text === 'string' && entry.text.length > 0, `${file}: timeline[${i}].text`);
      }
    }
  });

  it('uses catalog services, known factor kinds and well-formed commits', () => {
    for (const { file, fields } of incidents) {
      for (const service of (fields.services as string[] | undefined) ?? []) {
        assert.ok(service in catalog.services, `${file}: service ${service} is not in the catalog`);
      }
      for (const factor of asList(fields.factors, `${file} factors`)) {
        assert.ok(FACTOR_KINDS.includes(String(factor.kind)), `${file}: factor kind ${String(factor.kind)}`);
      }
      for (const commit of asList(fields.commits, `${file} commits`)) {
        assert.equal(typeof commit.sha, 'string', `${file}: sha must be a string (quote all-digit shas)`);
        assert.match(commit.sha as string, /^[0-9a-f]{7,40}$/, `${file}: sha`);
        assert.ok(COMMIT_ROLES.includes(String(commit.role)), `${file}: commit role`);
      }
    }
  });

  it('keeps action items complete; the only overdue ones are the documented ones', () => {
    const overdue: string[] = [];
    const readme = fs.readFileSync(path.join(WORKSPACE, 'README.md'), 'utf8');
    for (const { file, fields, lineOf } of incidents) {
      const ids = new Set<string>();
      for (const [index, action] of asList(fields.actions, `${file} actions`).entries()) {
        const where = `${file} ${String(action.id)}`;
        assert.ok(typeof action.id === 'string' && !ids.has(action.id), `${where}: missing or duplicate id`);
        ids.add(action.id as string);
        assert.ok(typeof action.title === 'string' && action.title.length > 0, `${where}: title`);
        assert.ok(ACTION_STATUSES.includes(String(action.status)), `${where}: status`);
        if (action.kind !== undefined) assert.ok(ACTION_KINDS.includes(String(action.kind)), `${where}: kind`);
        if (action.due !== undefined) assert.ok(isRealDate(action.due), `${where}: due must be a YYYY-MM-DD string`);
        if (action.status === 'open' || action.status === 'in-progress') {
          assert.ok(action.owner, `${where}: owner`);
          assert.ok(action.due, `${where}: due`);
          if (String(action.due) < TODAY) {
            overdue.push(`${String(fields.id)} ${String(action.id)}`);
            const line = lineOf(['actions', index, 'due']);
            assert.ok(readme.includes(`| \`${file}\` | ${line} `), `README.md does not list the warning at ${file}:${line}`);
          }
        }
        if (action.status === 'dropped') assert.ok(action.reason, `${where}: dropped without reason`);
      }
    }
    assert.deepEqual(overdue.sort(), INTENTIONAL_OVERDUE);
  });

  it('links only to code that exists, with patterns inside their lines', () => {
    for (const { file, fields } of incidents) {
      for (const link of asList(fields.code, `${file} code`)) {
        const p = String(link.path);
        assert.ok(!path.isAbsolute(p) && !p.split('/').includes('..'), `${file}: ${p} escapes the workspace`);
        assert.ok(matchesSomeFile(p), `${file}: code path ${p} matches no file`);
        if (link.lines === undefined) continue;
        const m = /^(\d+)(?:-(\d+))?$/.exec(String(link.lines));
        assert.ok(m, `${file}: lines ${String(link.lines)}`);
        const from = Number(m[1]);
        const to = Number(m[2] ?? m[1]);
        const lines = fileLines(p);
        assert.ok(from >= 1 && from <= to && to <= lines.length, `${file}: lines ${from}-${to} outside ${p}`);
        if (link.pattern !== undefined) {
          const inside = lines.slice(from - 1, to).join('\n');
          assert.ok(inside.includes(String(link.pattern)), `${file}: pattern ${String(link.pattern)} not in ${p}:${from}-${to}`);
        }
      }
    }
  });

  it('writes the bodies in blameless language', () => {
    for (const { file, body } of incidents) {
      const lower = body.toLowerCase();
      for (const phrase of BLAME_PHRASES) assert.ok(!lower.includes(phrase), `${file}: "${phrase}" in the body`);
    }
  });

  it('covers the mix of incidents the demo needs', () => {
    const by = (key: string) => incidents.map((i) => String(i.fields[key]));
    for (const sev of SEVERITIES) assert.ok(by('severity').includes(sev), `no ${sev}`);
    for (const status of ['investigating', 'monitoring', 'resolved', 'reviewed']) assert.ok(by('status').includes(status), `no ${status}`);
    assert.ok(incidents.some((i) => i.fields.near_miss === true), 'no near miss');
    assert.ok(incidents.some((i) => String(i.fields.started).endsWith('+01:00')), 'no incident in +01:00');
    const cache = incidents.filter((i) => asList(i.fields.code, 'code').some((l) => String(l.path).startsWith('src/cache/')));
    assert.ok(cache.length >= 5, 'src/cache/ should recur the most');
    for (const { file, fields, body } of incidents.filter((i) => i.fields.status === 'reviewed')) {
      for (const section of ['## Summary', '## Impact', '## Narrative', '## Perspectives', '## What went well', '## Where we got lucky', '## Open questions', '## Learnings']) {
        assert.ok(body.includes(`\n${section}\n`) || body.startsWith(`${section}\n`) || body.startsWith(`\n${section}\n`), `${file}: no ${section}`);
      }
      assert.ok((body.match(/^### /gm) ?? []).length >= 2, `${file}: fewer than two perspectives`);
      assert.equal((fields.review as Fields | undefined)?.status, 'done', `${file}: reviewed without a done review`);
    }
  });

  describe('generated git history', function () {
    this.timeout(60_000);
    const dirs: string[] = [];
    after(() => {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('is deterministic, ends at the workspace content, and holds every commit the incidents name', () => {
      const first = makeRepo();
      const second = makeRepo();
      dirs.push(first, second);
      const head = gitIn(first, ['rev-parse', 'HEAD']);
      assert.equal(gitIn(second, ['rev-parse', 'HEAD']), head, 'two runs give different HEADs');
      assert.equal(gitIn(first, ['status', '--porcelain', '--untracked-files=all']), '');
      assert.deepEqual(gitIn(first, ['ls-files']).split('\n').sort(), workspaceFiles);
      assert.ok(Number(gitIn(first, ['rev-list', '--count', 'HEAD'])) >= 30);

      for (const { file, fields } of incidents) {
        const added = gitIn(first, ['log', '--diff-filter=A', '--format=%H', '--', file]);
        assert.ok(added, `${file} is not in the history`);
        for (const subject of gitIn(first, ['log', '--format=%s', '--', file]).split('\n')) {
          assert.doesNotMatch(subject, /[A-Z][A-Z0-9]*-\d{4}-\d+/, `${file}: "${subject}" would link the incident file to an incident`);
        }
        const shas = [
          ...asList(fields.commits, 'commits').map((c) => ({ sha: String(c.sha), role: String(c.role) })),
          ...asList(fields.code, 'code').filter((l) => l.ref !== undefined).map((l) => ({ sha: String(l.ref), role: 'ref' })),
        ];
        for (const { sha, role } of shas) {
          const full = gitIn(first, ['rev-parse', '--verify', '--quiet', `${sha}^{commit}`]);
          assert.ok(full, `${file}: ${sha} is not a commit of the generated history`);
          const ancestor = spawnSync('git', ['merge-base', '--is-ancestor', full, added], { cwd: first });
          assert.equal(ancestor.status, 0, `${file}: ${sha} is committed after the incident file`);
          if (role === 'fix' || role === 'mitigation') {
            const message = gitIn(first, ['log', '-1', '--format=%s', full]);
            assert.ok(message.includes(String(fields.id)), `${file}: ${role} commit "${message}" does not name ${String(fields.id)}`);
          }
        }
      }
    });

    it('moves to the day it is made: history up to yesterday, the SEV1 started 88 minutes ago, due dates as far from today', () => {
      const now = '2027-03-01T07:00:00Z';
      const dest = makeRepo(now);
      dirs.push(dest);
      // Dates where this process runs (TEST_TODAY may set its zone).
      const localDay = (ms: number) => {
        const d = new Date(ms);
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      };
      const today = localDay(Date.parse(now));
      const daysBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      const files = fs.readdirSync(path.join(dest, 'incidents')).filter((name) => /^\d{4}-/.test(name)).sort();
      assert.equal(files.length, 10);
      assert.equal(files[9], `${today}-checkout-errors-eu-west.md`);
      assert.equal(files[8], `${daysBefore(1)}-search-latency-after-cache-key-change.md`);
      const sev1 = fs.readFileSync(path.join(dest, 'incidents', files[9]), 'utf8');
      const started = /^started: (.+)$/m.exec(sev1)?.[1] ?? '';
      assert.equal(Date.parse(now) - Date.parse(started), 88 * 60_000, `started ${started}`);
      const ttl = fs.readFileSync(path.join(dest, 'incidents', files.find((name) => name.endsWith('-checkout-latency-cache-ttl.md'))!), 'utf8');
      assert.match(ttl, new RegExp(`id: A2, .*, due: ${daysBefore(3)}, status: open`), 'still 3 days overdue');
      assert.ok(Date.parse(`${files[0].slice(0, 10)}T00:00:00Z`) < Date.parse(now) - 160 * 86_400_000, `six months of history: ${files[0]}`);
      const newestCommit = Date.parse(gitIn(dest, ['log', '-1', '--format=%cI']));
      assert.ok(newestCommit <= Date.parse(now), 'no commit in the future');
      assert.equal(gitIn(dest, ['status', '--porcelain', '--untracked-files=all']), '');
      for (const name of files) {
        for (const match of fs.readFileSync(path.join(dest, 'incidents', name), 'utf8').matchAll(/\b(?:sha|ref): "?([0-9a-f]{7,40})/g)) {
          assert.ok(gitIn(dest, ['rev-parse', '--verify', '--quiet', `${match[1]}^{commit}`]), `${name}: ${match[1]} is a commit of the moved history`);
        }
      }
    });

    it('refuses a DEST that is not empty', () => {
      const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-lens-example-'));
      dirs.push(dest);
      fs.writeFileSync(path.join(dest, 'keep.txt'), 'x');
      const run = spawnSync(process.execPath, [SCRIPT, dest, '--now', WRITTEN_AT], { encoding: 'utf8' });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /not empty/);
    });
  });
});
