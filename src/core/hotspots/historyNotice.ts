/** One short line about git history that could not be read, for the Hotspots view; undefined when all of it was read. */
import type { HistoryProblem, HistoryProblemKind } from './types';

/** Problems that each cost the ranking one commit. */
const COMMIT_PROBLEMS: ReadonlySet<HistoryProblemKind> = new Set(['missing-commit', 'ambiguous-commit', 'unreadable-commit', 'shallow-boundary']);

export function historyNotice(problems: readonly HistoryProblem[]): string | undefined {
  if (problems.some((problem) => problem.kind === 'no-history')) return 'No git history to read here, so hotspots come from code links only.';
  const commits = new Set(problems.filter((problem) => COMMIT_PROBLEMS.has(problem.kind)).map((problem) => problem.sha ?? problem.message)).size;
  const truncated = problems.some((problem) => problem.kind === 'history-truncated');
  if (commits === 0 && !truncated) return undefined;
  const what = truncated ? 'Part of the git history' : `${commits} ${commits === 1 ? 'commit' : 'commits'}`;
  return `${what} could not be read; the ranking uses the rest. The Incident Lens output says which.`;
}
