// Entry point of the integration suite, in the shape @vscode/test-electron
// expects: the editor's extension host loads this module (extensionTestsPath)
// and awaits run(); a rejected promise fails the run. Both runners use it:
// scripts/editor/run-integration.mjs (code-server, offline) and
// scripts/editor/test-electron.mjs (desktop VS Code, needs a download).
//
// Conventions for test files:
// - mocha's TDD interface: suite / test / suiteSetup / setup / teardown /
//   suiteTeardown (as in VS Code's own tests); never describe / it.
// - every out/test/integration/**/*.test.js runs, bundled from
//   test/integration/**/*.test.ts by scripts/editor/build-tests.mjs;
// - files named *.multiroot.test.ts run only in a multi-root run (two folders,
//   INCIDENT_LENS_MULTIROOT=1, `run-integration.mjs --multi-root`), and only they;
// - files named *.untrusted.test.ts run only in a workspace-trust run
//   (INCIDENT_LENS_UNTRUSTED=1, `run-integration.mjs --untrusted`), and in such
//   a run only they run;
// - INCIDENT_LENS_GREP=<text> runs only the tests whose full title contains it.
//
// Output goes through console.log: the extension host forwards its console
// to the runner, which prints it. The last line is exactly `N passed, N failed`
// (CI reads that line).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type MochaType from 'mocha';

// mocha 12 is an ES module whose entry re-exports lib/mocha.cjs. Requiring the
// CommonJS file directly works in every extension host, including Electron
// builds whose Node cannot require() an ES module.
const Mocha = require('mocha/lib/mocha.cjs') as typeof MochaType;

const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
  Mocha.Runner.constants;

/** Files to run, relative order stable so runs are comparable. */
function findTestFiles(root: string, mode: 'trusted' | 'untrusted' | 'multiroot'): string[] {
  const modeOf = (file: string) => (file.endsWith('.untrusted.test.js') ? 'untrusted' : file.endsWith('.multiroot.test.js') ? 'multiroot' : 'trusted');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .filter((file) => modeOf(file) === mode)
    .sort()
    .map((file) => join(root, file));
}

/**
 * A reporter that only uses console.log: mocha's built-in reporters write to
 * process.stdout, which the extension host does not forward.
 */
class ConsoleReporter extends Mocha.reporters.Base {
  constructor(runner: MochaType.Runner, options?: MochaType.MochaOptions) {
    super(runner, options);
    const grep = (options?.reporterOptions as { grep?: string } | undefined)?.grep;
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failures: Array<{ title: string; error: unknown }> = [];
    const indent = (runnable: MochaType.Runnable | MochaType.Suite): string =>
      '  '.repeat(Math.max(0, runnable.titlePath().length - 1));

    runner.on(EVENT_SUITE_BEGIN, (suite: MochaType.Suite) => {
      if (!suite.root) console.log(`${indent(suite)}${suite.title}`);
    });
    runner.on(EVENT_TEST_PASS, (test: MochaType.Test) => {
      passed += 1;
      console.log(`${indent(test)}✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: MochaType.Test) => {
      skipped += 1;
      console.log(`${indent(test)}- ${test.title} (skipped)`);
    });
    // Failed hooks arrive here too; they count as failures.
    runner.on(EVENT_TEST_FAIL, (test: MochaType.Runnable, error: unknown) => {
      failed += 1;
      failures.push({ title: test.fullTitle(), error });
      console.log(`${indent(test)}✗ ${test.title} (failure ${failures.length})`);
    });
    runner.once(EVENT_RUN_END, () => {
      // A filter that matches nothing must not read as a green run.
      if (passed + failed + skipped === 0) {
        failed += 1;
        failures.push({ title: 'the run', error: new Error(grep ? `no test's full title matches "${grep}" (INCIDENT_LENS_GREP)` : 'no test ran') });
      }
      failures.forEach(({ title, error }, index) => {
        console.log(`\n${index + 1}) ${title}`);
        console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      });
      console.log('');
      if (skipped > 0) console.log(`${skipped} skipped`);
      console.log(`${passed} passed, ${failed} failed`);
    });
  }
}

export function run(): Promise<void> {
  const mode = process.env.INCIDENT_LENS_UNTRUSTED === '1' ? 'untrusted' : process.env.INCIDENT_LENS_MULTIROOT === '1' ? 'multiroot' : 'trusted';
  const grep = process.env.INCIDENT_LENS_GREP || undefined;
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: ConsoleReporter,
    reporterOptions: { grep },
    // The first test pays for the extension's activation and the workbench
    // settling; generous but finite.
    timeout: 30_000,
    color: false,
  });
  if (grep) mocha.grep(grep);

  const files = findTestFiles(__dirname, mode);
  if (files.length === 0) {
    // A run without tests must not look green.
    return Promise.reject(new Error(`no integration test files in ${__dirname} (${mode})`));
  }
  for (const file of files) mocha.addFile(file);
  // The runner shows the editor's console from this line on.
  console.log(`Incident Lens integration tests: ${files.length} file(s)${mode === 'trusted' ? '' : `, ${mode === 'untrusted' ? 'untrusted workspace' : 'multi-root workspace'}`}`);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (passes + pending === 0) reject(new Error(grep ? `no integration test matches INCIDENT_LENS_GREP="${grep}"` : 'no integration test ran'));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
