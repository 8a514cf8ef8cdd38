// Restricted Mode, proved from outside the product: with workspace trust on
// and the folder untrusted, Incident Lens starts no child process and writes
// no file, while its diagnostics, views, hotspots and timeline panel still
// work, and the commands that would write say why they do not.
//
// How "no child process" is proved. Every way Node starts a process goes
// through the `child_process` module, which the extension's bundle (and
// simple-git inside it) calls as `(0, child_process.spawn)(...)`: the
// function is looked up on the shared module object at each call. This
// suite replaces those functions on that object with recorders, then drives
// again every path that activation took (a full rescan, hotspots, views)
// and the ones a user takes next. A recorder sees every call, however short
// the process would have lived, and its stack says whose call it was (calls
// from other extensions are listed, not failed). This is more honest than a
// counter inside src/node/gitProcess.ts, which sees only the calls that go
// through that module. The children of the extension host in /proc are
// compared before and after as a second, independent check; it cannot see
// a git that came and went between the two looks, which is why it is not
// the main one.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../../src/extension';
import { closeAll, diagnosticsOf, eventually, EXTENSION_ID, folder, lens, open, uriOf } from './support/lens';
import { onTestDay } from './support/day';

type Spawner = 'spawn' | 'spawnSync' | 'exec' | 'execSync' | 'execFile' | 'execFileSync' | 'fork';
const SPAWNERS: readonly Spawner[] = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];

interface SpawnCall {
  readonly how: Spawner;
  readonly command: string;
  readonly stack: string;
}

/** Replaces the module's process starters with recorders that still start the process (other extensions must keep working). */
function recordSpawns(): { calls: SpawnCall[]; restore(): void } {
  const calls: SpawnCall[] = [];
  // The module object itself, shared by every module in the extension host (an `import * as` would give the
  // bundler's read-only copy of it); its properties are writable.
  const module = require('node:child_process') as Record<Spawner, (...args: unknown[]) => unknown>;
  const originals = new Map<Spawner, (...args: unknown[]) => unknown>();
  for (const how of SPAWNERS) {
    const original = module[how];
    originals.set(how, original);
    module[how] = function recorded(this: unknown, ...args: unknown[]) {
      calls.push({ how, command: String(args[0]), stack: new Error().stack ?? '' });
      return original.apply(this, args);
    };
  }
  return {
    calls,
    restore: () => {
      for (const [how, original] of originals) module[how] = original;
    },
  };
}

/** Process ids of the extension host's children, from /proc (Linux); undefined elsewhere. */
function childrenOfThisProcess(): number[] | undefined {
  try {
    return readdirSync(`/proc/${process.pid}/task`)
      .flatMap((task) => readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '(gone)';
  }
}

/** Every file under the folder (the .git folder included) with its size and modification time. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = statSync(full, { throwIfNoEntry: false });
        files.set(full.slice(root.length + 1), stat ? `${stat.size} ${stat.mtimeMs}` : 'unreadable');
      }
    }
  };
  walk(root);
  return files;
}

function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, stat] of after) if (before.get(path) !== stat) changed.push(`${before.has(path) ? 'changed' : 'new'}: ${path}`);
  for (const path of before.keys()) if (!after.has(path)) changed.push(`removed: ${path}`);
  return changed;
}

/** Collects the notifications shown while `run` runs (the extension and this suite share one vscode API object). */
async function notificationsDuring(run: () => Thenable<unknown>): Promise<string[]> {
  const window = vscode.window as unknown as Record<'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage', (message: string, ...rest: unknown[]) => Thenable<unknown>>;
  const shown: string[] = [];
  const originals = { showInformationMessage: window.showInformationMessage, showWarningMessage: window.showWarningMessage, showErrorMessage: window.showErrorMessage };
  for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
    window[name] = (message: string) => {
      shown.push(message);
      // Answered at once, as if dismissed: nothing waits on a toast nobody clicks.
      return Promise.resolve(undefined);
    };
  }
  try {
    await run();
  } finally {
    Object.assign(window, originals);
  }
  return shown;
}

