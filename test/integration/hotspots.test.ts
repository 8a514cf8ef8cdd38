// Hotspots on the example workspace (a git copy with its real history):
// Explorer badges, marks and hover on linked lines, the CodeLens, the view.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { closeAll, diagnosticsOf, eventually, folder, lens, open, removeFile, uriOf, writeFile } from './support/lens';
import { onTestDay, testNowMs } from './support/day';
import { QuickPicks } from './support/quickPicks';
import { ui } from './support/response';

/** git in the workspace copy, with the user's configuration kept out; its output, trimmed. */
function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: folder().uri.fsPath,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    encoding: 'utf8',
  }).trim();
}

suite('hotspots', () => {
  suiteSetup(async () => {
    const api = await lens();
    await eventually(() => assert.ok(api.hotspots.service.all().length > 0 && api.hotspots.service.all()[0].ranking.files.length > 0, 'hotspots computed'), 30_000);
  });

  suiteTeardown(closeAll);

  test('files linked to incidents get a badge with their incident count', async () => {
    const api = await lens();
    const ttl = api.hotspots.decorations.provideFileDecoration(uriOf('src/cache/ttl.ts'));
    assert.ok(ttl, 'src/cache/ttl.ts is decorated');
    assert.equal(ttl.badge, '2');
    assert.match(String(ttl.tooltip), /INC-2026-014/);
    assert.equal(api.hotspots.decorations.provideFileDecoration(uriOf('src/search/query.ts')), undefined, 'a file no incident touched has no badge');
    const cacheFolder = api.hotspots.decorations.provideFileDecoration(uriOf('src/cache'));
    assert.ok(cacheFolder && Number(cacheFolder.badge) >= 4, `src/cache/ rolls up its files (${cacheFolder?.badge})`);
  });

  test('hovering a linked line lists the incident with a link to it', async () => {
    const uri = uriOf('src/cache/ttl.ts');
    await open(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(14, 2));
    const text = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Incidents linked to these lines/);
    assert.match(text, /\[INC-2026-014\]\(command:vscode\.open\?/);
    assert.match(text, /SEV2/);
  });

  test('a hot file has a CodeLens with its incidents and the last one', async () => {
    const uri = uriOf('src/cache/ttl.ts');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(titles.some((title) => /2 incidents · last .+ ago|2 incidents · last (today|yesterday)/.test(title)), titles.join(' | '));
  });

  test('the CodeLens can be turned off', async () => {
    const uri = uriOf('src/cache/ttl.ts');
    const config = vscode.workspace.getConfiguration('incidentLens.hotspots');
    await config.update('codeLens', false, vscode.ConfigurationTarget.Workspace);
    try {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.ok(!lenses.some((lens) => lens.command?.title.includes('incidents')));
    } finally {
      await config.update('codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the Hotspots view ranks files by score, highest first, with counts', async () => {
    const api = await lens();
    const groups = api.hotspots.view.getChildren();
    const files = api.hotspots.view.getChildren(groups[0]);
    assert.ok(files.length >= 5);
    const items = files.map((node) => api.hotspots.view.getTreeItem(node));
    const scores = items.map((item) => Number(/score ([\d.]+)/.exec(String(item.description))?.[1]));
    assert.deepEqual([...scores], [...scores].sort((a, b) => b - a));
    assert.match(String(items[0].description), /\d+ incidents? · score/);
    assert.equal(String(items[0].label), api.hotspots.service.all()[0].ranking.files[0].path);
  });

  test('filtering by severity re-scores with only those incidents', async () => {
    const api = await lens();
    api.hotspots.view.setFilter({ severities: ['SEV1'] });
    try {
      const groups = api.hotspots.view.getChildren();
      const files = api.hotspots.view.getChildren(groups[0]).map((node) => api.hotspots.view.getTreeItem(node));
      const tooltips = files.map((item) => String(item.tooltip));
      assert.ok(tooltips.length > 0);
      assert.ok(tooltips.every((tip) => !/ SEV[234] /.test(tip)), tooltips.join('\n'));
    } finally {
      api.hotspots.view.setFilter({});
    }
  });

  test('filtering by time window keeps only the incidents that started within it', async () => {
    const api = await lens();
    const since = testNowMs() - 30 * 86_400_000;
    const recent = new Set(
      api.workspace
        .all()
        .flatMap((state) => state.index.incidents())
        .filter(({ incident }) => incident.started !== undefined && incident.started.epochMs >= since)
        .map(({ incident }) => incident.id),
    );
    api.hotspots.view.setFilter({ days: 30 });
    try {
      const groups = api.hotspots.view.getChildren();
      const tooltips = api.hotspots.view.getChildren(groups[0]).map((node) => String(api.hotspots.view.getTreeItem(node).tooltip));
      const shown = tooltips.flatMap((tip) => tip.match(/INC-\d{4}-\d{3}/g) ?? []);
      assert.ok(shown.length > 0, 'some recent incidents are linked to code');
      assert.deepEqual(shown.filter((id) => !recent.has(id)), [], tooltips.join('\n'));
    } finally {
      api.hotspots.view.setFilter({});
    }
  });

  test('Filter Hotspots… asks for a time window and severities with its quick picks; the view keeps those incidents and says so', async () => {
    const api = await lens();
    const view = api.hotspots.view;
    view.setFilter({});
    const picks = new QuickPicks();
    try {
      const filtering = vscode.commands.executeCommand('incidentLens.filterHotspots');
      const windows = await picks.shown('Hotspots: which incidents count?');
      assert.deepEqual(windows.map((item) => item.label), ['All time', 'Last 90 days', 'Last 180 days', 'Last 365 days']);
      await ui.next();
      await picks.accept('Hotspots: which incidents count?');
      const levels = await picks.shown('Hotspots: which severities?');
      assert.deepEqual(levels.map((item) => [item.label, item.picked]), [['SEV1', true], ['SEV2', true], ['SEV3', true], ['SEV4', true]]);
      // Every level starts checked: uncheck all but SEV2.
      await ui.next();
      await ui.toggle();
      await ui.next(2);
      await ui.toggle();
      await ui.next();
      await ui.toggle();
      await picks.accept('Hotspots: which severities?');
      await filtering;
      assert.equal(view.view?.description, 'last 90 days · SEV2', 'the view\'s title says what it shows');
      const since = testNowMs() - 90 * 86_400_000;
      const kept = new Set(
        api.workspace
          .all()
          .flatMap((state) => state.index.incidents())
          .filter(({ incident }) => incident.severity === 'SEV2' && incident.started !== undefined && incident.started.epochMs >= since)
          .map(({ incident }) => incident.id),
      );
      const tooltips = view.getChildren(view.getChildren()[0]).map((node) => String(view.getTreeItem(node).tooltip));
      const shown = tooltips.flatMap((tip) => tip.match(/INC-\d{4}-\d{3}/g) ?? []);
      assert.ok(shown.length > 0, 'recent SEV2 incidents are linked to code');
      assert.deepEqual(shown.filter((id) => !kept.has(id)), [], tooltips.join('\n'));
    } finally {
      picks.dispose();
      view.setFilter({});
    }
  });

  test('Show Incidents of This File, from the CodeLens: a pick of the file\'s incidents, and the one chosen opens', async () => {
    const api = await lens();
    const uri = uriOf('src/cache/ttl.ts');
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const command = lenses.map((codeLens) => codeLens.command).find((candidate) => candidate?.command === 'incidentLens.showFileIncidents');
    assert.ok(command, 'the CodeLens runs Show Incidents of This File');
    const picks = new QuickPicks();
    try {
      // What a click on the CodeLens runs.
      const showing = vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const items = await picks.shown('2 incidents in src/cache/ttl.ts');
      assert.equal(items.length, 2);
      assert.ok(items.some((item) => item.label === 'INC-2026-014'), items.map((item) => item.label).join(', '));
      await ui.next();
      await picks.accept('2 incidents in src/cache/ttl.ts');
      await showing;
      const chosen = api.workspace.all()[0].index.incidents().find(({ incident }) => incident.id === items[1].label);
      assert.ok(chosen, `${items[1].label} is an incident of the workspace`);
      await eventually(() => assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(chosen.path).toString(), 'the second row\'s incident is open'));
    } finally {
      picks.dispose();
      await closeAll();
    }
  });

  test('Link Selection to Incident adds a code link through the quick pick', async () => {
    const uri = uriOf('src/search/query.ts');
    const editor = await open(uri);
    editor.selection = new vscode.Selection(2, 0, 4, 0);
    const running = vscode.commands.executeCommand('incidentLens.linkSelection');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    const api = await lens();
    const state = api.workspace.all()[0];
    const linked = await eventually(async () => {
      const documents = vscode.workspace.textDocuments.filter((document) => document.isDirty && document.getText().includes('path: src/search/query.ts, lines: 3-4'));
      assert.equal(documents.length, 1, 'one incident gained the link (unsaved, undoable)');
      return documents[0];
    });
    assert.ok(state.index.matches(vscode.workspace.asRelativePath(linked.uri)));
    await vscode.window.showTextDocument(linked);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the Hotspots view says when some commits could not be read, and stops saying it once they are gone', async () => {
    const api = await lens();
    const message = () => api.hotspots.view.view?.message;
    assert.equal(message(), undefined, 'the example history reads in full');
    const path = 'incidents/2026-12-01-unknown-commit.md';
    const text = ['---', 'id: INC-2026-090', 'title: A fix from a commit this clone lacks', 'status: investigating', 'severity: SEV3', 'started: 2026-12-01T10:00:00Z', 'commits:', '  - {sha: deadbee, role: fix}', '---', ''].join('\n');
    await writeFile(path, text);
    try {
      await eventually(() => assert.equal(message(), '1 commit could not be read; the ranking uses the rest. The Incident Lens output says which.'), 30_000);
    } finally {
      await removeFile(path);
    }
    await eventually(() => assert.equal(message(), undefined), 30_000);
  });

  test('a commit made outside the editor that names an incident is ranked without a refresh, and so is a branch moved in packed-refs', async () => {
    const api = await lens();
    const linked = () => api.hotspots.service.all()[0].byPath.get('src/search/guard.ts')?.incidents.map((incident) => incident.id);
    const before = git('rev-parse', 'HEAD');
    await writeFile('src/search/guard.ts', 'export const GUARD = true;\n');
    git('add', 'src/search/guard.ts');
    git('commit', '-q', '-m', 'Guard the cache key (INC-2026-014)');
    try {
      await eventually(() => assert.deepEqual(linked(), ['INC-2026-014']), 30_000);
      // The branch only in packed-refs, then moved back there: no loose ref or HEAD file changes.
      const after = git('rev-parse', 'HEAD');
      git('pack-refs', '--all');
      const packed = vscode.Uri.file(resolve(folder().uri.fsPath, git('rev-parse', '--git-path', 'packed-refs')));
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(packed));
      assert.ok(text.includes(`${after} refs/heads/`), 'the branch is packed');
      await vscode.workspace.fs.writeFile(packed, new TextEncoder().encode(text.replace(`${after} refs/heads/`, `${before} refs/heads/`)));
      await eventually(() => assert.equal(linked(), undefined), 30_000);
    } finally {
      git('reset', '-q', '--hard', before);
    }
  });

  suite('linked source files', () => {
    const TTL = 'src/cache/ttl.ts';
    const INCIDENT = onTestDay('incidents/2026-09-22-checkout-latency-cache-ttl.md');
    const MOVED_DOWN = Array.from({ length: 10 }, (_, i) => `// moved down ${i + 1}`).join('\n') + '\n';
    let original = '';

    const drifted = (list: vscode.Diagnostic[]) => list.filter((d) => d.code === 'code-link-drifted').map((d) => d.range.start.line + 1);
    /** INC-2026-014's `code:` lines on ttl.ts, as the gutter marks and the hover use them. */
    const codeMarks = async () => {
      const api = await lens();
      const file = api.hotspots.service.forUri(uriOf(TTL))?.hotspots.byPath.get(TTL);
      const share = file?.incidents.find((incident) => incident.id === 'INC-2026-014');
      return (share?.lines ?? []).filter((span) => span.role === 'code').map((span) => `${span.start}-${span.end}`);
    };

    suiteSetup(async () => {
      original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(TTL)));
      await eventually(async () => assert.deepEqual(await codeMarks(), ['15-16', '33-41']), 30_000);
    });

    teardown(async () => {
      await closeAll();
      await vscode.workspace.fs.writeFile(uriOf(TTL), new TextEncoder().encode(original));
      await diagnosticsOf(uriOf(INCIDENT), (list) => drifted(list).length === 0 && !list.some((d) => d.code === 'code-path-missing'));
    });

    test('saving a linked source file whose pattern moved raises code-link-drifted, and the marks follow the pattern', async () => {
      const incidentBefore = new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(INCIDENT)));
      await vscode.workspace.fs.writeFile(uriOf(TTL), new TextEncoder().encode(MOVED_DOWN + original));
      const list = await diagnosticsOf(uriOf(INCIDENT), (found) => drifted(found).length === 2);
      assert.deepEqual(drifted(list), [20, 21], 'both ttl.ts links, on their lines values');
      assert.match(list.find((d) => d.code === 'code-link-drifted')?.message ?? '', /now at lines 26-27 of src\/cache\/ttl\.ts, not 15-16/);
      await eventually(async () => assert.deepEqual(await codeMarks(), ['26-27', '47-55']));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uriOf(TTL), new vscode.Position(25, 2));
      assert.match(hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n'), /INC-2026-014/);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(INCIDENT))), incidentBefore, 'the incident file was not touched');
    });

    test('unsaved edits in a linked source file count too, and closing without saving takes them back', async () => {
      const editor = await open(uriOf(TTL));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), MOVED_DOWN));
      assert.ok(editor.document.isDirty);
      await diagnosticsOf(uriOf(INCIDENT), (found) => drifted(found).length === 2);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await diagnosticsOf(uriOf(INCIDENT), (found) => drifted(found).length === 0);
    });

    test('renaming a linked source file reports code-path-missing, and renaming it back clears it', async () => {
      const renamed = uriOf('src/cache/ttl-renamed.ts');
      await vscode.workspace.fs.rename(uriOf(TTL), renamed);
      try {
        const list = await diagnosticsOf(uriOf(INCIDENT), (found) => found.filter((d) => d.code === 'code-path-missing').length === 2);
        assert.deepEqual(list.filter((d) => d.code === 'code-path-missing').map((d) => d.range.start.line + 1), [20, 21]);
      } finally {
        await vscode.workspace.fs.rename(renamed, uriOf(TTL), { overwrite: true });
      }
      await diagnosticsOf(uriOf(INCIDENT), (found) => !found.some((d) => d.code === 'code-path-missing'));
    });
  });
});
