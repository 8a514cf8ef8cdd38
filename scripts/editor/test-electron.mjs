// Runs the same integration suite in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (this
// project's own machines cannot: use run-integration.mjs there).
//
//   node scripts/editor/test-electron.mjs [workspace] [--untrusted | --multi-root | --all]
//
// The sessions are run-integration.mjs's: --untrusted runs the
// *.untrusted.test.ts files in a folder left untrusted, --multi-root the
// *.multiroot.test.ts files in a two-folder workspace, --all the normal run
// and then each of those, each in a fresh VS Code; exits 0 only if all passed.
//
// VS Code version: VSCODE_VERSION (default "stable"); cached in .vscode-test/.
// On Linux without a display run it under `xvfb-run -a`.
// INCIDENT_LENS_NOW: the pinned "now", as for run-integration.mjs.
// Builds nothing: expects dist/extension.js and out/test/integration/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { ensureTestNow } from '../test-day.mjs';
import { userSettings } from './code-server.mjs';
import { repoRoot } from './ensure-editor.mjs';
import { makeMultiRoot, sessionModes } from './modes.mjs';
import { copyWorkspace, workspaceSource } from './workspace.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    untrusted: { type: 'boolean', default: process.env.INCIDENT_LENS_UNTRUSTED === '1' },
    'multi-root': { type: 'boolean', default: process.env.INCIDENT_LENS_MULTIROOT === '1' },
    all: { type: 'boolean', default: false },
  },
});
const testsDir = join(repoRoot, 'out', 'test', 'integration');
// The pinned now of run-integration.mjs: the example copy is built for it, and the extension and the tests run on it.
const testNow = ensureTestNow();

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('[electron] no DISPLAY: VS Code will not start; run this under `xvfb-run -a`');
}

/** One VS Code session: a fresh workspace copy (and second folder for multi-root) and profile; returns its exit code. */
async function runSession({ untrusted, multiRoot }) {
  const tmp = mkdtempSync(join(tmpdir(), 'incident-lens-electron-'));
  const workspace = join(tmp, 'workspace');
  console.log(`[electron] ${copyWorkspace(workspaceSource(positionals[0]), workspace)}${untrusted ? ', untrusted' : ''}${multiRoot ? ', multi-root' : ''}`);
  const workspaceFile = multiRoot ? makeMultiRoot(tmp, workspace) : undefined;
  // A fresh profile per run with the same settings as the code-server runs
  // (quiet workbench; trust on only for --untrusted, without a prompt).
  const userDataDir = join(tmp, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings({ trust: untrusted }), null, 2)}\n`);
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(testsDir, 'index.js'),
      extensionTestsEnv: {
        INCIDENT_LENS_EDITOR: 'electron',
        INCIDENT_LENS_UNTRUSTED: untrusted ? '1' : '0',
        INCIDENT_LENS_MULTIROOT: multiRoot ? '1' : '0',
        INCIDENT_LENS_GREP: process.env.INCIDENT_LENS_GREP,
        INCIDENT_LENS_NOW: testNow,
      },
      launchArgs: [
        workspaceFile ?? workspace,
        // Only the extension under test.
        '--disable-extensions',
        `--user-data-dir=${userDataDir}`,
        '--skip-welcome',
        '--skip-release-notes',
        ...(untrusted ? [] : ['--disable-workspace-trust']),
      ],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[electron] ${message}`);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(message)) {
      console.error('[electron] VS Code cannot be downloaded here; use scripts/editor/run-integration.mjs (code-server)');
    }
    return typeof error?.code === 'number' ? error.code : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

let code = 0;
for (const mode of sessionModes({ all: values.all, untrusted: values.untrusted, multiRoot: values['multi-root'] }, testsDir)) {
  const sessionCode = await runSession(mode);
  if (sessionCode !== 0) code = sessionCode;
}
process.exit(code);
