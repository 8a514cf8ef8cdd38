/**
 * File changes gathered for a moment and applied per folder in one pass: a
 * branch switch that touches a thousand files checks each linked path once.
 */
import type { SourceChange } from '../core/workspace';
import type { ServerFolder } from './folder';

export interface FolderChanges {
  /** Incident files and the catalog, read again. */
  readonly reread: Set<string>;
  /** Other files; one that appeared or went outweighs one that only changed. */
  readonly sources: Map<string, SourceChange>;
  settings: boolean;
}

export class ChangeBatch {
  private readonly pending = new Map<ServerFolder, FolderChanges>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly apply: (folder: ServerFolder, changes: FolderChanges) => Promise<void>,
  ) {}

  reread(folder: ServerFolder, path: string): void {
    this.changesOf(folder).reread.add(path);
  }

  source(folder: ServerFolder, path: string, change: SourceChange): void {
    const sources = this.changesOf(folder).sources;
    if (sources.get(path) !== 'presence') sources.set(path, change);
  }

  settings(folder: ServerFolder): void {
    this.changesOf(folder).settings = true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private changesOf(folder: ServerFolder): FolderChanges {
    let changes = this.pending.get(folder);
    if (!changes) {
      changes = { reread: new Set(), sources: new Map(), settings: false };
      this.pending.set(folder, changes);
    }
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
    return changes;
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [folder, changes] of batches) await this.apply(folder, changes);
  }
}
