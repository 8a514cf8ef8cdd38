/**
 * One workspace folder's incidents as the extension keeps them. Its own
 * module so that what the workspace is built from (file events, hosts) can
 * name it without importing the workspace.
 */
import type * as vscode from 'vscode';
import type { IncidentIndex, ScanReport } from '../core/workspace';
import type { EditorWorkspaceHost } from './vscodeHost';

export interface FolderIncidents {
  readonly folder: vscode.WorkspaceFolder;
  readonly host: EditorWorkspaceHost;
  readonly index: IncidentIndex;
  /** How the last scan went; set when it is done. */
  lastScan?: ScanReport & { readonly ms: number };
}
