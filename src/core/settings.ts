/**
 * The one definition of what a folder's `incidentLens.*` settings mean: the
 * editor (through vscode's configuration) and the command-line tool (through
 * `.vscode/settings.json`) both turn a plain lookup into these options, so the
 * two cannot read a setting differently.
 */
import { DEFAULT_BLAME_PHRASES } from './blame';
import { DEFAULT_COMMIT_FILE_EXCLUDES, DEFAULT_HALF_LIFE_DAYS, DEFAULT_SEVERITY_WEIGHTS, type ScoreOptions } from './hotspots/types';
import { DEFAULT_MAX_BYTES, type LintOptions } from './lint';
import { DEFAULT_ACTION_HORIZON_DAYS, DEFAULT_MAX_OPEN_ACTIONS } from './review/types';
import { DEFAULT_SEVERITIES } from './schema';

export const DEFAULT_INCIDENT_GLOB = 'incidents/**/*.md';
const DEFAULT_IMPORT_SEVERITY = 'SEV3';

/** A setting's value by its key after `incidentLens.` (`hotspots.halfLifeDays`); undefined when not set. */
export type SettingLookup = (key: string) => unknown;

export interface FolderSettings {
  readonly incidentGlob: string;
  readonly lint: Omit<LintOptions, 'todayMs'>;
  /** As written: which of the levels it names is the importer's to decide. */
  readonly importDefaultSeverity: string;
  readonly scoring: Omit<ScoreOptions, 'now'>;
  readonly review: { readonly actionHorizonDays: number; readonly maxOpenActions: number };
}

/**
 * Settings only the editor's own presentation reads, per document or per
 * window: nothing a folder-level run of the command-line tool shows.
 */
export const EDITOR_ONLY_SETTINGS: readonly string[] = ['hotspots.decorations', 'hotspots.codeLens', 'response.name'];

/**
 * A value of the wrong type falls back to the default: settings are typed by
 * hand, and vscode hands them over as written.
 */
export function folderSettings(get: SettingLookup): FolderSettings {
  return {
    incidentGlob: text(get('files')) ?? DEFAULT_INCIDENT_GLOB,
    lint: {
      severities: nonEmpty(texts(get('severityLevels'))) ?? DEFAULT_SEVERITIES,
      maxBytes: positive(get('maxFileSize')) ?? DEFAULT_MAX_BYTES,
      blamePhrases: texts(get('blamePhrases')) ?? DEFAULT_BLAME_PHRASES,
    },
    importDefaultSeverity: text(get('import.defaultSeverity')) ?? DEFAULT_IMPORT_SEVERITY,
    scoring: {
      severityWeights: severityWeights(get('hotspots.severityWeights')),
      halfLifeDays: positive(get('hotspots.halfLifeDays')) ?? DEFAULT_HALF_LIFE_DAYS,
      commitFileExcludes: texts(get('hotspots.commitExcludes')) ?? DEFAULT_COMMIT_FILE_EXCLUDES,
    },
    review: {
      actionHorizonDays: wholeNumber(get('review.actionHorizonDays')) ?? DEFAULT_ACTION_HORIZON_DAYS,
      maxOpenActions: wholeNumber(get('review.maxOpenActions')) ?? DEFAULT_MAX_OPEN_ACTIONS,
    },
  };
}

/**
 * vscode merges an object setting into its default key by key, so
 * `{"SEV1": 20}` keeps SEV2–SEV4 at 4, 2 and 1: the command-line tool must
 * merge the same way. A weight that is not a number of at least 0 keeps its default.
 */
function severityWeights(value: unknown): Readonly<Record<string, number>> {
  if (!isPlainObject(value)) return DEFAULT_SEVERITY_WEIGHTS;
  const valid = Object.entries(value).filter((entry): entry is [string, number] => atLeastZero(entry[1]) !== undefined);
  return { ...DEFAULT_SEVERITY_WEIGHTS, ...Object.fromEntries(valid) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function texts(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

function nonEmpty(list: readonly string[] | undefined): readonly string[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function atLeastZero(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function wholeNumber(value: unknown): number | undefined {
  const number = atLeastZero(value);
  return number === undefined ? undefined : Math.floor(number);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
