// Checks the packaged extension as a user gets it: the .vsix installs into a
// fresh code-server, is listed with the right version, holds the JSON Schemas
// its yamlValidation contribution names, the workbench loads with it, the
// extension activates without error (read from the remote extension host's
// log, which records every activation and its failure), and each activity
// bar container it contributes shows up.
//
//   node scripts/editor/check-vsix.mjs [--vsix FILE] [workspace] [--keep]
//
// Without --vsix it packages one first (scripts/editor/package-vsix.mjs).
// The workspace (default as for run-integration) must contain what triggers
// the extension's activation events, e.g. incidents/*.md.
// Prints one line per check; exits non-zero if any fails.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeServerCli, launchChromium, prepareProfile, readTail, startCodeServer } from './code-server.mjs';
import { ensureEditor, repoRoot } from './ensure-editor.mjs';
import { manifest, packageVsix } from './package-vsix.mjs';
import { copyWorkspace, workspaceSource } from './workspace.mjs';

// The whole check, packaging and installing included: on two busy cores the
// installs alone took four minutes once, so this guards against a hang only.
const TIMEOUT_MS = 10 * 60_000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { vsix: { type: 'string' }, keep: { type: 'boolean', default: false } },
});

const started = Date.now();
const { publisher, name, version, contributes = {} } = manifest();
// "%key%" titles come from package.nls.json (the workbench shows English).
const nlsFile = join(repoRoot, 'package.nls.json');
const nls = existsSync(nlsFile) ? JSON.parse(readFileSync(nlsFile, 'utf8')) : {};
const localize = (text) => text.replace(/^%(.+)%$/, (whole, key) => nls[key] ?? whole);
// code-server reports ids in lower case.
const extensionId = `${publisher}.${name}`.toLowerCase();

let passed = 0;
let failed = 0;
function check(ok, title, detail) {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`[vsix] ${ok ? '✓' : '✗'} ${title}${!ok && detail ? `\n${detail}` : ''}`);
  return ok;
}

/** Text of every remote extension host log of the profile. */
function extensionHostLog(profile) {
  const logs = join(profile.userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  return readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('remoteexthost.log'))
    .map((file) => readFileSync(join(logs, file), 'utf8'))
    .join('\n');
}

const tmp = mkdtempSync(join(tmpdir(), 'incident-lens-vsix-'));
const profile = prepareProfile(join(tmp, 'profile'));
let server;
let browser;
let cleaning;

async function finish(code) {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (values.keep || code !== 0) console.log(`[vsix] kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[vsix] ${failed === 0 && code === 0 ? 'all' : `${failed} of`} ${passed + failed} checks ${failed === 0 && code === 0 ? 'passed' : 'failed'} in ${seconds} s`);
    process.exit(code);
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => void finish(130));
}
setTimeout(() => {
  console.error(`[vsix] TIMEOUT after ${TIMEOUT_MS / 1000} s. Last code-server log lines:\n${readTail(profile.logFile)}`);
  void finish(124);
}, TIMEOUT_MS).unref();

try {
  ensureEditor();
  const vsix = values.vsix ?? packageVsix(join(tmp, `${name}-${version}.vsix`));
  console.log(`[vsix] ${vsix}`);

  const install = codeServerCli(profile, ['--install-extension', vsix, '--force']);
  check(install.status === 0 && /successfully installed/i.test(install.output), 'installs into code-server', install.output);

  const list = codeServerCli(profile, ['--list-extensions', '--show-versions']);
  check(
    list.output.toLowerCase().split('\n').includes(`${extensionId}@${version}`),
    `is listed as ${extensionId}@${version}`,
    list.output,
  );

  // Files other extensions read from the installed folder by the manifest's
  // paths: the YAML extension loads the catalog's JSON Schema from there.
  const installed = readdirSync(profile.extensionsDir).find((entry) => entry.toLowerCase().startsWith(`${extensionId}-`));
  for (const { url } of contributes.yamlValidation ?? []) {
    check(!!installed && existsSync(join(profile.extensionsDir, installed, url)), `the package holds ${url}`, `installed folder: ${installed ?? 'none'} in ${profile.extensionsDir}`);
  }

  const workspace = join(tmp, 'workspace');
  console.log(`[vsix] ${copyWorkspace(workspaceSource(positionals[0]), workspace)}`);
  server = await startCodeServer(profile);
  browser = await launchChromium();
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  check(true, 'the workbench loads');

  // The extension host logs "ExtensionService#_doActivateExtension <id>" when
  // it activates an extension, and "Activating extension <id> failed" when
  // activate() throws.
  const activated = `_doActivateExtension ${extensionId}`;
  const activationFailed = `Activating extension ${extensionId} failed`;
  let log = '';
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(250)) {
    log = extensionHostLog(profile).toLowerCase();
    if (log.includes(activated.toLowerCase()) || log.includes(activationFailed.toLowerCase())) break;
  }
  // activate() may be async: give a failure in it a moment to reach the log.
  await sleep(1500);
  log = extensionHostLog(profile);
  const logLower = log.toLowerCase();
  check(logLower.includes(activated.toLowerCase()), 'the extension host activates it', readTail(profile.logFile));
  // The failure line and the error with its stack that follows it.
  const lines = log.split('\n');
  const failures = lines.flatMap((line, index) =>
    line.toLowerCase().includes(activationFailed.toLowerCase()) ? lines.slice(index, index + 8) : [],
  );
  check(failures.length === 0, 'activate() does not fail', failures.join('\n'));

  for (const container of contributes.viewsContainers?.activitybar ?? []) {
    const title = localize(container.title);
    const item = page.locator(`.part.activitybar a.action-label[aria-label^=${JSON.stringify(title)}]`);
    const visible = await item
      .first()
      .waitFor({ timeout: 15_000 })
      .then(() => true, () => false);
    check(visible, `the activity bar shows "${title}"`);
  }

  if (failed > 0) await page.screenshot({ path: join(tmp, 'workbench.png') }).catch(() => {});
  await finish(failed === 0 ? 0 : 1);
} catch (error) {
  if (!cleaning) {
    check(false, 'the check ran to the end', error instanceof Error ? error.stack : String(error));
    await finish(1);
  }
}
