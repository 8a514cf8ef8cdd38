/** Incident Lens settings for one workspace folder. */
import * as vscode from 'vscode';
import { DEFAULT_BLAME_PHRASES } from '../core/blame';
import { defaultLintOptions, DEFAULT_MAX_BYTES, type LintOptions } from '../core/lint';
import { DEFAULT_SEVERITIES } from '../core/schema';

export const DEFAULT_INCIDENT_GLOB = 'incidents/**/*.md';

export interface FolderConfig {
  readonly incidentGlob: string;
  readonly lint: LintOptions;
}

export function readFolderConfig(folder: vscode.WorkspaceFolder): FolderConfig {
  const config = vscode.workspace.getConfiguration('incidentLens', folder.uri);
  const severities = config.get<string[]>('severityLevels');
  const phrases = config.get<string[]>('blamePhrases');
  return {
    incidentGlob: config.get<string>('files') || DEFAULT_INCIDENT_GLOB,
    lint: defaultLintOptions({
      severities: severities && severities.length > 0 ? severities : DEFAULT_SEVERITIES,
      maxBytes: config.get<number>('maxFileSize') ?? DEFAULT_MAX_BYTES,
      blamePhrases: phrases ?? DEFAULT_BLAME_PHRASES,
    }),
  };
}
