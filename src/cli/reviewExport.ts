/**
 * `incident-lens report [FOLDER] --incident ID [--audience executive|team]
 * [--out FILE.md|FILE.html] [--today YYYY-MM-DD]`: one incident's review as a
 * report for its audience, the same as "Export Review…" in the editor.
 * Markdown on stdout by default; `--out` picks the format by its extension.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { localToday } from '../core/clock';
import { todayFromIso } from '../core/lint';
import { AUDIENCES, type Audience, formatOfFile, reviewReport } from '../core/review/export/reviewReport';
import { openWorkspace } from '../node/openWorkspace';
import { folderMessages } from './messages';
import { ReportUsageError } from './report';

const REVIEW_EXPORT_USAGE = 'incident-lens report [FOLDER] --incident ID [--audience executive|team] [--out FILE.md|FILE.html] [--today YYYY-MM-DD]';

export interface ReviewExportIo {
  out(text: string): void;
  err(text: string): void;
}

/** Whether a `report` command line asks for one incident's review. */
export function asksForIncident(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--incident' || arg.startsWith('--incident='));
}

/**
 * `argv` is what follows `report`; `folderOf` checks and resolves FOLDER as
 * the other commands do. Exit 0 when written, 1 when the incident cannot be
 * read; bad usage (and an unknown id) throws ReportUsageError (exit 2).
 */
export async function exportReview(argv: readonly string[], io: ReviewExportIo, folderOf: (positionals: readonly string[]) => string): Promise<number> {
  const args = parseExportArgs(argv);
  const folder = folderOf(args.positionals);
  const { index } = await openWorkspace(folder, { noGit: true, todayMs: args.todayMs, ...folderMessages(io.err) });
  const matches = index.incidents().filter(({ incident }) => incident.id === args.incident);
  if (matches.length === 0) throw new ReportUsageError(`no incident with id ${args.incident} in ${folder}`);
  const { path: file } = matches[0];
  if (matches.length > 1) io.err(`note: ${matches.length} incidents have the id ${args.incident}; using ${file}\n`);

  const text = readFileSync(path.join(folder, file), 'utf8');
  const format = args.out === undefined ? 'md' : (formatOfFile(args.out) as 'md' | 'html');
  const report = reviewReport(text, { audience: args.audience, format, todayMs: args.todayMs, fileName: path.basename(file) });
  if (!report.ok) {
    io.err(`incident-lens: ${file}: ${report.message}\n`);
    return 1;
  }
  if (args.out === undefined) {
    io.out(report.content);
    return 0;
  }
  try {
    await writeFile(args.out, report.content);
  } catch (error) {
    io.err(`incident-lens: cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  io.err(`Wrote ${args.out} (${args.audience === 'executive' ? 'executive summary' : 'team review'} of ${args.incident}).\n`);
  return 0;
}

interface ExportArgs {
  readonly incident: string;
  readonly audience: Audience;
  readonly out?: string;
  readonly todayMs: number;
  readonly positionals: readonly string[];
}

function parseExportArgs(argv: readonly string[]): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { incident: { type: 'string' }, audience: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' } },
    });
  } catch (error) {
    throw new ReportUsageError(`${(error as Error).message.replace(/\.$/, '')} (with --incident: ${REVIEW_EXPORT_USAGE})`);
  }
  const { values, positionals } = parsed;
  if (!values.incident) throw new ReportUsageError('--incident needs an incident id, such as INC-2026-014');
  const audience = values.audience ?? 'executive';
  if (!(AUDIENCES as readonly string[]).includes(audience)) throw new ReportUsageError(`--audience must be executive or team, not "${audience}"`);
  if (values.out !== undefined && formatOfFile(values.out) === undefined) throw new ReportUsageError(`--out must name a .md or .html file, not "${values.out}"`);
  let todayMs = localToday();
  if (values.today !== undefined) {
    const parsedToday = todayFromIso(values.today);
    if (parsedToday === undefined) throw new ReportUsageError(`--today must be a date like 2026-11-25, not "${values.today}"`);
    todayMs = parsedToday;
  }
  return { incident: values.incident, audience: audience as Audience, ...(values.out !== undefined ? { out: values.out } : {}), todayMs, positionals };
}
