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
    ...(options.signal ? { abort: options.signal } : {}),
    ...(options.input === undefined ? {} : { input: () => options.input }),
  }).outputHandler((_command, stdout, errorStream) => {
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
