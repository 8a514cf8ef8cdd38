// Types for scripts/example-day.mjs, which the TypeScript tests import.
export declare const EXAMPLE_NOW: string;
export interface ExampleMove {
  /** Whole days the history moves (by the local calendar). */
  readonly days: number;
  /** How far today's events move, to the minute. */
  readonly exactMs: number;
  instant(ms: number): number;
  /** A YYYY-MM-DD date, moved. */
  date(iso: string): string;
  /** Every date and timestamp in a text, moved. */
  text(content: string): string;
  /** The date in a file name, moved. */
  path(file: string): string;
}
export declare function exampleMove(nowMs: number): ExampleMove;
