// The editor sessions an integration run needs, shared by the runners
// (run-integration.mjs, test-electron.mjs):
// trusted, untrusted (*.untrusted.test.js) and multi-root (*.multiroot.test.js),
// each in a fresh editor, as test/integration/index.ts expects them.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sessions to run: every one that has tests with `all`, else the one the
 * flags name. Each is { untrusted, multiRoot }.
 */
export function sessionModes({ all, untrusted, multiRoot }, testsDir) {
  if (!all) return [{ untrusted, multiRoot }];
  const hasTests = (suffix) => readdirSync(testsDir, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith(suffix));
  return [
    { untrusted: false, multiRoot: false },
    ...(hasTests('.untrusted.test.js') ? [{ untrusted: true, multiRoot: false }] : []),
    ...(hasTests('.multiroot.test.js') ? [{ untrusted: false, multiRoot: true }] : []),
  ];
}

/** Writes the second folder and a .code-workspace naming both; returns its path. */
export function makeMultiRoot(tmp, first) {
  const second = join(tmp, 'second');
  mkdirSync(join(second, 'incidents'), { recursive: true });
  writeFileSync(join(second, 'incidents', 'catalog.yaml'), 'services:\n  ledger:\n    owners: [team-ledger]\n');
  writeFileSync(
    join(second, 'incidents', '2026-10-01-ledger-export-late.md'),
    '---\nid: INC-2026-014\ntitle: Ledger export ran late\nstatus: resolved\nseverity: SEV4\nstarted: 2026-10-01T06:00:00Z\nresolved: 2026-10-01T07:00:00Z\nservices: [ledger, checkout]\n---\n\n## Summary\nThe nightly export finished an hour late.\n',
  );
  const file = join(tmp, 'multi.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: first }, { path: second }], settings: {} }, null, 2));
  return file;
}
