import * as assert from 'node:assert/strict';
import { type LogCommit, NAME_STATUS_LOG_OPTIONS, NameStatusLogParser } from '../../src/core/hotspots/gitLogParser';
import { type CommitLineChanges, PATCH_LOG_OPTIONS, PatchLineParser, unquoteCString } from '../../src/core/hotspots/gitPatchParser';
import { findIncidentIdMentions } from '../../src/core/hotspots/mentions';
import { TestRepo } from './hotspots-repo';

/** Feeds `text` in pieces of `size` characters, as a pipe would. */
function feed(parser: { push(text: string): void; end(): void }, text: string, size: number): void {
  for (let start = 0; start < text.length; start += size) parser.push(text.slice(start, start + size));
  parser.end();
}

function parseLog(text: string, size = text.length || 1): LogCommit[] {
  const commits: LogCommit[] = [];
  feed(new NameStatusLogParser((commit) => commits.push(commit)), text, size);
  return commits;
}

function parsePatch(text: string, size = text.length || 1): CommitLineChanges[] {
  const commits: CommitLineChanges[] = [];
  feed(new PatchLineParser((commit) => commits.push(commit)), text, size);
  return commits;
}

describe('hotspots: git log parser on real repositories', () => {
  let repo: TestRepo;
  const shas: Record<string, string> = {};

  before(() => {
    repo = TestRepo.create();
    const moved = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const [root, fix, side, main, merge] = repo.importHistory([
      {
        message: 'Initial import',
        files: {
          'src/a b/space name.ts': 'one\ntwo\nthree\n',
          'src/ünïcødé.ts': 'export const x = 1;\n',
          'assets/logo.bin': Buffer.from([0, 1, 2, 3, 255, 0, 10, 0]),
          'src/moved.ts': moved,
        },
      },
      {
        message: 'Fix the cache TTL\n\nRefs INC-2026-014 and OPS-7-2; not UTF-8.\nSigned-off-by: Someone\n',
        deleted: ['src/moved.ts'],
        files: { 'lib/moved here.ts': moved, 'assets/logo.bin': Buffer.from([0, 9, 9, 9, 255, 0, 10, 0]), 'src/a b/space name.ts': 'one\nTWO\nthree\nfour\n' },
      },
      { message: 'Side work', branch: 'side', files: { 'side.txt': 'side\n' } },
      { message: 'Main work', parent: 1, files: { 'main.txt': 'main\n' } },
      { message: 'Merge side for INC-2026-020', merge: 2, files: { 'side.txt': 'side\n' } },
    ]);
    Object.assign(shas, { root, fix, side, main, merge });
  });

  after(() => repo.remove());

  it('reads every commit with parents, dates and messages', () => {
    const commits = parseLog(repo.git('log', '-M', ...NAME_STATUS_LOG_OPTIONS));
    assert.deepEqual(
      commits.map((commit) => commit.sha),
      [shas.merge, shas.main, shas.side, shas.fix, shas.root],
    );
    const merge = commits[0];
    assert.deepEqual(merge?.parents, [shas.main, shas.side]);
    assert.deepEqual(merge?.changes, [], 'git log gives merges no diff unless asked');
    assert.equal(merge?.message, 'Merge side for INC-2026-020');
    const fix = commits.find((commit) => commit.sha === shas.fix);
    assert.equal(fix?.message, 'Fix the cache TTL\n\nRefs INC-2026-014 and OPS-7-2; not UTF-8.\nSigned-off-by: Someone');
    assert.equal(fix?.authorDate, Date.UTC(2026, 0, 2));
    assert.deepEqual(commits.at(-1)?.parents, []);
  });

  it('keeps renames, binary files, spaces and non-ASCII names as they are', () => {
    const commits = parseLog(repo.git('log', '-M', ...NAME_STATUS_LOG_OPTIONS));
    const fix = commits.find((commit) => commit.sha === shas.fix);
    assert.deepEqual(
      [...(fix?.changes ?? [])].sort((a, b) => a.path.localeCompare(b.path)),
      [
        { status: 'M', path: 'assets/logo.bin' },
        { status: 'R', path: 'lib/moved here.ts', fromPath: 'src/moved.ts' },
        { status: 'M', path: 'src/a b/space name.ts' },
      ],
    );
    const root = commits.find((commit) => commit.sha === shas.root);
    assert.ok(root?.changes.some((change) => change.path === 'src/ünïcødé.ts' && change.status === 'A'));
  });

  it('gives the same commits whatever the chunk boundaries', () => {
    const text = repo.git('log', '-M', ...NAME_STATUS_LOG_OPTIONS);
    const whole = parseLog(text);
    for (const size of [1, 2, 3, 7, 64]) assert.deepEqual(parseLog(text, size), whole, `chunks of ${size}`);
  });

  it('reads a merge against its first parent when asked', () => {
    const commits = parseLog(repo.git('log', '--no-walk', '--diff-merges=first-parent', ...NAME_STATUS_LOG_OPTIONS, shas.merge as string));
    assert.deepEqual(commits[0]?.changes, [{ status: 'A', path: 'side.txt' }]);
  });

  it('reads changed lines of a fix, none for binary files, renames under the new name', () => {
    const text = repo.git('-c', 'core.quotePath=false', 'log', '--no-walk', '-M', ...PATCH_LOG_OPTIONS, shas.fix as string);
    const [fix] = parsePatch(text);
    assert.equal(fix?.sha, shas.fix);
    assert.deepEqual(fix?.files.get('src/a b/space name.ts'), [
      { start: 2, end: 2 },
      { start: 4, end: 4 },
    ]);
    assert.equal(fix?.files.has('assets/logo.bin'), false);
    assert.equal(fix?.files.has('lib/moved here.ts'), false, 'a pure rename changes no line');
    for (const size of [1, 5]) assert.deepEqual(parsePatch(text, size), parsePatch(text), `chunks of ${size}`);
  });

  it('is not fooled by added lines that look like patch headers', () => {
    const patch = [
      '\x1eabc123',
      '',
      'diff --git a/x.md b/x.md',
      '--- a/x.md',
      '+++ b/x.md',
      '@@ -1,0 +2,3 @@',
      '+++ b/evil.md',
      '+@@ -1 +1 @@',
      '+diff --git a/y b/y',
      '@@ -9 +11,0 @@',
      '-gone',
      '\\ No newline at end of file',
      'diff --git a/z.txt b/z.txt',
      'deleted file mode 100644',
      '--- a/z.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-z',
      '',
    ].join('\n');
    assert.deepEqual(parsePatch(patch), [
      {
        sha: 'abc123',
        files: new Map([
          [
            'x.md',
            [
              { start: 2, end: 4 },
              { start: 11, end: 11 },
            ],
          ],
        ]),
      },
    ]);
  });

  it('unquotes C-quoted names, octal bytes included', () => {
    assert.equal(unquoteCString('"b/we\\"ird\\\\name\\t.txt"'), 'b/we"ird\\name\t.txt');
    assert.equal(unquoteCString('"b/\\303\\274ber.txt"'), 'b/über.txt');
    assert.equal(unquoteCString('"b/日本.txt"'), 'b/日本.txt');
  });
});

describe('hotspots: incident ids in messages', () => {
  it('finds ids as words, with the optional second number', () => {
    assert.deepEqual(findIncidentIdMentions('Fix INC-2026-014 (see OPS-7, [SEC-12-3])'), ['INC-2026-014', 'OPS-7', 'SEC-12-3']);
  });

  it('ignores ids inside longer words', () => {
    assert.deepEqual(findIncidentIdMentions('XINC-1 INC-12a inc-3 INC- 7INC-4 INC_5'), ['XINC-1']);
  });

  it('finds each id once', () => {
    assert.deepEqual(findIncidentIdMentions('INC-1, INC-1 and hotfix/INC-2'), ['INC-1', 'INC-2']);
  });
});
