/**
 * The server in Node: files through NodeWorkspaceHost, git for commits,
 * tracked files and hotspot history (only in a trusted folder), and stdio
 * as the transport (`incident-lens lsp --stdio`).
 */
import { fileURLToPath } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, type WatchDog } from 'vscode-languageserver/node';
import { nowMs } from '../core/clock';
import type { HotspotIncident, HotspotRanking, ScoreOptions } from '../core/hotspots/types';
import type { SettingLookup } from '../core/settings';
import { listTrackedFiles, walkFolderFiles } from '../node/folderFiles';
import { GitCommitLookup } from '../node/gitCommits';
import { computeHotspots } from '../node/hotspots';
import { NodeWorkspaceHost } from '../node/nodeHost';
import { readFolderSettingLookup } from '../node/settings';
import { serverConnection } from './connection';
import type { FolderAccess, FolderOptions, ServerEnvironment } from './environment';
import { startServer } from './server';

/** How often the server checks that the editor that started it is still there. */
const PARENT_CHECK_MS = 3_000;
const EXIT_GRACE_MS = 100;

export const nodeEnvironment: ServerEnvironment = {
  openFolder(folderUri, options) {
    if (!folderUri.startsWith('file:')) return undefined;
    try {
      return new NodeFolderAccess(fileURLToPath(folderUri), options);
    } catch {
      return undefined;
    }
  },
};

class NodeFolderAccess implements FolderAccess {
  readonly host: NodeWorkspaceHost;
  private textFiles: Promise<readonly string[]> | undefined;

  constructor(
    private readonly root: string,
    private readonly options: FolderOptions,
  ) {
    this.host = new NodeWorkspaceHost(root, { commits: options.trusted ? new GitCommitLookup(root) : undefined, note: options.note });
  }

  listTextFiles(): Promise<readonly string[]> {
    this.textFiles ??= this.options.trusted ? listTrackedFiles(this.root).then((files) => files ?? walkFolderFiles(this.root)) : walkFolderFiles(this.root);
    return this.textFiles;
  }

  forgetListings(): void {
    this.host.forgetListings();
    this.textFiles = undefined;
  }

  folderSettings(): SettingLookup {
    const { lookup, problems } = readFolderSettingLookup(this.root);
    for (const problem of problems) this.options.note(problem);
    return lookup;
  }

  async hotspots(incidents: readonly HotspotIncident[], scoring: Omit<ScoreOptions, 'now'>): Promise<HotspotRanking> {
    return (await computeHotspots(this.root, incidents, { now: nowMs(), scoring, useGit: this.options.trusted })).ranking;
  }
}

/** Serves one client over stdin and stdout until the client goes. */
export function runStdioServer(): void {
  const watchDog = processWatchDog();
  const connection = serverConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout), watchDog);
  // The server outlives any one request that goes wrong: the error is logged, not fatal.
  process.on('unhandledRejection', (error) => connection.console.error(`Something went wrong: ${String(error)}`));
  // A moment's grace: answers to the last messages are still being written when the editor hangs up.
  process.stdin.on('close', () => setTimeout(() => watchDog.exit(watchDog.shutdownReceived ? 0 : 1), EXIT_GRACE_MS));
  startServer(connection, nodeEnvironment);
}

function processWatchDog(): WatchDog {
  const watchDog: WatchDog = {
    shutdownReceived: false,
    initialize(params) {
      const parent = params?.processId;
      if (typeof parent !== 'number') return;
      setInterval(() => {
        try {
          process.kill(parent, 0);
        } catch (error) {
          // EPERM: the process is there, only not ours to signal.
          if ((error as NodeJS.ErrnoException).code === 'ESRCH') watchDog.exit(watchDog.shutdownReceived ? 0 : 1);
        }
      }, PARENT_CHECK_MS).unref();
    },
    exit(code) {
      process.exit(code);
    },
  };
  return watchDog;
}
