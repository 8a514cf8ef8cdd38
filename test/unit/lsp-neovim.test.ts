/**
 * Neovim as a client of the language server (Debian's `neovim` package;
 * npm test installs it): headless Neovim opens an incident with problems and
 * reads the diagnostics back; codes and lines are what `lint --format json`
 * gives for the same folder. The server runs from source through tsx, so no
 * build is needed.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { FILES, PROBLEMS, PROBLEMS_PATH } from './lsp-fixture';

const ROOT = path.resolve(__dirname, '..', '..');
const INIT = path.join(ROOT, 'test', 'fixtures', 'neovim', 'diagnostics.lua');

function runNeovim(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', INIT], { env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('language server in Neovim', function () {
  this.timeout(40_000);
  let folder: string;
  before(function () {
    if (spawnSync('nvim', ['--version']).error) assert.fail('Neovim is missing: apt-get install -y neovim (npm test installs it)');
    folder = mkdtempSync(path.join(tmpdir(), 'incident-lens-nvim-'));
    for (const [relative, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
      writeFileSync(path.join(folder, relative), text);
    }
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('shows the codes and lines lint gives for an incident with problems', async () => {
    let lint = '';
    await main(['lint', folder, '--format', 'json', '--today', '2026-11-25'], { out: (text) => void (lint += text), err: () => undefined });
    const expected = (JSON.parse(lint) as { file: string; code: string; line: number }[]).filter((row) => row.file === PROBLEMS_PATH).map((row) => [row.code, row.line - 1]);
    const out = path.join(folder, 'neovim-diagnostics.json');
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const env = {
      ...process.env,
      IL_ROOT: folder,
      IL_FILE: path.join(folder, PROBLEMS_PATH),
      IL_OUT: out,
      IL_CMD: JSON.stringify([tsx, path.join(ROOT, 'src', 'cli', 'main.ts'), 'lsp', '--stdio']),
      INCIDENT_LENS_NOW: '2026-11-25T12:00:00Z',
      IL_EXPECTED: String(expected.length),
    };
    const code = await runNeovim(env, 35_000);
    assert.equal(code, 0, 'Neovim did not finish');
    const result = JSON.parse(readFileSync(out, 'utf8')) as { error?: string; diagnostics?: { code: string; line: number }[] };
    assert.equal(result.error, undefined, JSON.stringify(result.diagnostics));
    const shown = result.diagnostics!.map((d) => [d.code, d.line]);
    assert.deepEqual(shown, expected);
    assert.deepEqual(shown, PROBLEMS);
  });
});
