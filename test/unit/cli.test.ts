/**
 * `incident-lens lint` through `main()` with captured output: exit codes,
 * the JSON and text formats, settings, and one-line errors on bad usage.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { main } from '../../src/cli/main';
import { git, incident, REQUIRED, TODAY_ISO, withRequired } from './lint-support';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'lint', 'codes');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const temps: string[] = [];

/** A folder in the temp dir (outside any git repository) holding the given files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-cli-'));
  temps.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/**
 * The CLI as a user whom file permissions apply to. Root reads any folder, and
 * CI runs as root: there the CLI, bundled into a folder anyone can read (the
 * clone may not be), runs in a child process as `nobody`.
 */
async function runWithoutPrivileges(...argv: string[]): Promise<Run> {
  if (process.getuid?.() !== 0) return run(...argv);
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-cli-bundle-'));
  temps.push(dir);
  chmodSync(dir, 0o755);
  const cli = path.join(dir, 'cli.js');
  // The alias is scripts/build.mjs's: jsonc-parser's default entry does not bundle.
  buildSync({ entryPoints: [path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } });
  const child = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, cli, ...argv], { encoding: 'utf8' });
  assert.equal(child.error, undefined, 'setpriv (util-linux) runs the CLI as nobody');
  return { code: child.status ?? -1, out: child.stdout, err: child.stderr };
}

const json = (result: Run): Row[] => JSON.parse(result.out) as Row[];

