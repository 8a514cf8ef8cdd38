/** `incident-lens hotspots`: ranked code paths, as JSON `[{path, score, incidents}]` or a table. */
import type { ScoreSettings } from '../core/hotspots/score';
import type { FileHotspot, HotspotIncident } from '../core/hotspots/types';
import { computeHotspots } from '../node/hotspots';
import { nowMs } from '../core/clock';

export interface HotspotsArgs {
  readonly folder: string;
  readonly format: 'text' | 'json';
  /** Show only the first N files. */
  readonly limit?: number;
  /** Epoch ms that recency is measured from; now by default. */
  readonly now?: number;
  /** The folder's `incidentLens.hotspots.*` settings; the defaults without them. */
  readonly scoring?: Omit<ScoreSettings, 'now'>;
  /** Where to cache git history per HEAD; no caching without it. */
  readonly cacheDirectory?: string;
}

/**
 * Prints the ranking to `out` and notes about history that could not be read
 * (missing objects, a shallow clone) to `err`; those are normal, the rest
 * is still ranked. Exit code 0, or 2 for a bad limit.
 */
export async function runHotspots(
  args: HotspotsArgs,
  incidents: readonly HotspotIncident[],
  out: (text: string) => void,
  err: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  if (args.limit !== undefined && !(Number.isInteger(args.limit) && args.limit >= 0)) {
    err(`incident-lens: --limit must be a whole number of files, not ${String(args.limit)}\n`);
    return 2;
  }
  const result = await computeHotspots(args.folder, incidents, { now: args.now ?? nowMs(), scoring: args.scoring, cacheDirectory: args.cacheDirectory });
  const files = args.limit === undefined ? result.ranking.files : result.ranking.files.slice(0, args.limit);
  out(args.format === 'json' ? formatJson(files) : formatTable(files));
  for (const problem of result.history.problems) err(`note: ${problem.message}\n`);
  return 0;
}

function formatJson(files: readonly FileHotspot[]): string {
  const rows = files.map((file) => ({ path: file.path, score: Number(file.score.toPrecision(6)), incidents: file.incidents.map((incident) => incident.id) }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function formatTable(files: readonly FileHotspot[]): string {
  if (files.length === 0) return 'No hotspots: no incident links to code or commits that could be read.\n';
  const rows = [['score', 'incidents', 'path', 'ids'], ...files.map((file) => [formatScore(file.score), String(file.count), file.path, file.incidents.map((incident) => incident.id).join(', ')])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: readonly string[]): string => [row[0].padStart(widths[0]), row[1].padStart(widths[1]), row[2].padEnd(widths[2]), row[3]].join('  ').trimEnd();
  return `${rows.map(line).join('\n')}\n`;
}

/** Readable at every magnitude: old incidents decay to small numbers. */
function formatScore(score: number): string {
  if (score >= 100) return score.toFixed(0);
  if (score >= 1) return score.toFixed(2);
  return score === 0 ? '0' : score.toPrecision(2);
}
