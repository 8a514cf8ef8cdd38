// Runs the integration suite (out/test/integration/index.js) inside a real
// VS Code: code-server from npm, driven by headless Chromium. Offline.
//
//   node scripts/editor/run-integration.mjs [workspace] [--untrusted | --all]
//        [--timeout SECONDS] [--keep] [--verbose]
//
// - workspace: folder copied to a temp dir and opened (tests may write in it);
//   default test/fixtures/workspace, else examples/workspace, else empty.
// - --untrusted (or INCIDENT_LENS_UNTRUSTED=1): workspace trust on and the
//   folder left untrusted; runs the *.untrusted.test.ts files only.
// - --all: the normal run, then the untrusted run (when there are untrusted
//   tests), each in a fresh editor, with one summary for both.
// - --timeout (or INCIDENT_LENS_TEST_TIMEOUT, seconds; default 600): for the
//   whole invocation.
// - --keep: keep the temp dirs (workspace, profile, code-server.log); they
//   are kept anyway when a run fails.
// - --verbose: also show the workbench's console before the suite starts.
// - INCIDENT_LENS_GREP=<pattern>: only tests whose full title matches it (a
//   mocha grep); a session where it matches no test fails.
// - INCIDENT_LENS_NOW: the pinned "now" (set by scripts/test.mjs from
//   TEST_TODAY; default scripts/test-day.mjs's EXAMPLE_NOW).
//
// Builds nothing: expects dist/extension.js and the bundled tests
// (node scripts/build.mjs && node scripts/editor/build-tests.mjs).
// Exits 0 only if every run passed; the last line is `N passed, N failed`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium, prepareProfile, readTail, startCodeServer } from './code-server.mjs';
import { ensureEditor, repoRoot } from './ensure-editor.mjs';
import { makeMultiRoot, sessionModes } from './modes.mjs';
import { copyWorkspace, workspaceSource } from './workspace.mjs';
import { ensureTestNow } from '../test-day.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    untrusted: { type: 'boolean', default: process.env.INCIDENT_LENS_UNTRUSTED === '1' },
    'multi-root': { type: 'boolean', default: process.env.INCIDENT_LENS_MULTIROOT === '1' },
    all: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.INCIDENT_LENS_TEST_TIMEOUT ?? '600' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const timeoutMs = Number(values.timeout) * 1000;
// Every session, its example workspace and its tests share one pinned "now".
const testNow = ensureTestNow();
const started = Date.now();
const testsDir = join(repoRoot, 'out', 'test', 'integration');

// test/integration/index.ts prints this first; see codeAutomationLog below.
const SUITE_START_MARKER = 'Incident Lens integration tests';
const SUMMARY = /^(\d+) passed, (\d+) failed$/;
// Workbench lines that also show up while the suite runs and say nothing.
const WORKBENCH_NOISE = [
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[AccountPolicyGate\]/,
];

function say(message) {
  console.log(`[integration] ${message}`);
}

/** Resources of the run in progress, for the signal and timeout handlers. */
let current;
let totals = { passed: 0, failed: 0, runs: 0 };
let finishing;

