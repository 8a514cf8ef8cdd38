// A window opened again starts from the index cache in the extension's
// storage: the same incidents and Problems at once, with the folder checks
// run again right after (the folder may have changed while it was closed).
import * as assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../../src/extension';
import { closeAll, diagnosticsOf, folder, lens, uriOf } from './support/lens';
import { onTestDay } from './support/day';

const INCIDENT = onTestDay('incidents/2026-11-24-search-latency-after-cache-key-change.md');
const LINKED = 'deploy/search/opensearch.yaml';
/** The cache is written once the index has been quiet for 5 s. */
const CACHE_WRITTEN_MS = 6_500;

/** What a user sees: every incident with its title, every Incident Lens problem with its line. */
function seen(api: IncidentLensApi): string[] {
  const incidents = api.workspace.all().flatMap((state) => state.index.incidents().map(({ path, incident }) => `${path} ${incident.id} ${incident.title}`));
  const problems = vscode.languages
    .getDiagnostics()
    .flatMap(([uri, list]) => list.filter((d) => d.source === 'incident-lens').map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line} ${String(d.code)}`));
  return [...incidents, ...problems].sort();
}

async function restart(api: IncidentLensApi): Promise<void> {
  await vscode.commands.executeCommand('incidentLens.refresh');
  await api.workspace.whenReady();
}

suite('warm start from the index cache', () => {
  let api: IncidentLensApi;
  const linked = join(folder().uri.fsPath, LINKED);

  suiteSetup(async () => {
    api = await lens();
    // An open document's unsaved text is not cached (the file on disk is what the next session reads).
    await closeAll();
    await api.workspace.whenReady();
  });

  suiteTeardown(async () => {
    try {
      renameSync(`${linked}.moved`, linked);
    } catch {
      // Already back in place.
    }
    await restart(api);
  });

  test('a restart reads no incident file, and shows the same incidents and problems', async () => {
    await restart(api);
    const fromFiles = seen(api);
    await sleep(CACHE_WRITTEN_MS);
    await restart(api);
    const scan = api.workspace.all()[0].lastScan;
    assert.ok(scan && scan.files >= 10, `${scan?.files} files indexed`);
    assert.equal(scan.fromCache, scan.files, 'every file came from the cache');
    assert.deepEqual(seen(api), fromFiles);
  });

  test('a linked file moved while the window was closed is reported once the checks run again', async () => {
    const uri = uriOf(INCIDENT);
    assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => d.code === 'code-path-missing'));
    // The index does not watch source files, so moving one is what a closed window would have missed.
    renameSync(linked, `${linked}.moved`);
    await restart(api);
    assert.equal(api.workspace.all()[0].lastScan?.fromCache, api.workspace.all()[0].lastScan?.files);
    const list = await diagnosticsOf(uri, (found) => found.some((d) => d.code === 'code-path-missing'));
    assert.match(list.find((d) => d.code === 'code-path-missing')!.message, /deploy\/search\/opensearch\.yaml/);
  });
});
