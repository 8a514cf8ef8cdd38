/** `incident-lens import`: files in, incident files out, never overwriting, exit codes. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runImport } from '../../src/cli/import';
import { FIXTURES } from './import-fixtures';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('import: the incident-lens import command', () => {
  let cwd: string;
  const coreDns = path.join(FIXTURES, 'dfds', 'PM2020-004 - CoreDNS upgrade issue.md');
  const traefik = path.join(FIXTURES, 'dfds', 'PM2021-008 - Kubernetes ingress controller Traefik v2 configuration caused outage.md');

  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'incident-lens-import-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('writes one incident per file into incidents/ and reports what it mapped and kept', async () => {
    const result = await run(['import', coreDns, traefik], cwd);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(readdirSync(path.join(cwd, 'incidents')).sort(), ['2020-02-03-coredns-upgrade-issue.md', '2021-08-26-kubernetes-ingress-controller-traefik-v2.md']);
    assert.match(result.out, /Imported .*PM2020-004 - CoreDNS upgrade issue\.md → incidents\/2020-02-03-coredns-upgrade-issue\.md \(PM2020-004\)/);
    assert.match(result.out, /  mapped:\n    - Title "CoreDNS upgrade issue"/);
    assert.match(result.out, /  kept in the body:\n/);
    const text = readFileSync(path.join(cwd, 'incidents', '2020-02-03-coredns-upgrade-issue.md'), 'utf8');
    assert.match(text, /^---\nid: PM2020-004\n/);
  });

  it('never overwrites: a taken name gets a suffix, a taken id the next free one', async () => {
    mkdirSync(path.join(cwd, 'out'));
    const existing = '---\nid: PM2020-004\ntitle: Kept\nstatus: resolved\nseverity: SEV3\nstarted: "2020-02-03T11:21:00+01:00"\n---\n';
    writeFileSync(path.join(cwd, 'out', '2020-02-03-coredns-upgrade-issue.md'), existing);
    const result = await run([coreDns, '--out', 'out'], cwd);
    assert.equal(result.code, 0, result.err);
    assert.equal(readFileSync(path.join(cwd, 'out', '2020-02-03-coredns-upgrade-issue.md'), 'utf8'), existing);
    const copy = readFileSync(path.join(cwd, 'out', '2020-02-03-coredns-upgrade-issue-2.md'), 'utf8');
    assert.match(copy, /^---\nid: INC-2020-001\n/);
    assert.match(result.out, /please check:\n    - Id PM2020-004 is already used/);
  });

  it('gives two files imported together different ids and names', async () => {
    const copyDir = path.join(cwd, 'sources');
    mkdirSync(copyDir);
    const twin = path.join(copyDir, 'coredns-again.md');
    writeFileSync(twin, readFileSync(coreDns, 'utf8'));
    const result = await run([coreDns, twin, '--severity', 'SEV2'], cwd);
    assert.equal(result.code, 0, result.err);
    const files = readdirSync(path.join(cwd, 'incidents')).sort();
    assert.deepEqual(files, ['2020-02-03-coredns-upgrade-issue-2.md', '2020-02-03-coredns-upgrade-issue.md']);
    const ids = files.map((f) => /\nid: (\S+)/.exec(readFileSync(path.join(cwd, 'incidents', f), 'utf8'))?.[1]).sort();
    assert.deepEqual(ids, ['INC-2020-001', 'PM2020-004']);
    assert.match(readFileSync(path.join(cwd, 'incidents', files[0]), 'utf8'), /\nseverity: SEV2 {2}# chosen at import/);
  });

  it('writes nothing on --dry-run', async () => {
    const result = await run([coreDns, '--dry-run'], cwd);
    assert.equal(result.code, 0);
    assert.match(result.out, /^Would import .* → incidents\/2020-02-03-coredns-upgrade-issue\.md/);
    assert.match(result.out, /Dry run: no files were written\.$/);
    assert.deepEqual(readdirSync(cwd), []);
  });

  it('exits 1 when a file cannot be read, after importing the others', async () => {
    const result = await run(['missing.md', coreDns], cwd);
    assert.equal(result.code, 1);
    assert.match(result.err, /Could not read missing\.md: no such file/);
    assert.equal(readdirSync(path.join(cwd, 'incidents')).length, 1);
  });

  it('exits 2 on bad usage', async () => {
    for (const argv of [[], ['--out'], ['--severity', 'SEV9', coreDns], ['--frobnicate', coreDns]]) {
      const result = await run(argv, cwd);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.err, /Usage: incident-lens import FILE\.\.\./);
    }
    assert.deepEqual(readdirSync(cwd), []);
  });

  it('prints usage and exits 0 on --help', async () => {
    const result = await run(['--help'], cwd);
    assert.equal(result.code, 0);
    assert.match(result.out, /^Usage: incident-lens import/);
  });

  it('uses the severity levels and import default from the folder settings, like lint', async () => {
    mkdirSync(path.join(cwd, '.vscode'));
    writeFileSync(path.join(cwd, '.vscode', 'settings.json'), '{\n  // P levels\n  "incidentLens.severityLevels": ["P1", "P2", "P3", "P4"],\n  "incidentLens.import.defaultSeverity": "P2",\n}\n');
    const timeline = '## Timeline\n\n- 2024-03-05 10:00 UTC Deploy\n';
    writeFileSync(path.join(cwd, 'silent.md'), `# Silent\n\n${timeline}`);
    writeFileSync(path.join(cwd, 'stated.md'), `# Stated\n\nSeverity: Sev 3\n\n${timeline}`);
    const result = await run(['silent.md', 'stated.md'], cwd);
    assert.equal(result.code, 0, result.err);
    const severities = readdirSync(path.join(cwd, 'incidents')).sort().map((f) => /\nseverity: (\S+)/.exec(readFileSync(path.join(cwd, 'incidents', f), 'utf8'))?.[1]);
    assert.deepEqual(severities, ['P2', 'P3']);
    const asked = await run(['silent.md', '--severity', 'P1', '--dry-run'], cwd);
    assert.equal(asked.code, 0, asked.err);
    assert.match(asked.out, /Severity P1 \(chosen at import/);
    assert.match((await run(['silent.md', '--severity', 'SEV1'], cwd)).err, /--severity must be one of P1, P2, P3, P4\./);
  });
});