const LINKED_SOURCE = 'src/cache/ttl.ts';
const INCIDENT = onTestDay('incidents/2026-09-22-checkout-latency-cache-ttl.md');

suite('untrusted workspace: what Incident Lens does not do', () => {
  let api: IncidentLensApi;
  let spawns: ReturnType<typeof recordSpawns>;
  let filesBefore: Map<string, string>;
  let childrenBefore: number[] | undefined;
  let extensionPath: string;

  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder is untrusted');
    api = await lens();
    // The test profile turns auto save off (scripts/editor/code-server.mjs): typed text is never saved by the editor here.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
    // A repository's own settings try to raise the size limit (see the test below); written before the snapshot.
    const settings = join(folder().uri.fsPath, '.vscode', 'settings.json');
    mkdirSync(join(folder().uri.fsPath, '.vscode'), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'incidentLens.maxFileSize': 1_000_000_000, 'incidentLens.hotspots.halfLifeDays': 99 }));
    // The other setting in the file shows the editor has read it.
    await eventually(() => assert.equal(vscode.workspace.getConfiguration('incidentLens').get('hotspots.halfLifeDays'), 99), 10_000);
    await api.workspace.whenReady();
    extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    childrenBefore = childrenOfThisProcess();
    filesBefore = snapshot(folder().uri.fsPath);
    spawns = recordSpawns();
  });

  suiteTeardown(async () => {
    spawns.restore();
    await closeAll();
  });

  test('a full rescan (what activation does) indexes every incident and reports diagnostics', async () => {
    await vscode.commands.executeCommand('incidentLens.refresh');
    await api.workspace.whenReady();
    const incidents = api.workspace.all().flatMap((state) => state.index.incidents());
    assert.ok(incidents.length >= 10, `${incidents.length} incidents indexed`);
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === 'incident-lens'));
    assert.ok(all.length > 0, 'the Problems view has Incident Lens diagnostics');
    // Checking commits needs git, which does not run here: none is called unknown.
    assert.deepEqual(all.filter((d) => d.code === 'commit-unknown'), []);
  });

  test('an open incident file gets diagnostics as it is typed in (unsaved text, nothing written)', async () => {
    const editor = await open(uriOf(INCIDENT));
    await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), 'sevrity: SEV2\n'));
    const list = await diagnosticsOf(editor.document.uri, (found) => found.some((d) => d.code === 'unknown-field'));
    assert.ok(list.some((d) => /Did you mean `severity`/.test(d.message)));
    // No quick fixes in Restricted Mode: they would write.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, list[0].range);
    assert.deepEqual((actions ?? []).filter((action) => /Rename|Add|Sort|Change/.test(action.title)), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the views and the hotspots still work, from the files alone', async () => {
    await vscode.commands.executeCommand('incidentLens.refreshHotspots');
    await eventually(() => assert.ok((api.hotspots.service.all()[0]?.ranking.files.length ?? 0) > 0, 'hotspots ranked'), 30_000);
    const groups = api.hotspots.view.getChildren();
    assert.ok(api.hotspots.view.getChildren(groups[0]).length > 0, 'the Hotspots view lists files');
    assert.ok(api.hotspots.decorations.provideFileDecoration(uriOf(LINKED_SOURCE)), `${LINKED_SOURCE} has an Explorer badge`);
    await open(uriOf(LINKED_SOURCE));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uriOf(LINKED_SOURCE));
    assert.ok(lenses.some((codeLens) => /incident/.test(codeLens.command?.title ?? '')), 'the CodeLens on a linked file');
    api.response.incidents.refreshNow();
    assert.ok(api.response.incidents.describe(1).length > 0, 'the Incidents view has groups');
  });

  test('the timeline panel renders, and refuses edits with the reason', async () => {
    const uri = uriOf(INCIDENT);
    await vscode.commands.executeCommand('incidentLens.openTimeline', uri);
    const panel = await eventually(() => {
      const found = api.timeline.panels.get(uri);
      assert.ok(found?.lastRender && found.isReady, 'the panel rendered in its webview');
      return found;
    }, 30_000);
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    const result = await panel.handle({ type: 'edit', requestId: 1, version: document.version, index: 0, changes: { text: 'Changed in Restricted Mode' } });
    assert.equal(result.outcome, 'failed');
    assert.match(result.message, /Restricted Mode/);
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  test('Link Selection and Import Postmortem say why they cannot write', async () => {
    const editor = await open(uriOf(LINKED_SOURCE));
    editor.selection = new vscode.Selection(2, 0, 4, 0);
    const link = await notificationsDuring(() => vscode.commands.executeCommand('incidentLens.linkSelection'));
    assert.equal(link.length, 1, link.join(' | '));
    assert.match(link[0], /untrusted workspace|Restricted Mode/);
    const imported = await notificationsDuring(() => vscode.commands.executeCommand('incidentLens.importPostmortem'));
    assert.equal(imported.length, 1, imported.join(' | '));
    assert.match(imported[0], /untrusted workspace|Restricted Mode/);
    // The quick fix that adds a service is not offered here; called directly, it says why.
    const catalog = await notificationsDuring(() => vscode.commands.executeCommand('incidentLens.addServiceToCatalog', uriOf('incidents/catalog.yaml'), 'not-in-catalog'));
    assert.equal(catalog.length, 1, catalog.join(' | '));
    assert.match(catalog[0], /Restricted Mode/);
  });

  test('the folder cannot raise the file size limit', () => {
    // The folder's settings (written before the suite, like a cloned repository's) say 1 GB; Restricted Mode ignores that one.
    assert.equal(vscode.workspace.getConfiguration('incidentLens').get('hotspots.halfLifeDays'), 99);
    assert.equal(vscode.workspace.getConfiguration('incidentLens').get('maxFileSize'), 2 * 1024 * 1024);
    assert.equal(api.workspace.all()[0].index.options.lint.maxBytes, 2 * 1024 * 1024);
  });

  test('no child process was started by Incident Lens', () => {
    const ours = spawns.calls.filter((call) => call.stack.includes(extensionPath) && !call.stack.includes(`${extensionPath}/out/test/`));
    assert.deepEqual(
      ours.map((call) => `${call.how}(${call.command})\n${call.stack}`),
      [],
      'Incident Lens started a process in an untrusted workspace',
    );
    const others = spawns.calls.filter((call) => !ours.includes(call));
    if (others.length > 0) console.log(`  (other extensions started ${others.length} process(es): ${others.map((call) => call.command).join(', ')})`);
    const now = childrenOfThisProcess();
    if (childrenBefore && now) {
      const started = now.filter((pid) => !childrenBefore!.includes(pid)).map((pid) => `${pid}: ${commandLine(pid)}`);
      assert.deepEqual(started.filter((line) => /\bgit\b/.test(line)), [], 'a git process is running under the extension host');
    }
  });

  test('no file in the workspace folder was written', () => {
    assert.deepEqual(differences(filesBefore, snapshot(folder().uri.fsPath)), []);
  });

  // Last: it changes the folder's settings.
  test('an incident glob from the folder\'s settings does not reach outside the folder', async () => {
    const outside = join(folder().uri.fsPath, '..', 'outside-the-folder');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, '2026-01-01-leak.md'), '---\nid: SECRET-1\ntitle: not yours\n---\n');
    writeFileSync(join(folder().uri.fsPath, '.vscode', 'settings.json'), JSON.stringify({ 'incidentLens.files': '../outside-the-folder/*.md' }));
    await eventually(() => assert.equal(api.workspace.all()[0]?.index.options.incidentGlob, '../outside-the-folder/*.md'), 15_000);
    await api.workspace.whenReady();
    assert.deepEqual(api.workspace.all()[0].index.paths(), []);
    const leaked = vscode.languages.getDiagnostics().filter(([uri]) => uri.fsPath.includes('outside-the-folder'));
    assert.deepEqual(leaked, []);
  });
});
