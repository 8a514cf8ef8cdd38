/**
 * The incidents of every workspace folder as insight sources, and the way
 * back from a source's key to its file. With one folder a key is the path;
 * with several it starts with the folder's name, so equal paths stay apart.
 */
import * as vscode from 'vscode';
import { sourcesOf } from '../../../core/insights';
import type { InsightSource } from '../../../core/insights/types';
import { DEFAULT_SEVERITIES } from '../../../core/schema';
import type { FolderIncidents } from '../../../editor/folderIncidents';
import type { IncidentWorkspace } from '../../../editor/incidentWorkspace';

export interface WorkspaceSources {
  readonly sources: InsightSource[];
  readonly uris: ReadonlyMap<string, vscode.Uri>;
  /** The first folder's configured levels (folders rarely differ). */
  readonly severities: readonly string[];
  readonly folders: readonly { readonly state: FolderIncidents; readonly label: string }[];
}

export function collectSources(workspace: IncidentWorkspace): WorkspaceSources {
  const states = workspace.all();
  const multi = states.length > 1;
  const sources: InsightSource[] = [];
  const uris = new Map<string, vscode.Uri>();
  const folders = states.map((state) => ({ state, label: multi ? state.folder.name : '' }));
  for (const { state, label } of folders) {
    for (const source of sourcesOf(state.index.incidents(), label)) {
      sources.push(source);
      uris.set(source.key, state.host.uriOf(source.path));
    }
  }
  return { sources, uris, severities: states[0]?.index.options.lint.severities ?? DEFAULT_SEVERITIES, folders };
}
