// Runs the integration suite (out/test/integration/index.js) inside a real
// VS Code: code-server from npm, driven by headless Chromium. Offline.
//
//   node scripts/editor/run-integration.mjs [workspace] [--untrusted] [--timeout SECONDS] [--keep]
//
// - workspace: folder copied to a temp dir and opened (tests may write in it);
//   default test/fixtures/workspace, else examples/workspace, else empty.
// - --untrusted (or INCIDENT_LENS_UNTRUSTED=1): workspace trust on and the
//   folder left untrusted; runs the *.untrusted.test.ts files only.
// - --timeout (or INCIDENT_LENS_TEST_TIMEOUT, seconds; default 600).
// - --keep: keep the temp dir (workspace, profile, code-server.log).
// - --verbose: also show the workbench's console before the suite starts.
// - INCIDENT_LENS_GREP=<text>: only tests whose full title contains it.
//
// Builds nothing: expects dist/extension.js and the bundled tests
// (node scripts/build.mjs && node scripts/editor/build-tests.mjs).
// Exits with the suite's exit code; the last line is `N passed, N failed`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium, prepareProfile, readTail, startCodeServer } from './code-server.mjs';
import { ensureEditor, repoRoot } from './ensure-editor.mjs';
import { copyWorkspace, workspaceSource } from './workspace.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    untrusted: { type: 'boolean', default: process.env.INCIDENT_LENS_UNTRUSTED === '1' },
    timeout: { type: 'string', default: process.env.INCIDENT_LENS_TEST_TIMEOUT ?? '600' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const untrusted = values.untrusted;
const timeoutMs = Number(values.timeout) * 1000;
if (!(timeoutMs > 0)) {
  console.error(`[integration] --timeout wants a number of seconds, got ${values.timeout}`);
  process.exit(2);
}
const started = Date.now();

function say(message) {
  console.log(`[integration] ${message}`);
}

for (const required of ['dist/extension.js', 'out/test/integration/index.js']) {
  if (!existsSync(join(repoRoot, required))) {
    console.error(`[integration] ${required} is missing: run node scripts/build.mjs && node scripts/editor/build-tests.mjs`);
    process.exit(2);
  }
}

ensureEditor();

const tmp = mkdtempSync(join(tmpdir(), 'incident-lens-it-'));
const workspace = join(tmp, 'workspace');
say(copyWorkspace(workspaceSource(positionals[0]), workspace));
const profile = prepareProfile(join(tmp, 'profile'), { trust: untrusted });

let server;
let browser;
let lastSummary;
// test/integration/index.ts prints this first; see codeAutomationLog below.
const SUITE_START_MARKER = 'Incident Lens integration tests';
let suiteStarted = false;
const heldBack = [];
// Workbench lines that also show up while the suite runs and say nothing.
const WORKBENCH_NOISE = [/^Ignoring fetching additional builtin extensions/, /^\[AccountPolicyGate\]/];
let cleaning;

async function cleanup(code) {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    // Keep the evidence of a failure; an interrupted run has none worth keeping.
    if (values.keep || (code !== 0 && code !== 130)) {
      say(`kept ${tmp} (code-server log: ${profile.logFile})`);
    } else {
      rmSync(tmp, { recursive: true, force: true });
    }
    say(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${code}`);
    // CI reads the closing line: repeat the suite's summary last.
    if (lastSummary) console.log(lastSummary);
    process.exit(code);
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[integration] ${signal}: stopping code-server`);
    void cleanup(130);
  });
}

const timer = setTimeout(() => {
  console.error(
    `[integration] TIMEOUT: the suite did not finish within ${timeoutMs / 1000} s ` +
      `(${suiteStarted ? 'a hanging test' : 'the suite never started'}).\n` +
      (suiteStarted ? '' : `Workbench console:\n${heldBack.join('\n')}\n`) +
      `Last code-server log lines:\n${readTail(profile.logFile)}`,
  );
  void cleanup(124);
}, timeoutMs);
timer.unref();

try {
  server = await startCodeServer(profile, {
    trust: untrusted,
    smokeTestDriver: true,
    env: {
      INCIDENT_LENS_EDITOR: 'code-server',
      INCIDENT_LENS_UNTRUSTED: untrusted ? '1' : '0',
      ...(process.env.INCIDENT_LENS_GREP ? { INCIDENT_LENS_GREP: process.env.INCIDENT_LENS_GREP } : {}),
    },
  });
  say(`code-server on ${server.url}${untrusted ? ' (workspace trust on, folder untrusted)' : ''}`);

  // code-server has no --extensionDevelopmentPath; the workbench takes the
  // same options from the URL's payload, as paths on the remote side.
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(join(repoRoot, 'out', 'test', 'integration', 'index.js'))],
  ];
  const url =
    `${server.url}/?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await launchChromium();
  const page = await browser.newPage();
  const exitCode = new Promise((resolveExit) => {
    // The workbench calls this with the run's exit code when run() settles.
    void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  });
  // The workbench's and the extension host's console arrive here as
  // [fmt, ...args]. The workbench's own chatter before the suite starts is
  // held back (shown with --verbose, or if the suite never starts).
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    if (!suiteStarted && text.startsWith(SUITE_START_MARKER)) suiteStarted = true;
    if (!values.verbose && WORKBENCH_NOISE.some((pattern) => pattern.test(text))) return;
    if (!suiteStarted && !values.verbose) {
      heldBack.push(text);
      return;
    }
    for (const line of text.split('\n')) {
      if (/^\d+ passed, \d+ failed$/.test(line)) lastSummary = line;
    }
    console.log(text);
  });
  page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
  await page.goto(url);
  say('workbench loading; the extension host runs the suite');

  const code = await exitCode;
  if (code !== 0 && !lastSummary) {
    console.error(
      `[integration] the suite failed before reporting. Workbench console:\n${heldBack.join('\n')}\n` +
        `Last code-server log lines:\n${readTail(profile.logFile)}`,
    );
  }
  await cleanup(code);
} catch (error) {
  // After a signal or the timeout, a pending browser call fails: not news.
  if (!cleaning) console.error(`[integration] ${error instanceof Error ? error.stack : error}`);
  await cleanup(1);
}
