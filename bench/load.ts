/**
 * `npm run load`: Incident Lens in the real editor (code-server, headless
 * Chromium) on a big workspace, measured from inside the extension host by
 * bench/load-probe.ts. Not part of `npm test`; prints its figures
 * (docs/performance.md, "Load", records a run).
 *
 *   npx tsx bench/load.ts [--count N] [--others N] [--switch N] [--only incidents|empty] [--keep] [--profile DIR]
 *
 * --profile DIR writes a CPU profile of the extension host per scenario
 * (DIR/<scenario>.cpuprofile; open it in Chrome's DevTools).
 *
 * Two workspaces, written once under bench/.corpus/ and reused:
 * - `incidents`: the seeded corpus (bench/generate-corpus.ts: 10,000
 *   incidents, a catalog, a code tree), 50,000 other files, a symlink loop
 *   (incidents/loop -> .), a broken link and a link to an incident outside
 *   incidents/, in a git repository with a
 *   branch `load-switch` that rewrites the title of 1,000 incident files;
 * - `empty`: the 50,000 other files alone.
 * Each scenario gets a fresh editor profile, so the index cache is cold.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { analyzeText } from '../src/core/lint';
import { ensureCorpus } from './generate-corpus';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    others: { type: 'string', default: '50000' },
    switch: { type: 'string', default: '1000' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});

const ROOT = path.resolve(__dirname, '..');
const COUNT = Number(values.count);
const OTHERS = Number(values.others);
const SWITCHED = Number(values.switch);
const MARKER = '(after the branch switch)';
const LOAD_VERSION = 3;

function log(line: string): void {
  console.log(`[load] ${line}`);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Load Bench', '-c', 'user.email=load@example.invalid', '-c', 'core.autocrlf=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** 50,000 small files in 500 folders, like a vendored dependency tree. */
function writeOthers(folder: string, count: number): void {
  const perFolder = 100;
  for (let i = 0; i * perFolder < count; i++) {
    const dir = path.join(folder, 'vendor', `pkg-${String(i).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let j = 0; j < perFolder && i * perFolder + j < count; j++) {
      writeFileSync(path.join(dir, `mod-${j}.js`), `// vendored module ${i}/${j}\nexport const value${j} = ${i * perFolder + j};\n`);
    }
  }
}

interface Workspaces {
  readonly incidents: string;
  readonly empty: string;
  /** Incident files the branch rewrites, relative to the workspace. */
  readonly changed: string;
}

