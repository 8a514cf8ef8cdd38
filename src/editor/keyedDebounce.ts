/** Runs a task per key once calls for that key have paused for a while (typing in one document does not delay another). */
export class KeyedDebounce {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly delayMs: number) {}

  run(key: string, task: () => void): void {
    clearTimeout(this.timers.get(key));
    this.pending.set(key, task);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.pending.delete(key);
        task();
      }, this.delayMs),
    );
  }

  /** Runs the task waiting for `key` now, if there is one. */
  flush(key: string): void {
    const timer = this.timers.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(key);
    this.pending.get(key)?.();
    this.pending.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }
}