describe('incident-lens lint (CLI)', () => {
  after(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  describe('the codes fixture: one file per diagnostic code', function () {
    this.timeout(10_000);
    let dir = '';
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-codes-'));
      temps.push(dir);
      cpSync(FIXTURE, dir, { recursive: true });
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'Fixture');
    });

    it('reports exactly the code each file is named after, at the line and column it implies', async () => {
      const result = await run('lint', dir, '--format', 'json', '--today', TODAY_ISO);
      assert.equal(result.code, 1);
      assert.equal(result.err, '');
      const rows = json(result).map((row) => [row.file.replace(/^incidents\//, ''), row.line, row.column, row.endLine, row.endColumn, row.severity, row.code]);
      assert.deepEqual(rows, [
        ['2026-11-01-yaml-syntax.md', 3, 21, 3, 22, 'error', 'yaml-syntax'],
        ['2026-11-02-missing-field.md', 1, 1, 1, 4, 'error', 'missing-field'],
        ['2026-11-03-invalid-value.md', 4, 9, 4, 15, 'error', 'invalid-value'],
        ['2026-11-04-invalid-timestamp.md', 7, 11, 7, 30, 'error', 'invalid-timestamp'],
        ['2026-11-05-unknown-field.md', 7, 1, 7, 8, 'warning', 'unknown-field'],
        ['2026-11-06-duplicate-id-a.md', 2, 5, 2, 17, 'error', 'duplicate-id'],
        ['2026-11-06-duplicate-id-a.md', 9, 10, 9, 12, 'error', 'duplicate-id'],
        ['2026-11-06-duplicate-id-b.md', 2, 5, 2, 17, 'error', 'duplicate-id'],
        ['2026-11-07-lifecycle-order.md', 7, 11, 7, 31, 'warning', 'lifecycle-order'],
        ['2026-11-08-status-without-time.md', 4, 9, 4, 17, 'warning', 'status-without-time'],
        ['2026-11-09-timeline-order.md', 9, 10, 9, 30, 'warning', 'timeline-order'],
        ['2026-11-10-action-missing-owner.md', 8, 5, 8, 76, 'warning', 'action-missing-owner'],
        ['2026-11-11-action-missing-due.md', 8, 5, 8, 73, 'warning', 'action-missing-due'],
        ['2026-11-12-action-overdue.md', 8, 65, 8, 75, 'warning', 'action-overdue'],
        ['2026-11-13-code-path-missing.md', 8, 11, 8, 34, 'warning', 'code-path-missing'],
        ['2026-11-14-code-path-outside.md', 8, 11, 8, 26, 'error', 'code-path-outside'],
        ['2026-11-15-commit-unknown.md', 8, 11, 8, 18, 'warning', 'commit-unknown'],
        ['2026-11-16-code-link-drifted.md', 9, 12, 9, 15, 'warning', 'code-link-drifted'],
        ['2026-11-17-action-dropped-without-reason.md', 8, 55, 8, 62, 'warning', 'action-dropped-without-reason'],
        ['2026-11-18-unknown-service.md', 7, 22, 7, 30, 'information', 'unknown-service'],
        ['2026-11-19-too-large.md', 1, 1, 1, 1, 'warning', 'too-large'],
        ['2026-11-20-blame-language.md', 11, 25, 11, 36, 'information', 'blame-language'],
      ]);
    });

    it('prints the same in text form, one compiler-style line each, with a summary on stderr', async () => {
      const [text, data] = await Promise.all([run('lint', dir, '--today', TODAY_ISO), run('lint', dir, '--format', 'json', '--today', TODAY_ISO)]);
      assert.equal(text.code, 1);
      assert.equal(text.out, json(data).map((row) => `${row.file}:${row.line}:${row.column} ${row.severity} ${row.code} ${row.message}\n`).join(''));
      for (const line of text.out.trimEnd().split('\n')) assert.match(line, /^incidents\/\S+\.md:\d+:\d+ (error|warning|information) [a-z-]+ \S.*$/);
      assert.equal(text.err, '8 errors, 12 warnings, 2 info in 22 incident files\n');
    });
  });

  describe('exit codes', () => {
    it('0 and an empty list for a clean folder', async () => {
      const dir = folder({ 'incidents/2026-11-20-a.md': withRequired(), 'incidents/README.md': '# Incidents\n' });
      const result = await run('lint', dir, '--format', 'json');
      assert.deepEqual([result.code, result.out, result.err], [0, '[]\n', '']);
    });

    it('0 when there are only warnings and information', async () => {
      const dir = folder({ 'incidents/a.md': withRequired(['sevrity: SEV1'], ['It was human error.']) });
      const result = await run('lint', dir, '--format', 'json');
      assert.equal(result.code, 0);
      assert.deepEqual(
        json(result).map((row) => row.code),
        ['unknown-field', 'blame-language'],
      );
    });

    it('1 when any file has an error', async () => {
      const dir = folder({ 'incidents/a.md': withRequired(), 'incidents/b.md': incident(REQUIRED.slice(1)) });
      assert.equal((await run('lint', dir)).code, 1);
    });

    it('0 for a folder with no incidents at all', async () => {
      const result = await run('lint', folder({ 'README.md': '# Project\n' }));
      assert.deepEqual([result.code, result.out, result.err], [0, '', '0 errors, 0 warnings, 0 info in 0 incident files\n']);
    });
  });

  describe('JSON', () => {
    it('has exactly the fields of the spec, 1-based, with file relative to FOLDER and / separators', async () => {
      const dir = folder({ 'incidents/2026/11/2026-11-20-a.md': withRequired(['near_miss: maybe']) });
      const result = await run('lint', dir, '--format', 'json');
      assert.equal(result.code, 1);
      assert.deepEqual(json(result), [
        {
          file: 'incidents/2026/11/2026-11-20-a.md',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 17,
          severity: 'error',
          code: 'invalid-value',
          message: '`near_miss` should be true or false, not the text "maybe".',
        },
      ]);
      assert.deepEqual(Object.keys(json(result)[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    });

    it('counts columns in UTF-16 code units, as the editor does', async () => {
      const dir = folder({ 'incidents/a.md': withRequired(['tags: [😀, {a: b}]']) });
      const [row] = json(await run('lint', dir, '--format', 'json'));
      assert.deepEqual([row.line, row.column, row.endColumn], [7, 12, 18]);
    });

    it('--today moves what is overdue', async () => {
      const dir = folder({ 'incidents/a.md': withRequired(['actions:', '  - {id: A1, title: Canary, owner: Sam, due: 2026-11-20, status: open}']) });
      assert.deepEqual(json(await run('lint', dir, '--format', 'json', '--today', '2026-11-20')), []);
      const [late] = json(await run('lint', dir, '--format', 'json', '--today', '2026-12-01'));
      assert.equal(late.message, 'Action A1 (Sam) was due 2026-11-20, 11 days ago. Move the date, or mark it done or dropped.');
    });

    it('includes the catalog file when it has problems', async () => {
      const dir = folder({ 'incidents/catalog.yaml': 'services:\n  checkout: {ownrs: [a]}\n', 'incidents/a.md': withRequired() });
      const rows = json(await run('lint', dir, '--format', 'json'));
      assert.deepEqual(
        rows.map((row) => [row.file, row.line, row.column, row.code, row.message]),
        [['incidents/catalog.yaml', 2, 14, 'unknown-field', 'Unknown catalog field `ownrs`. Did you mean `owners`?']],
      );
    });
  });

  describe('settings from .vscode/settings.json', () => {
    it('uses incidentLens.files, severityLevels, blamePhrases and maxFileSize (comments and trailing commas allowed)', async () => {
      const settings = [
        '{',
        '  // Our own layout and levels.',
        '  "incidentLens.files": "postmortems/**/*.md",',
        '  "incidentLens.severityLevels": ["P1", "P2"],',
        '  /* A team phrase */ "incidentLens.blamePhrases": ["dropped the ball"],',
        '  "incidentLens.maxFileSize": 2048,',
        '}',
      ].join('\n');
      const p1 = incident(REQUIRED.map((line) => (line.startsWith('severity') ? 'severity: P1' : line)), ['Sam dropped the ball; human error.']);
      const dir = folder({
        '.vscode/settings.json': settings,
        'postmortems/a.md': p1,
        'postmortems/big.md': withRequired([], ['x'.repeat(3000)]),
        'incidents/ignored.md': incident([]),
      });
      const rows = json(await run('lint', dir, '--format', 'json'));
      assert.deepEqual(
        rows.map((row) => [row.file, row.line, row.code]),
        [
          ['postmortems/a.md', 8, 'blame-language'],
          ['postmortems/big.md', 1, 'too-large'],
        ],
      );
    });

    it('warns about a settings file that is not JSON, naming the file and the line, and goes on', async () => {
      const dir = folder({ '.vscode/settings.json': '{\n  not json', 'incidents/a.md': withRequired() });
      const result = await run('lint', dir, '--format', 'json');
      assert.deepEqual(json(result), []);
      assert.equal(result.code, 0);
      assert.equal(result.err, `warning: ${path.join(dir, '.vscode', 'settings.json')}:2:3: unexpected text; settings that could not be read keep their defaults.\n`);
    });
  });

  describe('FOLDER', () => {
    it('defaults to the current directory', async () => {
      const dir = folder({ 'incidents/a.md': withRequired(['sevrity: x']) });
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const rows = json(await run('lint', '--format', 'json'));
        assert.deepEqual(
          rows.map((row) => [row.file, row.code]),
          [['incidents/a.md', 'unknown-field']],
        );
      } finally {
        process.chdir(cwd);
      }
    });
  });

  describe('bad usage: exit 2 with one line on stderr, nothing on stdout', () => {
    const dir = () => folder({ 'incidents/a.md': withRequired() });
    const cases: [string, () => string[], RegExp][] = [
      ['no command', () => [], /no command given/],
      ['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
      ['a bad --format', () => ['lint', dir(), '--format', 'xml'], /--format must be text or json, not "xml"/],
      ['--format without a value', () => ['lint', dir(), '--format'], /--format/],
      ['a bad --today', () => ['lint', dir(), '--today', 'tomorrow'], /--today must be a date like 2026-11-25, not "tomorrow"/],
      ['a --today that is not a real day', () => ['lint', dir(), '--today', '2026-02-30'], /--today must be a date/],
      ['a missing folder', () => ['lint', path.join(tmpdir(), 'incident-lens-no-such-folder')], /cannot read folder .*incident-lens-no-such-folder/],
      ['a file for a folder', () => ['lint', path.join(dir(), 'incidents', 'a.md')], /is not a folder/],
      ['two folders', () => ['lint', dir(), dir()], /expected one folder, got 2/],
      ['an unknown option', () => ['lint', dir(), '--fix'], /Unknown option '--fix'/],
    ];
    for (const [name, argv, message] of cases) {
      it(name, async () => {
        const result = await run(...argv());
        assert.equal(result.code, 2);
        assert.equal(result.out, '');
        assert.match(result.err, /^incident-lens: [^\n]+\n$/);
        assert.match(result.err, message);
      });
    }

    it('a folder that cannot be listed', async () => {
      const dir = folder({ 'incidents/a.md': incident([]) });
      chmodSync(dir, 0o000);
      try {
        const result = await runWithoutPrivileges('lint', dir);
        assert.deepEqual([result.code, result.out], [2, '']);
        assert.match(result.err, /^incident-lens: cannot read folder [^\n]+\n$/);
        assert.ok(result.err.startsWith(`incident-lens: cannot read folder ${dir}`), `the message names the folder: ${result.err}`);
      } finally {
        chmodSync(dir, 0o700);
      }
    });

    it('help prints the usage and exits 0', async () => {
      const result = await run('help');
      assert.equal(result.code, 0);
      assert.match(result.out, /incident-lens lint \[FOLDER\] \[--format text\|json\] \[--today YYYY-MM-DD\]/);
    });
  });
});