function prepare(): Workspaces {
  const base = path.join(__dirname, '.corpus', `load-v${LOAD_VERSION}-n${COUNT}-o${OTHERS}-s${SWITCHED}`);
  const marker = path.join(base, '.load-complete');
  const workspaces = { incidents: path.join(base, 'incidents-ws'), empty: path.join(base, 'empty-ws'), changed: path.join(base, 'changed.json') };
  if (existsSync(marker)) {
    log(`workspaces: reusing ${path.relative(ROOT, base)}`);
    // A previous run left the big one on the switched branch.
    git(workspaces.incidents, 'checkout', '-q', '-f', 'main');
    return workspaces;
  }
  const started = Date.now();
  rmSync(base, { recursive: true, force: true });
  const corpus = ensureCorpus({ count: COUNT, log });
  log(`workspaces: writing ${path.relative(ROOT, base)} (a copy of the corpus, ${OTHERS} other files, a git repository; a minute or two)`);
  cpSync(corpus.folder, workspaces.incidents, { recursive: true, filter: (source) => !source.endsWith('.corpus-complete.json') });
  writeOthers(workspaces.incidents, OTHERS);
  writeOthers(workspaces.empty, OTHERS);
  // A loop the file walk must not follow forever, and a link to nothing.
  symlinkSync('.', path.join(workspaces.incidents, 'incidents', 'loop'));
  symlinkSync('no-such-file.md', path.join(workspaces.incidents, 'incidents', '2026-01-01-broken-link.md'));
  // A link to an incident-shaped file outside incidents/: skipped too, as the command line skips it.
  writeFileSync(path.join(workspaces.incidents, 'outside-incident.md'), '---\nid: OUT-1\ntitle: Outside\nstatus: investigating\nseverity: SEV4\nstarted: 2026-01-01T00:00:00Z\n---\n');
  symlinkSync('../outside-incident.md', path.join(workspaces.incidents, 'incidents', '2026-01-02-linked.md'));
  git(workspaces.incidents, 'init', '-q', '-b', 'main');
  git(workspaces.incidents, 'add', '-A');
  git(workspaces.incidents, 'commit', '-q', '-m', 'Load workspace');
  git(workspaces.incidents, 'checkout', '-q', '-b', 'load-switch');
  // Files whose new title reads back (the corpus has some broken on purpose).
  const changed: string[] = [];
  for (const file of corpus.files) {
    if (changed.length === SWITCHED) break;
    if (file === corpus.bigFile) continue;
    const full = path.join(workspaces.incidents, file);
    const text = readFileSync(full, 'utf8').replace(/^title: .*$/m, `title: "Title ${changed.length} ${MARKER}"`);
    if (!analyzeText(text).incident?.title?.endsWith(MARKER)) continue;
    writeFileSync(full, text);
    changed.push(file);
  }
  git(workspaces.incidents, 'commit', '-q', '-a', '-m', `Rewrite ${changed.length} titles`);
  git(workspaces.incidents, 'checkout', '-q', 'main');
  writeFileSync(workspaces.changed, JSON.stringify(changed));
  writeFileSync(marker, new Date().toISOString());
  log(`workspaces: written in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return workspaces;
}

async function bundleProbe(): Promise<string> {
  const out = path.join(ROOT, 'out', 'bench', 'load-probe.js');
  await esbuild.build({ entryPoints: [path.join(__dirname, 'load-probe.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
  return out;
}

interface EditorModules {
  prepareProfile(root: string, options?: { trust?: boolean }): { logFile: string };
  startCodeServer(profile: unknown, options: { smokeTestDriver: boolean; env: Record<string, string> }): Promise<{ port: number; url: string; stop(): Promise<void> }>;
  launchChromium(): Promise<import('playwright-core').Browser>;
  readTail(file: string, lines?: number): string;
  ensureEditor(): unknown;
}

async function editorModules(): Promise<EditorModules> {
  const codeServer = (await import(path.join(ROOT, 'scripts', 'editor', 'code-server.mjs'))) as Omit<EditorModules, 'ensureEditor'>;
  const ensure = (await import(path.join(ROOT, 'scripts', 'editor', 'ensure-editor.mjs'))) as Pick<EditorModules, 'ensureEditor'>;
  return { ...codeServer, ensureEditor: ensure.ensureEditor };
}

/** One editor session on one workspace; returns what the probe printed. */
async function runScenario(editor: EditorModules, scenario: 'incidents' | 'empty', folder: string, probe: string, changed: string): Promise<Record<string, unknown>> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'incident-lens-load-'));
  const profile = editor.prepareProfile(path.join(tmp, 'profile'));
  const server = await editor.startCodeServer(profile, {
    smokeTestDriver: true,
    env: {
      INCIDENT_LENS_LOAD_SCENARIO: scenario,
      INCIDENT_LENS_LOAD_CHANGED: changed,
      INCIDENT_LENS_LOAD_MARKER: MARKER,
      ...(values.profile ? { INCIDENT_LENS_LOAD_PROFILE: path.resolve(values.profile, `${scenario}.cpuprofile`) } : {}),
    },
  });
  const browser = await editor.launchChromium();
  try {
    const page = await browser.newPage();
    const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(probe)],
    ];
    let result: Record<string, unknown> | undefined;
    const finished = new Promise<void>((resolve) => {
      void page.exposeFunction('codeAutomationExit', () => resolve());
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
      const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
      const at = text.indexOf('LOAD-RESULT ');
      if (at >= 0) result = JSON.parse(text.slice(at + 'LOAD-RESULT '.length)) as Record<string, unknown>;
    });
    const opened = Date.now();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15 * 60_000));
    await Promise.race([finished, timeout]);
    if (!result) throw new Error(`the probe printed no result (code-server log: ${profile.logFile})\n${editor.readTail(profile.logFile)}`);
    return { ...result, secondsFromPageOpenToResult: Math.round((Date.now() - opened) / 100) / 10 };
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (!values.keep) rmSync(tmp, { recursive: true, force: true });
  }
}

function countFiles(folder: string): number {
  let count = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else count++;
    }
  };
  walk(folder);
  return count;
}

async function main(): Promise<number> {
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    console.error('[load] dist/extension.js is missing: run npm run build (npm run load does)');
    return 2;
  }
  const workspaces = prepare();
  log(`incidents workspace: ${countFiles(workspaces.incidents)} files (symlinks included), empty workspace: ${countFiles(workspaces.empty)} files`);
  const probe = await bundleProbe();
  const editor = await editorModules();
  editor.ensureEditor();
  const results: Record<string, unknown>[] = [];
  for (const scenario of ['empty', 'incidents'] as const) {
    if (values.only && values.only !== scenario) continue;
    log(`scenario ${scenario}: starting the editor`);
    const started = Date.now();
    const result = await runScenario(editor, scenario, scenario === 'incidents' ? workspaces.incidents : workspaces.empty, probe, workspaces.changed);
    log(`scenario ${scenario}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(JSON.stringify(result, null, 2));
    results.push(result);
  }
  const failed = results.filter((result) => result.error);
  for (const result of failed) console.error(`[load] ${String(result.scenario)} failed: ${String(result.error)}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
