/**
 * `incident-lens import FILE... [--out FOLDER] [--dry-run] [--severity LEVEL]`:
 * converts postmortems written in Markdown into incident files. It never
 * overwrites a file: a name already taken gets a numbered suffix. Severity
 * levels and the default come from the workspace's `.vscode/settings.json`,
 * as for `lint`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { importPostmortem, type ImportResult } from '../core/import/index';
import { defaultLevel, toLevel } from '../core/import/severity';
import { decodeSource, type SourceText } from '../core/import/source-text';
import { readFolderSettings } from '../node/settings';

export interface ImportIo {
  out(s: string): void;
  err(s: string): void;
  readonly cwd: string;
}

export const IMPORT_USAGE = 'Usage: incident-lens import FILE... [--out FOLDER] [--dry-run] [--severity LEVEL]';

interface ImportArgs {
  readonly files: string[];
  readonly out: string;
  readonly dryRun: boolean;
  readonly severity?: string;
}

const MAX_SUFFIX = 99;

/** `argv` is what follows `import` (a leading `import` is accepted too). Returns the exit code. */
export async function runImport(argv: string[], io: ImportIo): Promise<number> {
  const args = argv[0] === 'import' ? argv.slice(1) : argv;
  const outDir = path.resolve(io.cwd, outOption(args) ?? 'incidents');
  const { settings, problems } = readFolderSettings(settingsFolder(outDir, io.cwd));
  for (const problem of problems) io.err(`warning: ${problem}`);
  const levels = settings.lint.severities;
  const parsed = parseArgs(args, levels);
  if ('help' in parsed) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`${parsed.error}\n${IMPORT_USAGE}`);
    return 2;
  }
  const defaultSeverity = defaultLevel(settings.importDefaultSeverity, levels);
  const existingIds = await readExistingIds(outDir);
  const takenNames = new Set<string>();
  let failed = 0;
  for (const file of parsed.files) {
    const source = path.resolve(io.cwd, file);
    let decoded: SourceText;
    try {
      decoded = decodeSource(await readFile(source));
    } catch (error) {
      io.err(`Could not read ${file}: ${reason(error)}`);
      failed++;
      continue;
    }
    let result: ImportResult;
    try {
      result = importPostmortem(path.basename(source), decoded.text, { existingIds, defaultSeverity, severity: parsed.severity, severityLevels: levels, decodingNote: decoded.note });
    } catch (error) {
      // A bug in the importer should cost one file, not the whole batch.
      io.err(`Could not import ${file}: ${reason(error)}`);
      failed++;
      continue;
    }
    const target = parsed.dryRun ? await freeName(outDir, result.fileName, takenNames) : await writeNew(outDir, result.fileName, result.text, takenNames);
    if (!target) {
      io.err(`Could not write ${result.fileName} for ${file}: every name up to -${MAX_SUFFIX} is taken in ${parsed.out}.`);
      failed++;
      continue;
    }
    existingIds.push(result.id);
    report(io, file, path.relative(io.cwd, target) || target, result, parsed.dryRun);
  }
  if (parsed.dryRun) io.out('Dry run: no files were written.');
  return failed > 0 ? 1 : 0;
}

/** `--out` as given, read before the rest so the settings of the folder it is in decide the levels. */
function outOption(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--out=')) return argv[i].slice('--out='.length);
    if (argv[i] === '--out' && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) return argv[i + 1];
  }
  return undefined;
}

/** The workspace folder whose `.vscode/settings.json` applies: the nearest above the output folder, else the current one. */
function settingsFolder(outDir: string, cwd: string): string {
  for (let folder = outDir; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.vscode', 'settings.json'))) return folder;
    if (path.dirname(folder) === folder) return cwd;
  }
}

function parseArgs(argv: string[], levels: readonly string[]): ImportArgs | { error: string } | { help: true } {
  const files: string[] = [];
  let out = 'incidents';
  let dryRun = false;
  let severity: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (name === '--help' || name === '-h') return { help: true };
    else if (name === '--dry-run') dryRun = true;
    else if (name === '--out') {
      const folder = value();
      if (!folder) return { error: '--out needs a folder.' };
      out = folder;
    } else if (name === '--severity') {
      const level = value();
      const known = level ? toLevel(level, levels) : undefined;
      if (!level || !known || known.toLowerCase() !== level.toLowerCase()) return { error: `--severity must be one of ${levels.join(', ')}.` };
      severity = known;
    } else if (name === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (name.startsWith('-') && name !== '-') return { error: `Unknown option ${name}.` };
    else files.push(arg);
  }
  if (files.length === 0) return { error: 'Name at least one postmortem file to import.' };
  return { files, out, dryRun, severity };
}

/** Ids of the incidents already in the folder (any depth), so imports never reuse one. */
async function readExistingIds(folder: string): Promise<string[]> {
  const ids: string[] = [];
  for (const file of await markdownFiles(folder)) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    if (!frontMatter) continue;
    try {
      const data: unknown = parseYaml(frontMatter[1]);
      const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).id : undefined;
      if (typeof id === 'string') ids.push(id);
    } catch {
      // A file lint reports as broken still must not stop an import.
    }
  }
  return ids;
}

async function markdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await markdownFiles(full)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.push(full);
  }
  return files;
}

function candidateNames(fileName: string): string[] {
  const stem = fileName.replace(/\.md$/, '');
  return [fileName, ...Array.from({ length: MAX_SUFFIX - 1 }, (_, i) => `${stem}-${i + 2}.md`)];
}

async function freeName(folder: string, fileName: string, taken: Set<string>): Promise<string | undefined> {
  const existing = new Set(await readdir(folder).catch(() => [] as string[]));
  const name = candidateNames(fileName).find((n) => !existing.has(n) && !taken.has(n));
  if (name) taken.add(name);
  return name ? path.join(folder, name) : undefined;
}

/** Writes to the first free name; `wx` makes the check and the write one step, so nothing is overwritten. */
async function writeNew(folder: string, fileName: string, text: string, taken: Set<string>): Promise<string | undefined> {
  await mkdir(folder, { recursive: true });
  for (const name of candidateNames(fileName)) {
    if (taken.has(name)) continue;
    const target = path.join(folder, name);
    try {
      await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
      taken.add(name);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return undefined;
}

function report(io: ImportIo, source: string, target: string, result: ImportResult, dryRun: boolean): void {
  io.out(`${dryRun ? 'Would import' : 'Imported'} ${source} → ${target} (${result.id})`);
  const section = (title: string, lines: string[]): void => {
    if (lines.length === 0) return;
    io.out(`  ${title}:`);
    for (const line of lines) io.out(`    - ${line}`);
  };
  section('mapped', result.mapped);
  section('kept in the body', result.leftInBody);
  section('please check', result.warnings);
}

function reason(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error.message;
  return String(error);
}