/** Ends the process: stops the run in progress, prints the closing line. */
function finish(code) {
  finishing ??= (async () => {
    await current?.dispose(code);
    say(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${code}`);
    // CI reads the closing line: the summary of every run, last.
    if (totals.runs > 0) console.log(`${totals.passed} passed, ${totals.failed} failed`);
    process.exit(code);
  })();
  return finishing;
}

/**
 * One editor session: a fresh workspace copy and profile, code-server with
 * the test payload, Chromium until the workbench reports the exit code.
 * Returns { code, passed, failed }.
 */
async function runSuite({ untrusted, multiRoot }) {
  const tmp = mkdtempSync(join(tmpdir(), 'incident-lens-it-'));
  const workspace = join(tmp, 'workspace');
  say(`now is ${testNow} for the extension and the tests`);
  say(copyWorkspace(workspaceSource(positionals[0]), workspace));
  // Multi-root: the example plus a second folder with incidents, a catalog and a repository of its own.
  const workspaceFile = multiRoot ? makeMultiRoot(tmp, workspace) : undefined;
  const profile = prepareProfile(join(tmp, 'profile'), { trust: untrusted });

  let server;
  let browser;
  let summary;
  let suiteStarted = false;
  const heldBack = [];
  current = {
    // Keep the evidence of a failure; an interrupted run has none worth keeping.
    dispose: async (code) => {
      current = undefined;
      await browser?.close().catch(() => {});
      await server?.stop();
      if (values.keep || (code !== 0 && code !== 130)) say(`kept ${tmp} (code-server log: ${profile.logFile})`);
      else rmSync(tmp, { recursive: true, force: true });
    },
    describe: () =>
      `${suiteStarted ? 'a test hangs' : 'the suite never started'}.\n` +
      (suiteStarted ? '' : `Workbench console:\n${heldBack.join('\n')}\n`) +
      `Last code-server log lines:\n${readTail(profile.logFile)}`,
  };

  server = await startCodeServer(profile, {
    trust: untrusted,
    smokeTestDriver: true,
    env: {
      INCIDENT_LENS_EDITOR: 'code-server',
      INCIDENT_LENS_UNTRUSTED: untrusted ? '1' : '0',
      INCIDENT_LENS_MULTIROOT: multiRoot ? '1' : '0',
      ...(process.env.INCIDENT_LENS_GREP ? { INCIDENT_LENS_GREP: process.env.INCIDENT_LENS_GREP } : {}),
    },
  });
  say(`code-server on ${server.url}${untrusted ? ' (workspace trust on, folder untrusted)' : ''}`);

  // code-server has no --extensionDevelopmentPath; the workbench takes the
  // same options from the URL's payload, as paths on the remote side.
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(join(testsDir, 'index.js'))],
  ];
  const url =
    `${server.url}/?${workspaceFile ? `workspace=${encodeURIComponent(workspaceFile)}` : `folder=${encodeURIComponent(workspace)}`}` +
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
      const match = SUMMARY.exec(line);
      if (match) summary = { passed: Number(match[1]), failed: Number(match[2]) };
    }
    console.log(text);
  });
  page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
  await page.goto(url);
  say('workbench loading; the extension host runs the suite');

  const code = await exitCode;
  if (code !== 0 && !summary) {
    console.error(`[integration] the suite failed before reporting: ${current?.describe()}`);
  }
  await current?.dispose(code);
  // A run that died before its summary counts as one failure.
  return { code, ...(summary ?? { passed: 0, failed: code === 0 ? 0 : 1 }) };
}

if (!(timeoutMs > 0)) {
  console.error(`[integration] --timeout wants a number of seconds, got ${values.timeout}`);
  process.exit(2);
}
for (const required of ['dist/extension.js', 'out/test/integration/index.js']) {
  if (!existsSync(join(repoRoot, required))) {
    console.error(`[integration] ${required} is missing: run node scripts/build.mjs && node scripts/editor/build-tests.mjs`);
    process.exit(2);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[integration] ${signal}: stopping code-server`);
    void finish(130);
  });
}
setTimeout(() => {
  console.error(
    `[integration] TIMEOUT: the tests did not finish within ${timeoutMs / 1000} s: ` +
      (current?.describe() ?? 'no run in progress.'),
  );
  totals = { ...totals, failed: totals.failed + 1, runs: totals.runs + 1 };
  void finish(124);
}, timeoutMs).unref();

try {
  ensureEditor();
  const modes = sessionModes({ all: values.all, untrusted: values.untrusted, multiRoot: values['multi-root'] }, testsDir);
  let exit = 0;
  for (const mode of modes) {
    const result = await runSuite(mode);
    totals = {
      passed: totals.passed + result.passed,
      failed: totals.failed + result.failed,
      runs: totals.runs + 1,
    };
    if (result.code !== 0) exit = result.code;
  }
  await finish(exit);
} catch (error) {
  // After a signal or the timeout, a pending browser call fails: not news.
  if (!finishing) {
    console.error(`[integration] ${error instanceof Error ? error.stack : error}`);
    totals.failed += 1;
    totals.runs += 1;
    await finish(1);
  }
}
