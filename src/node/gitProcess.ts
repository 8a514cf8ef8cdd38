/**
 * One git process through simple-git, its output streamed as text. A failing
 * git is an answer (`ok: false` and its message), not an exception: missing
 * objects are normal for the callers. Only cancellation throws.
 */
import { simpleGit } from 'simple-git';

export interface GitRunOptions {
  /** Written to git's stdin: how revisions reach git without ever being parsed as options. */
  readonly input?: string;
  readonly signal?: AbortSignal;
}

export interface GitStreamResult {
  readonly ok: boolean;
  /** git's error output, or why it could not run. */
  readonly error: string;
}

export interface GitTextResult extends GitStreamResult {
  readonly stdout: string;
}

/** Runs git in `folder`, handing each piece of stdout to `onText` as it arrives. */
export async function streamGit(folder: string, args: readonly string[], onText: (text: string) => void, options: GitRunOptions = {}): Promise<GitStreamResult> {
  options.signal?.throwIfAborted();
  const decoder = new TextDecoder();
  let stderr = '';
  const git = simpleGit({
    baseDir: folder,
    maxConcurrentProcesses: 1,
    allowEnvironment: ['GIT_FLUSH'],
    ...(options.signal ? { abort: options.signal } : {}),
    ...(options.input === undefined ? {} : { input: () => options.input }),
  })
    .env(gitEnvironment())
    .outputHandler((_command, stdout, errorStream) => {
    stdout.on('data', (chunk: Buffer) => onText(decoder.decode(chunk, { stream: true })));
    errorStream.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
  });
  try {
    await git.raw([...args]);
    onText(decoder.decode());
    return { ok: true, error: '' };
  } catch (error) {
    options.signal?.throwIfAborted();
    onText(decoder.decode());
    return { ok: false, error: stderr.trim() || (error instanceof Error ? error.message : String(error)) };
  }
}

/** Runs git in `folder` and returns its whole output; for small answers. */
export async function runGit(folder: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitTextResult> {
  let stdout = '';
  const result = await streamGit(folder, args, (text) => (stdout += text), options);
  return { ...result, stdout };
}

/** What simple-git's environment guard refuses to pass on besides every GIT_* variable. */
const GUARDED_VARIABLES = new Set(['editor', 'pager', 'prefix', 'ssh_askpass', 'visual']);

/**
 * This process's environment without the variables simple-git would refuse,
 * plus GIT_FLUSH=0: git then fills its output buffer instead of flushing
 * after every commit, which makes reading a long log far cheaper (tens of
 * thousands of pipe reads fewer). A dying git still flushes what it wrote.
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const lower = name.toLowerCase();
    if (!lower.startsWith('git_') && !GUARDED_VARIABLES.has(lower)) environment[name] = value;
  }
  return { ...environment, GIT_FLUSH: '0' };
}
