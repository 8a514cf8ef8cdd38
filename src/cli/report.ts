/**
 * `incident-lens report [FOLDER] [--out FILE.md|FILE.html] [--today DATE]
 * [--from DATE] [--to DATE] [--service S] [--severity SEVn] [--by month|quarter]
 * [--no-git]`: the cross-incident report, Markdown on stdout by default.
 * Code areas come from git history when the folder is in a repository
 * (as `incident-lens hotspots` reads it), else from the `code:` links.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { indexHotspotIncidents } from '../core/hotspotIncidents';
import { buildInsights, sourcesOf } from '../core/insights';
import type { BucketUnit, FolderHistory, InsightFilters } from '../core/insights/types';
import { localToday } from '../core/clock';
import { todayFromIso } from '../core/lint';
import { renderReport, type ReportFormat } from '../core/report';
import { computeHotspots } from '../node/hotspots';
import { openWorkspace } from '../node/openWorkspace';
import { folderMessages } from './messages';

export interface ReportIo {
  out(text: string): void;
  err(text: string): void;
}

/** A problem with the command line: exit code 2 and one line saying what to change. */
export class ReportUsageError extends Error {}

interface ReportArgs {
  readonly folder: string;
  readonly out?: string;
  readonly format: ReportFormat;
  readonly todayMs: number;
  readonly filters: InsightFilters;
  readonly unit?: BucketUnit;
  readonly git: boolean;
}

/**
 * `argv` is what follows `report`; `folderOf` checks and resolves FOLDER as
 * the other commands do. Throws ReportUsageError on bad usage.
 */
export async function runReport(argv: readonly string[], io: ReportIo, folderOf: (positionals: readonly string[]) => string): Promise<number> {
  const args = parseReportArgs(argv, folderOf);
  const { index, settings } = await openWorkspace(args.folder, { todayMs: args.todayMs, noGit: true, ...folderMessages(io.err) });
  const severities = index.options.lint.severities;
  if (args.filters.severity !== undefined && !severities.includes(args.filters.severity)) {
    throw new ReportUsageError(`--severity must be one of ${severities.join(', ')}, not "${args.filters.severity}"`);
  }
  const files = index.incidents();
  const history: FolderHistory[] = [];
  if (args.git) {
    // Recency counts from --today, as everything else in the report does: the same day gives the same report.
    const result = await computeHotspots(args.folder, indexHotspotIncidents(index), { now: args.todayMs, scoring: settings.scoring });
    history.push({ folder: '', ranking: result.ranking, fromHistory: !result.history.problems.some((problem) => problem.kind === 'no-history') });
  }
  const insights = buildInsights(sourcesOf(files), { todayMs: args.todayMs, severities, filters: args.filters, unit: args.unit, history });
  const text = renderReport(insights, args.format, { source: path.basename(args.folder) });
  if (args.out === undefined) {
    io.out(text);
    return 0;
  }
  try {
    await writeFile(args.out, text);
  } catch (error) {
    io.err(`incident-lens: cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  io.err(`Wrote ${args.out} (${insights.scope.total} ${insights.scope.total === 1 ? 'incident' : 'incidents'}).\n`);
  return 0;
}

function parseReportArgs(argv: readonly string[], folderOf: (positionals: readonly string[]) => string): ReportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        today: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        service: { type: 'string' },
        severity: { type: 'string' },
        by: { type: 'string' },
        'no-git': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new ReportUsageError((error as Error).message.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  const date = (name: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (todayFromIso(value) === undefined) throw new ReportUsageError(`--${name} must be a date like 2026-11-25, not "${value}"`);
    return value;
  };
  const today = date('today', values.today);
  const from = date('from', values.from);
  const to = date('to', values.to);
  if (from && to && from > to) throw new ReportUsageError(`--from ${from} is after --to ${to}`);
  if (values.by !== undefined && values.by !== 'month' && values.by !== 'quarter') throw new ReportUsageError(`--by must be month or quarter, not "${values.by}"`);
  if (values.service === '') throw new ReportUsageError('--service needs a service name');
  let format: ReportFormat = 'markdown';
  if (values.out !== undefined) {
    const extension = path.extname(values.out).toLowerCase();
    if (extension === '.html' || extension === '.htm') format = 'html';
    else if (extension !== '.md' && extension !== '.markdown') throw new ReportUsageError(`--out must name a .md or .html file, not "${values.out}"`);
  }
  const folder = folderOf(positionals);
  const filters: InsightFilters = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(values.service ? { service: values.service } : {}),
    ...(values.severity ? { severity: values.severity } : {}),
  };
  return {
    folder,
    ...(values.out !== undefined ? { out: values.out } : {}),
    format,
    todayMs: today === undefined ? localToday() : (todayFromIso(today) as number),
    filters,
    ...(values.by ? { unit: values.by as BucketUnit } : {}),
    git: !values['no-git'],
  };
}
