/**
 * The core runs in the command-line tool and in tests, where there is no
 * `vscode` module: no file under src/core may import it.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SRC, sourceFiles, withoutComments } from './source-support';

const CORE = path.join(SRC, 'core');

/** `import ... from 'vscode'`, `import 'vscode'`, `export ... from 'vscode'`, `require('vscode')`, `import('vscode')`, and `vscode/...` subpaths. */
const VSCODE_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"`])vscode(?:\/[^'"`]*)?\1/;

describe('src/core has no vscode import', () => {
  it('the pattern finds every form of the import', () => {
    for (const line of [
      "import * as vscode from 'vscode';",
      'import type { Range } from "vscode";',
      "import 'vscode';",
      "export { Uri } from 'vscode';",
      "const vscode = require('vscode');",
      "const vscode = require ( 'vscode' );",
      "await import('vscode');",
      "import { x } from 'vscode/lib/api';",
    ]) {
      assert.match(withoutComments(line), VSCODE_IMPORT, line);
    }
    for (const line of ["import { z } from 'zod';", "import x from './vscodeish';", "// import * as vscode from 'vscode';", "/* require('vscode') */", "const name = 'vscode';"]) {
      assert.doesNotMatch(withoutComments(line), VSCODE_IMPORT, line);
    }
  });

  it('no file under src/core imports vscode', () => {
    const files = sourceFiles(CORE);
    assert.ok(files.length >= 15, `found only ${files.length} files under ${CORE}`);
    const offenders = files.filter((file) => VSCODE_IMPORT.test(withoutComments(readFileSync(file, 'utf8')))).map((file) => path.relative(CORE, file));
    assert.deepEqual(offenders, [], `src/core must run without the editor; these files import vscode: ${offenders.join(', ')}`);
  });
});
