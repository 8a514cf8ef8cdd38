/**
 * Reads `incidentLens.*` settings from a folder's `.vscode/settings.json`, so
 * the command-line tool checks files and scores hotspots the way the editor
 * does. The file is JSON with comments and trailing commas, parsed by
 * jsonc-parser, the parser the editor itself uses.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { folderSettings, type FolderSettings, type SettingLookup } from '../core/settings';

const PREFIX = 'incidentLens.';

export interface SettingsRead {
  readonly settings: FolderSettings;
  /** Why the file could not be read as it is, naming it and the line; empty when it was. */
  readonly problems: readonly string[];
}

export function readFolderSettings(folder: string): SettingsRead {
  const { lookup, problems } = readFolderSettingLookup(folder);
  return { settings: folderSettings(lookup), problems };
}

/** The folder's `incidentLens.*` values as written, for callers that layer other settings over them (the language server). */
export function readFolderSettingLookup(folder: string): { readonly lookup: SettingLookup; readonly problems: readonly string[] } {
  const file = path.join(folder, '.vscode', 'settings.json');
  const none: SettingLookup = () => undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No settings file is the usual case: every setting has its default.
    const problems = code === 'ENOENT' || code === 'ENOTDIR' ? [] : [`${file}: could not be read (${code ?? String(error)}); using the default settings.`];
    return { lookup: none, problems };
  }
  const errors: ParseError[] = [];
  // Fault-tolerant like the editor: what parses before and after a mistake still counts there, so it counts here too.
  const values: unknown = parse(text, errors, { allowTrailingComma: true, allowEmptyContent: true });
  const problems = errors.length > 0 ? [parseProblem(file, text, errors[0])] : [];
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    if (values !== undefined && errors.length === 0) problems.push(`${file}: is not a JSON object of settings; using the default settings.`);
    return { lookup: none, problems };
  }
  const settings = values as Record<string, unknown>;
  return { lookup: (key) => (Object.hasOwn(settings, PREFIX + key) ? settings[PREFIX + key] : undefined), problems };
}

const PLAIN_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected text',
  InvalidNumberFormat: 'a number is not written right',
  PropertyNameExpected: 'a setting name in quotes is missing',
  ValueExpected: 'a value is missing',
  ColonExpected: 'a colon is missing',
  CommaExpected: 'a comma is missing',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'there is text after the closing }',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
};

function parseProblem(file: string, text: string, error: ParseError): string {
  const name = printParseErrorCode(error.error);
  const before = text.slice(0, error.offset);
  const line = before.split('\n').length;
  const column = error.offset - before.lastIndexOf('\n');
  return `${file}:${line}:${column}: ${PLAIN_ERRORS[name] ?? `not valid JSON (${name})`}; settings that could not be read keep their defaults.`;
}
