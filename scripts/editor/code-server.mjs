// Shared by the editor scripts: start an isolated code-server on loopback,
// drive it with headless Chromium, and always clean up after it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { editorPaths } from './ensure-editor.mjs';
import { withoutFaketime } from '../test-day.mjs';

/** Settings that keep the workbench quiet and offline. */
export function userSettings({ trust = false } = {}) {
  return {
    'security.workspace.trust.enabled': trust,
    // With trust on, never show the modal trust prompt: the folder simply
    // stays untrusted (restricted mode), which is what a trust test wants.
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.openRepositoryInParentFolders': 'never',
    // In the browser the editor saves typed text after a second by default;
    // tests that type into an incident and check what was written need the
    // editor's own writes out of the picture.
    'files.autoSave': 'off',
  };
}

/**
 * Creates the folders of an isolated profile under `root` and returns them.
 * XDG_* point into it too, else code-server writes ~/.config/code-server.
 */
export function prepareProfile(root, { trust = false } = {}) {
  const profile = {
    root,
    userDataDir: join(root, 'user'),
    extensionsDir: join(root, 'extensions'),
    configFile: join(root, 'config.yaml'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    logFile: join(root, 'code-server.log'),
  };
  for (const dir of [profile.userDataDir, profile.extensionsDir, profile.xdgConfig, profile.xdgData]) {
    mkdirSync(dir, { recursive: true });
  }
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(profile.userDataDir, 'User', 'settings.json'),
    `${JSON.stringify(userSettings({ trust }), null, 2)}\n`,
  );
  // Flags win over the config file; it exists so code-server does not write
  // a default one (with a random password) anywhere.
  writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  return profile;
}

/** Environment for code-server and its extension host. */
export function codeServerEnv(profile, extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Inside a VS Code terminal VSCODE_IPC_HOOK_CLI would turn code-server
    // into a client of that editor; drop every such variable.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${editorPaths.nodeBinDir}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: profile.xdgConfig,
    XDG_DATA_HOME: profile.xdgData,
    // No marketplace: nothing to look up, nothing to wait for.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
    ...extra,
  };
}

/** Common flags for every code-server invocation (CLI or server). */
function profileFlags(profile) {
  return [
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--config', profile.configFile,
  ];
}

/** Runs code-server as a command-line tool (install/list extensions). */
export function codeServerCli(profile, args) {
  const result = spawnSync(editorPaths.node, [editorPaths.codeServerEntry, ...profileFlags(profile), ...args], {
    env: codeServerEnv(profile),
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** A port that was free a moment ago (the caller retries if it is taken). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function healthy(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts code-server detached (its own process group, so stop() ends the
 * extension host and every helper with it) and waits until it answers.
 * Returns { port, url, pid, stop }.
 * @param {ReturnType<typeof prepareProfile>} profile
 * @param {{ port?: number, trust?: boolean, smokeTestDriver?: boolean, env?: Record<string, string> }} [options]
 */
export async function startCodeServer(profile, { port, trust = false, smokeTestDriver = false, env = {} } = {}) {
  const fixedPort = port !== undefined;
  for (let attempt = 1; ; attempt += 1) {
    const chosen = fixedPort ? port : await freePort();
    const args = [
      editorPaths.codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${chosen}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--ignore-last-opened',
      ...profileFlags(profile),
    ];
    if (!trust) args.push('--disable-workspace-trust');
    // Without it the built workbench ignores the test payload: a silent hang.
    if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');

    const log = openSync(profile.logFile, 'a');
    const child = spawn(editorPaths.node, args, {
      detached: true,
      stdio: ['ignore', log, log],
      env: codeServerEnv(profile, env),
    });
    closeSync(log);
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    const stop = makeStopper(child);

    const deadline = Date.now() + 60_000;
    while (!exited && Date.now() < deadline) {
      if (await healthy(chosen)) {
        return { port: chosen, url: `http://127.0.0.1:${chosen}`, pid: child.pid, stop };
      }
      await sleep(200);
    }
    await stop();
    const tail = readTail(profile.logFile);
    // A port taken between freePort() and code-server's listen(): try another.
    if (!fixedPort && attempt < 3 && /EADDRINUSE/.test(tail)) continue;
    throw new Error(`code-server did not start (${exited ? 'it exited' : 'no answer in 60 s'}):\n${tail}`);
  }
}

/** Kills the detached process group: TERM, then KILL if it lingers. */
function makeStopper(child) {
  let stopping;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  // If this process dies without calling stop(), still take the group down.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  return () => {
    stopping ??= (async () => {
      killGroup('SIGTERM');
      for (let i = 0; i < 30 && groupAlive(child.pid); i += 1) await sleep(100);
      killGroup('SIGKILL');
      process.off('exit', onExit);
    })();
    return stopping;
  };
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readTail(file, lines = 40) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Headless Debian Chromium through playwright-core (no browser download). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: editorPaths.chromium,
    headless: true,
    // The scripts handle signals themselves: they must stop code-server too,
    // which Playwright's own handlers (close the browser, exit) would skip.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium does not start under libfaketime; the browser keeps the real clock.
    env: withoutFaketime(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
