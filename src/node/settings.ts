/**
 * Reads `incidentLens.*` settings from a folder's `.vscode/settings.json`, so
 * the command-line tool checks files the way the editor does.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface FolderSettings {
  readonly files?: string;
  readonly severityLevels?: string[];
  readonly maxFileSize?: number;
  readonly blamePhrases?: string[];
  readonly importDefaultSeverity?: string;
}

export function readFolderSettings(folder: string): FolderSettings {
  let text: string;
  try {
    text = readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8');
  } catch {
    return {};
  }
  let values: Record<string, unknown>;
  try {
    values = JSON.parse(stripJsonComments(text)) as Record<string, unknown>;
  } catch {
    return {};
  }
  const strings = (value: unknown) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined);
  return {
    files: typeof values['incidentLens.files'] === 'string' ? (values['incidentLens.files'] as string) : undefined,
    severityLevels: strings(values['incidentLens.severityLevels']),
    maxFileSize: typeof values['incidentLens.maxFileSize'] === 'number' ? (values['incidentLens.maxFileSize'] as number) : undefined,
    blamePhrases: strings(values['incidentLens.blamePhrases']),
    importDefaultSeverity: typeof values['incidentLens.import.defaultSeverity'] === 'string' ? (values['incidentLens.import.defaultSeverity'] as string) : undefined,
  };
}

/** settings.json allows comments and trailing commas; strings are left alone. */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
