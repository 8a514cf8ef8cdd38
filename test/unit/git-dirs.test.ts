/** Finding the git dir and the common dir, where HEAD and the branches are, from any folder. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readGitDirs } from '../../src/node/gitDirs';
import { TestRepo } from './hotspots-repo';

describe('git dirs', function () {
  this.timeout(30_000);
  let repo: TestRepo;
  const temps: string[] = [];

  before(() => {
    repo = TestRepo.create();
    repo.write('src/app.ts', 'export {};\n');
    repo.commit('first');
  });

  after(() => {
    repo.remove();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  const real = (dir: string) => realpathSync(dir);

  it('finds .git at the top of the repository', async () => {
    const dirs = await readGitDirs(repo.dir);
    assert.deepEqual(dirs && { gitDir: real(dirs.gitDir), commonDir: real(dirs.commonDir) }, { gitDir: real(path.join(repo.dir, '.git')), commonDir: real(path.join(repo.dir, '.git')) });
  });

  it('finds the repository around a folder inside it', async () => {
    const dirs = await readGitDirs(path.join(repo.dir, 'src'));
    assert.equal(dirs && real(dirs.gitDir), real(path.join(repo.dir, '.git')));
  });

  it('tells a linked worktree: HEAD in its own git dir, branches in the common dir', async () => {
    const worktree = path.join(mkdtempSync(path.join(tmpdir(), 'incident-lens-worktree-')), 'wt');
    temps.push(path.dirname(worktree));
    repo.git('worktree', 'add', '-q', '-b', 'other', worktree);
    const dirs = await readGitDirs(worktree);
    assert.ok(dirs);
    assert.equal(real(dirs.gitDir), real(path.join(repo.dir, '.git', 'worktrees', 'wt')));
    assert.equal(real(dirs.commonDir), real(path.join(repo.dir, '.git')));
  });

  it('gives nothing outside a repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'incident-lens-no-repo-'));
    temps.push(outside);
    mkdirSync(path.join(outside, 'sub'));
    assert.equal(await readGitDirs(path.join(outside, 'sub')), undefined);
  });
});
