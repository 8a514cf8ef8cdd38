/** What a quick fix is: computed by the core, offered by the editor, applied to text by the tests. */
import type { Position } from '../text';
import type { TextEdit } from './textEdit';

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix most people want: offered first, applied by "Fix all" style commands. */
  readonly preferred?: boolean;
  /**
   * Where the user types next, for a value only they know (a title, a sha),
   * as a position in the text after the fix: the editor puts the cursor there.
   */
  readonly cursor?: Position;
}

export interface QuickFixContext {
  readonly nowMs: number;
  /** The user's offset in minutes east of UTC, for new timestamps. */
  readonly offsetMinutes: number;
  readonly todayMs: number;
  /** The next free incident id in this folder. */
  nextId(year: number): string;
  /** The file's name, to suggest a title from its slug. */
  readonly fileName: string;
  /** The folder's severity levels (incidentLens.severityLevels); the format's SEV1..SEV4 when not given. */
  readonly severities?: readonly string[];
}
