/** Shared by the report tests: the CLI with captured output, and a copy of the example workspace outside any repository. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

export const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'workspace');
export const SNAPSHOT_DIR = path.join(__dirname, '..', 'fixtures', 'report');

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

/**
 * The example workspace copied into a temporary `workspace` folder: outside
 * any git repository, so code areas come from the code links alone and the
 * report does not depend on the history of whatever repository holds the tests.
 */
export function exampleCopy(temps: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'incident-lens-report-'));
  temps.push(root);
  const folder = path.join(root, 'workspace');
  cpSync(EXAMPLE, folder, { recursive: true, filter: (source) => !source.includes(`${path.sep}.git`) });
  return folder;
}

export function removeAll(temps: string[]): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}
