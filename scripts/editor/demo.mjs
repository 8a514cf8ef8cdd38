// `npm run demo`: the packaged extension in a real VS Code (code-server) on
// loopback, opened on the example workspace, until Ctrl-C.
//
//   node scripts/editor/demo.mjs [--port N] [--vsix FILE] [--screenshot FILE]
//
// - packages a fresh .vsix (unless --vsix) and installs it into an isolated
//   profile, so the demo shows what users get, not the development build;
// - the workspace is a git repository made by scripts/make-example-repo.mjs
//   when that script exists (hotspots and commit links need history), else a
//   plain copy of examples/workspace;
// - port: --port, else $PORT, else a free one; bound to 127.0.0.1 only;
// - --screenshot FILE: open the workbench in headless Chromium, show the
//   Incidents view, save a PNG and exit (for the README).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeServerCli, launchChromium, prepareProfile, startCodeServer } from './code-server.mjs';
import { ensureEditor, repoRoot } from './ensure-editor.mjs';
import { packageVsix } from './package-vsix.mjs';
import { copyWorkspace } from './workspace.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT },
    vsix: { type: 'string' },
    screenshot: { type: 'string' },
  },
});

function say(message) {
  console.log(`[demo] ${message}`);
}

function fail(message) {
  console.error(`[demo] ${message}`);
  process.exit(1);
}

const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) fail(`bad port ${values.port}`);

ensureEditor();
const tmp = mkdtempSync(join(tmpdir(), 'incident-lens-demo-'));
let server;
let stopping;

async function stop(code) {
  stopping ??= (async () => {
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    say('stopping');
    void stop(0);
  });
}

try {
  let vsix = values.vsix && resolve(values.vsix);
  if (!vsix) {
    say('packaging the extension');
    vsix = packageVsix(join(tmp, 'incident-lens.vsix'));
  }
  const profile = prepareProfile(join(tmp, 'profile'));
  const install = codeServerCli(profile, ['--install-extension', vsix, '--force']);
  if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.output}`);
  say(`installed ${vsix}`);

  const workspace = join(tmp, 'workspace');
  const makeRepo = join(repoRoot, 'scripts', 'make-example-repo.mjs');
  if (existsSync(makeRepo)) {
    const made = spawnSync(process.execPath, [makeRepo, workspace], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`make-example-repo failed:\n${made.stdout}${made.stderr}`);
    say(`workspace: example git repository in ${workspace}`);
  } else {
    say(copyWorkspace(join(repoRoot, 'examples', 'workspace'), workspace));
  }

  server = await startCodeServer(profile, port === undefined ? {} : { port });
  const address = `${server.url}/?folder=${encodeURIComponent(workspace)}`;

  if (values.screenshot) {
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(address);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const incidents = page.locator('.part.activitybar a.action-label[aria-label^="Incidents"]').first();
    // The item appears once the extension's contributions are registered.
    const shown = await incidents.waitFor({ timeout: 20_000 }).then(() => true, () => false);
    if (shown) await incidents.click();
    else say('no "Incidents" item in the activity bar; screenshot of the plain workbench');
    // The first scan fills the view; wait for an incident row, then let decorations settle.
    const row = page.locator('.monaco-list-row', { hasText: 'INC-' }).first();
    if (!(await row.waitFor({ timeout: 30_000 }).then(() => true, () => false))) say('no incident rows appeared within 30 s');
    await sleep(1500);
    await page.screenshot({ path: resolve(values.screenshot) });
    await browser.close();
    say(`screenshot: ${resolve(values.screenshot)}`);
    await stop(0);
  } else {
    say(`open ${address}`);
    say('Ctrl-C to stop');
    // Keep running: the signal handlers end the demo.
    setInterval(() => {}, 1 << 30);
  }
} catch (error) {
  console.error(`[demo] ${error instanceof Error ? error.message : error}`);
  await stop(1);
}
