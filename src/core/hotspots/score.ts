/**
 * Hotspot scores: each incident weighs by severity and recency, and its
 * weight is shared across the files it touched, so one sweeping commit does
 * not outweigh a focused fix. Folders add up their files. Pure: the same
 * input and `now` always give the same ranking.
 */
import { RepositoryFileIndex } from './fileIndex';
import { compareText } from './order';
import { HistoryIndex, IncidentLinker } from './incidentLinks';
import {
  DEFAULT_COMMIT_FILE_EXCLUDES,
  DEFAULT_HALF_LIFE_DAYS,
  DEFAULT_SEVERITY_WEIGHTS,
  type FileHotspot,
  type FolderHotspot,
  type HistoryFacts,
  type HotspotIncident,
  type HotspotRanking,
  type IncidentShare,
  type ScoreOptions,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface HotspotInput {
  readonly incidents: readonly HotspotIncident[];
  /** `EMPTY_HISTORY` where git must not run: explicit links still count. */
  readonly history: HistoryFacts;
  /** Files of the workspace folder, relative to it, for globs and folder links. */
  readonly repoFiles: readonly string[];
}

export type ScoreSettings = Partial<Omit<ScoreOptions, 'now'>> & Pick<ScoreOptions, 'now'>;

export function scoreHotspots(input: HotspotInput, settings: ScoreSettings): HotspotRanking {
  const options = withDefaults(settings);
  const fileIndex = new RepositoryFileIndex(input.repoFiles);
  const linker = new IncidentLinker(fileIndex, new HistoryIndex(input.history), options.commitFileExcludes);
  const files = new Map<string, IncidentShare[]>();
  for (const incident of input.incidents) {
    const links = linker.link(incident);
    const share = incidentWeight(incident, options) / links.size;
    for (const [path, link] of links) {
      let shares = files.get(path);
      if (!shares) files.set(path, (shares = []));
      shares.push({
        id: incident.id,
        title: incident.title,
        severity: incident.severity,
        ...(incident.started === undefined ? {} : { started: incident.started }),
        share,
        roles: [...link.roles].sort(compareText),
        lines: link.lines,
      });
    }
  }
  const fileHotspots = [...files].map(([path, shares]) => fileHotspot(path, shares, fileIndex.has(path)));
  return { files: fileHotspots.sort(byRank), folders: rollUpFolders(fileHotspots).sort(byRank) };
}

function withDefaults(settings: ScoreSettings): ScoreOptions {
  return {
    severityWeights: settings.severityWeights ?? DEFAULT_SEVERITY_WEIGHTS,
    halfLifeDays: settings.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
    commitFileExcludes: settings.commitFileExcludes ?? DEFAULT_COMMIT_FILE_EXCLUDES,
    now: settings.now,
  };
}

/**
 * Severity weight times 0.5 per half-life of age. An incident in the future
 * (clock skew, a typo) counts as new; one without `started` is not decayed;
 * a half-life that is not positive turns decay off.
 */
function incidentWeight(incident: HotspotIncident, options: ScoreOptions): number {
  const severity = severityWeight(incident.severity, options.severityWeights);
  if (incident.started === undefined || !(options.halfLifeDays > 0)) return severity;
  const ageDays = Math.max(0, options.now - incident.started) / DAY_MS;
  return severity * Math.pow(0.5, ageDays / options.halfLifeDays);
}

function severityWeight(severity: string, weights: Readonly<Record<string, number>>): number {
  const weight = weights[severity] ?? weights[severity.toUpperCase()];
  if (weight !== undefined) return weight;
  const known = Object.values(weights);
  return known.length > 0 ? Math.min(...known) : 1;
}

function fileHotspot(path: string, shares: IncidentShare[], exists: boolean): FileHotspot {
  shares.sort((a, b) => b.share - a.share || compareText(a.id, b.id));
  const lastStarted = latest(shares.map((share) => share.started));
  return {
    path,
    score: shares.reduce((sum, share) => sum + share.share, 0),
    count: shares.length,
    incidents: shares,
    ...(lastStarted === undefined ? {} : { lastStarted }),
    exists,
  };
}

function rollUpFolders(files: readonly FileHotspot[]): FolderHotspot[] {
  const folders = new Map<string, { score: number; ids: Set<string>; files: number; lastStarted?: number }>();
  for (const file of files) {
    for (let slash = file.path.lastIndexOf('/'); slash > 0; slash = file.path.lastIndexOf('/', slash - 1)) {
      const path = file.path.slice(0, slash);
      let folder = folders.get(path);
      if (!folder) folders.set(path, (folder = { score: 0, ids: new Set(), files: 0 }));
      folder.score += file.score;
      folder.files += 1;
      for (const incident of file.incidents) folder.ids.add(incident.id);
      const lastStarted = latest([folder.lastStarted, file.lastStarted]);
      if (lastStarted !== undefined) folder.lastStarted = lastStarted;
    }
  }
  return [...folders].map(([path, folder]) => ({
    path,
    score: folder.score,
    count: folder.ids.size,
    incidentIds: [...folder.ids].sort(compareText),
    files: folder.files,
    ...(folder.lastStarted === undefined ? {} : { lastStarted: folder.lastStarted }),
  }));
}

function latest(times: readonly (number | undefined)[]): number | undefined {
  let result: number | undefined;
  for (const time of times) if (time !== undefined && (result === undefined || time > result)) result = time;
  return result;
}

/** Highest score first; scores equal up to rounding tie, then more incidents, then path order. */
function byRank(a: { score: number; count: number; path: string }, b: { score: number; count: number; path: string }): number {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a.score), Math.abs(b.score));
  if (Math.abs(a.score - b.score) > tolerance) return b.score - a.score;
  return b.count - a.count || compareText(a.path, b.path);
}
