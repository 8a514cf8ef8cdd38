// Runs the same integration suite in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (this
// project's own machines cannot: use run-integration.mjs there).
//
//   node scripts/editor/test-electron.mjs [workspace] [--untrusted]
//
// VS Code version: VSCODE_VERSION (default "stable"); cached in .vscode-test/.
// On Linux without a display run it under `xvfb-run -a`.
// Builds nothing: expects dist/extension.js and out/test/integration/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { userSettings } from './code-server.mjs';
import { repoRoot } from './ensure-editor.mjs';
import { copyWorkspace, workspaceSource } from './workspace.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { untrusted: { type: 'boolean', default: process.env.INCIDENT_LENS_UNTRUSTED === '1' } },
});

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('[electron] no DISPLAY: VS Code will not start; run this under `xvfb-run -a`');
}

const tmp = mkdtempSync(join(tmpdir(), 'incident-lens-electron-'));
const workspace = join(tmp, 'workspace');
console.log(`[electron] ${copyWorkspace(workspaceSource(positionals[0]), workspace)}`);
// A fresh profile per run with the same settings as the code-server runs
// (quiet workbench; trust on only for --untrusted, without a prompt).
const userDataDir = join(tmp, 'user-data');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
writeFileSync(
  join(userDataDir, 'User', 'settings.json'),
  `${JSON.stringify(userSettings({ trust: values.untrusted }), null, 2)}\n`,
);

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    extensionTestsEnv: {
      INCIDENT_LENS_EDITOR: 'electron',
      INCIDENT_LENS_UNTRUSTED: values.untrusted ? '1' : '0',
      INCIDENT_LENS_GREP: process.env.INCIDENT_LENS_GREP,
    },
    launchArgs: [
      workspace,
      // Only the extension under test.
      '--disable-extensions',
      `--user-data-dir=${userDataDir}`,
      '--skip-welcome',
      '--skip-release-notes',
      ...(values.untrusted ? [] : ['--disable-workspace-trust']),
    ],
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[electron] ${message}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(message)) {
    console.error('[electron] VS Code cannot be downloaded here; use scripts/editor/run-integration.mjs (code-server)');
  }
  code = typeof error?.code === 'number' ? error.code : 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
