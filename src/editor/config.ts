/**
 * Incident Lens settings for one workspace folder, read through vscode and
 * given meaning by src/core/settings.ts, as the command-line tool reads them.
 */
import * as vscode from 'vscode';
import { defaultLintOptions, type LintOptions } from '../core/lint';
import { folderSettings, type FolderSettings } from '../core/settings';

export interface FolderConfig {
  readonly incidentGlob: string;
  readonly lint: LintOptions;
}

/** The settings that apply to a folder, or to the file a URI names. */
export function readSettings(scope: vscode.Uri): FolderSettings {
  const config = vscode.workspace.getConfiguration('incidentLens', scope);
  return folderSettings((key) => config.get(key));
}

export function readFolderConfig(folder: vscode.WorkspaceFolder): FolderConfig {
  const settings = readSettings(folder.uri);
  return { incidentGlob: settings.incidentGlob, lint: defaultLintOptions(settings.lint) };
}
