/** The `incident-lens` command-line tool: the same core as the editor, for CI and scripts. */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { todayFromIso } from '../core/lint';
import { installClockFromEnvironment } from '../node/clock';
import { runStdioServer } from '../server/node';
import { openWorkspace } from '../node/openWorkspace';
import { indexHotspotIncidents } from '../core/hotspotIncidents';
import { runHotspots } from './hotspots';
import { runImport } from './import';
import { ReportUsageError, runReport } from './report';
import { asksForIncident, exportReview } from './reviewExport';
import { formatText, lintRows, summaryLine } from './lint';
import { folderMessages } from './messages';

const USAGE = `Usage:
  incident-lens lint [FOLDER] [--format text|json] [--today YYYY-MM-DD]
  incident-lens hotspots [FOLDER] [--format text|json] [--limit N]
  incident-lens report [FOLDER] [--out FILE.md|FILE.html] [--today YYYY-MM-DD]
                       [--from DATE] [--to DATE] [--service S] [--severity SEVn] [--by month|quarter] [--no-git]
  incident-lens report [FOLDER] --incident ID [--audience executive|team] [--out FILE.md|FILE.html] [--today YYYY-MM-DD]
  incident-lens import FILE... [--out FOLDER] [--dry-run] [--severity LEVEL]
  incident-lens lsp --stdio
  incident-lens help

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable folder.`;

class UsageError extends Error {}

interface Io {
  out(text: string): void;
  err(text: string): void;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lint(rest, io);
      case 'hotspots':
        return await hotspots(rest, io);
      case 'report':
        return await report(rest, io);
      case 'import':
        return await runImport([...rest], { out: (text) => io.out(text.endsWith('\n') ? text : `${text}\n`), err: (text) => io.err(text.endsWith('\n') ? text : `${text}\n`), cwd: process.cwd() });
      case 'lsp':
        return lsp(rest);
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return 0;
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`incident-lens: ${error.message}. Run "incident-lens help" for usage.\n`);
      return 2;
    }
    io.err(`incident-lens: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\.$/, ''));
  }
}

function folderArgument(positionals: readonly string[]): string {
  if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
  const folder = path.resolve(positionals[0] ?? '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(`cannot read folder ${folder}`);
  }
  if (!isDirectory) throw new UsageError(`${folder} is not a folder`);
  try {
    // A folder that cannot be listed would otherwise lint as empty, and pass.
    readdirSync(folder);
  } catch {
    throw new UsageError(`cannot read folder ${folder}`);
  }
  return folder;
}

function formatOption(value: string | boolean | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return (value ?? 'text') as 'text' | 'json';
  throw new UsageError(`--format must be text or json, not "${String(value)}"`);
}

async function lint(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, today: { type: 'string' } });
  const format = formatOption(values.format);
  let todayMs: number | undefined;
  if (values.today !== undefined) {
    todayMs = todayFromIso(String(values.today));
    if (todayMs === undefined) throw new UsageError(`--today must be a date like 2026-11-25, not "${String(values.today)}"`);
  }
  const folder = folderArgument(positionals);
  const { index } = await openWorkspace(folder, { todayMs, ...folderMessages(io.err) });
  const rows = lintRows(index);
  io.out(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : formatText(rows));
  // Files with front matter, including those that could not be read as an incident (yaml-syntax, too-large).
  if (format === 'text') io.err(`${summaryLine(rows, index.paths().filter((file) => index.isIncident(file)).length)}\n`);
  return rows.some((row) => row.severity === 'error') ? 1 : 0;
}

async function hotspots(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, limit: { type: 'string' } });
  const format = formatOption(values.format);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not "${String(values.limit)}"`);
  }
  const folder = folderArgument(positionals);
  // Git is read once, by the hotspot scan itself.
  const { index, settings } = await openWorkspace(folder, { noGit: true, ...folderMessages(io.err) });
  return runHotspots({ folder, format, limit, scoring: settings.scoring }, indexHotspotIncidents(index), io.out, io.err);
}

/** The language server, for editors: it runs until the editor closes the connection. */
function lsp(args: readonly string[]): number {
  const { values, positionals } = parse(args, { stdio: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`lsp takes no folder (the editor sends its folders), got "${positionals[0]}"`);
  if (!values.stdio) throw new UsageError('lsp needs --stdio, the one transport it speaks');
  runStdioServer();
  return 0;
}

async function report(args: readonly string[], io: Io): Promise<number> {
  try {
    if (asksForIncident(args)) return await exportReview(args, io, folderArgument);
    return await runReport(args, io, folderArgument);
  } catch (error) {
    throw error instanceof ReportUsageError ? new UsageError(error.message) : error;
  }
}

if (require.main === module) {
  try {
    installClockFromEnvironment();
  } catch (error) {
    process.stderr.write(`incident-lens: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  main(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`incident-lens: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
