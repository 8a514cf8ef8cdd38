/** Real git repositories in temp folders, for the hotspots tests. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const DAY_S = 24 * 60 * 60;
/** 2026-01-01T00:00:00Z: commits are one day apart from here, so walk order is known. */
export const FIRST_COMMIT_S = 1_767_225_600;

export interface ImportedCommit {
  readonly message: string;
  /** Files written (text or bytes), paths as they are: spaces and non-ASCII welcome. */
  readonly files?: Readonly<Record<string, string | Buffer>>;
  readonly deleted?: readonly string[];
  /** Branch the commit goes on; `main` by default. */
  readonly branch?: string;
  /** Index of the first parent in the list; the commit before by default, none for the first. */
  readonly parent?: number;
  /** Index of a second parent: a merge. */
  readonly merge?: number;
}

export class TestRepo {
  private commits = 0;

  private constructor(readonly dir: string) {}

  static create(): TestRepo {
    const repo = new TestRepo(mkdtempSync(path.join(tmpdir(), 'incident-lens-hotspots-')));
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  /** Runs git with the user's own configuration kept out, so tests see stock git. */
  git(...args: string[]): string {
    return this.gitWithInput(Buffer.alloc(0), ...args);
  }

  /**
   * Makes a new repository's history in one `git fast-import` (a process per
   * commit would make the tests slow) and checks out `main`. Returns the
   * shas in the order given.
   */
  importHistory(commits: readonly ImportedCommit[]): string[] {
    const stream: Buffer[] = [];
    const line = (text: string) => stream.push(Buffer.from(`${text}\n`));
    const data = (content: string | Buffer) => {
      const bytes = Buffer.from(content);
      line(`data ${bytes.length}`);
      stream.push(bytes, Buffer.from('\n'));
    };
    commits.forEach((commit, i) => {
      const when = `${this.commitTime()} +0000`;
      this.commits += 1;
      line(`commit refs/heads/${commit.branch ?? 'main'}`);
      line(`mark :${i + 1}`);
      line(`author Test <test@example.com> ${when}`);
      line(`committer Test <test@example.com> ${when}`);
      data(commit.message);
      const parent = commit.parent ?? i - 1;
      if (parent >= 0) line(`from :${parent + 1}`);
      if (commit.merge !== undefined) line(`merge :${commit.merge + 1}`);
      for (const file of commit.deleted ?? []) line(`D ${file}`);
      for (const [file, content] of Object.entries(commit.files ?? {})) {
        line(`M 100644 inline ${file}`);
        data(content);
      }
    });
    const marks = path.join(this.dir, '.git', 'test-marks');
    this.gitWithInput(Buffer.concat(stream), 'fast-import', '--quiet', `--export-marks=${marks}`);
    this.git('reset', '-q', '--hard', 'main');
    const shaByMark = new Map(
      readFileSync(marks, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((entry) => entry.split(' ') as [string, string]),
    );
    return commits.map((_, i) => shaByMark.get(`:${i + 1}`) ?? '');
  }

  write(file: string, content: string): void {
    mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    writeFileSync(path.join(this.dir, file), content);
  }

  /** Commits everything in the work tree; returns the full sha. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    this.commits += 1;
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Deletes a loose object file: what a broken or partially copied repository looks like. */
  deleteObject(sha: string): void {
    unlinkSync(path.join(this.dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2)));
  }

  /** A copy to break, so several tests can share one history built once. */
  copy(): TestRepo {
    const copy = new TestRepo(mkdtempSync(path.join(tmpdir(), 'incident-lens-copy-')));
    cpSync(this.dir, copy.dir, { recursive: true });
    copy.commits = this.commits;
    return copy;
  }

  /** A shallow clone of this repository, `depth` commits deep. */
  shallowClone(depth: number): TestRepo {
    const clone = new TestRepo(mkdtempSync(path.join(tmpdir(), 'incident-lens-shallow-')));
    execFileSync('git', ['clone', '-q', '--depth', String(depth), `file://${this.dir}`, clone.dir], { stdio: 'ignore' });
    return clone;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private gitWithInput(input: Buffer, ...args: string[]): string {
    const date = `@${this.commitTime()} +0000`;
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      input,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  private commitTime(): number {
    return FIRST_COMMIT_S + this.commits * DAY_S;
  }
}
