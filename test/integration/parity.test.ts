// The built command-line tool and the editor on the same folder, with
// settings that are not the defaults in its .vscode/settings.json: the same
// hotspot ranking as the Hotspots view, the same problems as the Problems view.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../../src/extension';
import { closeAll, diagnosticsOf, eventually, EXTENSION_ID, folder, lens, removeFile, uriOf, writeFile } from './support/lens';

const SETTINGS_PATH = '.vscode/settings.json';

// SEV2 and SEV4 keep their default weights: the editor merges an object setting into its default, and so must the tool.
const SETTINGS = `{
  // Minor and recent incidents count most; commits that touch docs count for nothing.
  "incidentLens.hotspots.severityWeights": { "SEV1": 1, "SEV3": 10 },
  "incidentLens.hotspots.halfLifeDays": 30,
  "incidentLens.hotspots.commitExcludes": ["incidents/**", "docs/**",],
  "incidentLens.blamePhrases": ["dropped the ball"],
}
`;

const BROKEN_PATH = 'incidents/2026-11-21-parity-broken.md';
/** An invalid severity, an unknown field, a timeline out of order, and blame in this folder's words only. */
const BROKEN_FIXTURE = ['test', 'fixtures', 'parity', 'incident-with-problems.md'];

interface CliHotspot {
  readonly path: string;
  readonly score: number;
  readonly incidents: readonly string[];
}

interface CliProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
}

/** A path inside the extension under test (the repository). */
function extensionFile(...segments: string[]): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  return join(extension.extensionPath, ...segments);
}

/** Runs dist/cli.js of the extension under test; resolves with its output whatever the exit code. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // In the desktop editor process.execPath is Electron, which runs as Node with this variable set.
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  return new Promise((resolve) => {
    execFile(process.execPath, [extensionFile('dist', 'cli.js'), ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 2 : 0, stdout, stderr });
    });
  });
}

async function cliHotspots(): Promise<CliHotspot[]> {
  const run = await cli('hotspots', folder().uri.fsPath, '--format', 'json');
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as CliHotspot[];
}

/** `file:line:column code`, sorted: what both sides must report alike. */
async function cliProblems(): Promise<string[]> {
  const run = await cli('lint', folder().uri.fsPath, '--format', 'json');
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (JSON.parse(run.stdout) as CliProblem[]).map((row) => `${row.file}:${row.line}:${row.column} ${row.code}`).sort();
}

function editorProblems(): string[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, list]) => list.filter((d) => d.source === 'incident-lens').map((d) => `${vscode.workspace.asRelativePath(uri, false)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`))
    .sort();
}

/** Scores are taken a moment apart, and incidents decay meanwhile: equal to a part in ten thousand. */
function assertCloseScore(editor: number, tool: number, what: string): void {
  assert.ok(Math.abs(editor - tool) <= 1e-4 * Math.max(1, Math.abs(tool)), `${what}: the editor scores ${editor}, the tool ${tool}`);
}

function assertSameRanking(api: IncidentLensApi, tool: readonly CliHotspot[]): void {
  const [hotspots] = api.hotspots.service.all();
  assert.ok(hotspots, 'the editor has hotspots for the folder');
  const files = hotspots.ranking.files;
  assert.deepEqual(
    files.map((file) => file.path),
    tool.map((row) => row.path),
  );
  files.forEach((file, i) => {
    assertCloseScore(file.score, tool[i].score, file.path);
    assert.deepEqual(
      file.incidents.map((share) => share.id),
      tool[i].incidents,
      file.path,
    );
  });

  // The view lists files that are in the repository, the first 50, with their score to one decimal.
  const exists = new Set(files.filter((file) => file.exists).map((file) => file.path));
  const shown = tool.filter((row) => exists.has(row.path)).slice(0, 50);
  const group = api.hotspots.view.getChildren().find((node) => String(api.hotspots.view.getTreeItem(node).label).endsWith('Files'));
  assert.ok(group, 'the Hotspots view has its Files group');
  const items = api.hotspots.view.getChildren(group).map((node) => api.hotspots.view.getTreeItem(node));
  assert.deepEqual(
    items.map((item) => String(item.label)),
    shown.map((row) => row.path),
  );
  items.forEach((item, i) => {
    const score = Number(/score ([\d.]+)$/.exec(String(item.description))?.[1]);
    assert.ok(Math.abs(score - shown[i].score) <= 0.05 + 1e-4, `${shown[i].path}: the view shows ${String(item.description)}, the tool ${shown[i].score}`);
  });
}

suite('CLI and editor agree', () => {
  let previousSettings: Uint8Array | undefined;

  suiteSetup(async function () {
    this.timeout(60_000);
    await closeAll();
    const api = await lens();
    await eventually(() => assert.ok(api.hotspots.service.all()[0]?.ranking.files.length > 0, 'hotspots computed'), 45_000);
    previousSettings = await vscode.workspace.fs.readFile(uriOf(SETTINGS_PATH)).then(
      (bytes) => bytes,
      () => undefined,
    );
  });

  suiteTeardown(async function () {
    this.timeout(30_000);
    await removeFile(BROKEN_PATH);
    if (previousSettings) await vscode.workspace.fs.writeFile(uriOf(SETTINGS_PATH), previousSettings);
    else await removeFile(SETTINGS_PATH);
    // Later suites expect the defaults back.
    await eventually(() => assert.equal(vscode.workspace.getConfiguration('incidentLens').get('hotspots.halfLifeDays'), 180), 10_000);
    await closeAll();
  });

  test('hotspots: the same files, order and scores as the Hotspots view, under the folder settings', async function () {
    this.timeout(90_000);
    const api = await lens();
    const withDefaults = await cliHotspots();
    const rankingBefore = api.hotspots.service.all()[0].ranking;

    await writeFile(SETTINGS_PATH, SETTINGS);
    await eventually(() => assert.equal(vscode.workspace.getConfiguration('incidentLens').get('hotspots.halfLifeDays'), 30, 'the editor read the settings file'), 10_000);
    // What src/core/settings.ts does for the tool, because the editor does it.
    assert.deepEqual(vscode.workspace.getConfiguration('incidentLens').get('hotspots.severityWeights'), { SEV1: 1, SEV2: 4, SEV3: 10, SEV4: 1 }, 'the editor merges an object setting into its default');
    await eventually(() => assert.notEqual(api.hotspots.service.all()[0].ranking, rankingBefore, 'the Hotspots view scored again'), 30_000);

    const withSettings = await cliHotspots();
    assert.notDeepEqual(withSettings, withDefaults, 'the settings change the ranking');
    // The view may have scored once before every setting was in: it agrees once it has them all.
    await eventually(() => assertSameRanking(api, withSettings), 30_000);
  });

  test('lint: the same problems, at the same places, as the Problems view', async function () {
    this.timeout(60_000);
    await writeFile(SETTINGS_PATH, SETTINGS);
    const uri = await writeFile(BROKEN_PATH, readFileSync(extensionFile(...BROKEN_FIXTURE), 'utf8'));
    // Only this folder's phrase is blame language: seen, the editor has read the settings and the file.
    await diagnosticsOf(uri, (list) => list.some((d) => d.code === 'blame-language') && list.some((d) => d.code === 'timeline-order'), 30_000);

    const tool = await cliProblems();
    assert.ok(
      tool.some((problem) => problem.startsWith(`${BROKEN_PATH}:`) && problem.endsWith(' blame-language')),
      `the tool reads the folder's blame phrases too:\n${tool.join('\n')}`,
    );
    await eventually(() => assert.deepEqual(editorProblems(), tool), 10_000);
  });
});
