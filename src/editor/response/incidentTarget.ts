/**
 * Finds the incident a command acts on: one passed in (a uri, a view row),
 * else the rule of `chooseIncident`: the incident in the editor, else the
 * only active one, else a quick pick (active first, newest first).
 */
import * as vscode from 'vscode';
import { chooseIncident, type Candidate } from '../../core/response/activeIncident';
import type { IncidentSummary } from '../../core/incident';
import { incidentDescription, incidentLabel, pickDetail } from '../../core/response/labels';
import { isActive } from '../../core/activeStatuses';
import { analyzeText } from '../../core/lint';
import { pickOne } from './quickInput';
import type { FolderIncidents } from '../folderIncidents';
import type { IncidentWorkspace } from '../incidentWorkspace';
import { nowMs } from '../../core/clock';

export interface IncidentRef {
  readonly uri: vscode.Uri;
  readonly state: FolderIncidents;
  readonly path: string;
  readonly incident: IncidentSummary;
}

/** Every incident in the workspace, with its uri. */
export function allIncidents(workspace: IncidentWorkspace): IncidentRef[] {
  return workspace.all().flatMap((state) => state.index.incidents().map(({ path, incident }) => ({ uri: state.host.uriOf(path), state, path, incident })));
}

/** A uri from what a command was given: a Uri, a uri string, or a view row that carries `uri`. */
export function uriFromArgument(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'string' && /^[a-z][\w+.-]*:/i.test(argument)) return vscode.Uri.parse(argument);
  if (typeof argument === 'object' && argument !== null) {
    const { uri, resourceUri } = argument as { uri?: unknown; resourceUri?: unknown };
    if (uri instanceof vscode.Uri) return uri;
    if (resourceUri instanceof vscode.Uri) return resourceUri;
  }
  return undefined;
}

export function refOf(workspace: IncidentWorkspace, uri: vscode.Uri): IncidentRef | undefined {
  const located = workspace.locate(uri);
  const found = located && located.state.index.get(located.path);
  return located && found ? { uri, state: located.state, path: located.path, incident: found.incident } : undefined;
}

/** The incident of the active editor, if it is one. */
export function editorIncident(workspace: IncidentWorkspace): IncidentRef | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri ? refOf(workspace, uri) : undefined;
}

export interface TargetOptions {
  readonly placeHolder: string;
  /** Offer only active incidents when picking (capture commands). */
  readonly activeOnly?: boolean;
}

export async function targetIncident(workspace: IncidentWorkspace, argument: unknown, options: TargetOptions): Promise<IncidentRef | undefined> {
  const given = uriFromArgument(argument);
  if (given) return refOf(workspace, given);
  const all = allIncidents(workspace);
  const byKey = new Map(all.map((ref) => [ref.uri.toString(), ref]));
  const candidates: Candidate[] = all.map((ref) => ({ key: ref.uri.toString(), incident: ref.incident }));
  const choice = chooseIncident(candidates, vscode.window.activeTextEditor?.document.uri.toString());
  if (choice.kind === 'chosen') return byKey.get(choice.key);
  if (choice.kind === 'none') {
    void vscode.window.showInformationMessage('There are no incidents in this workspace yet. Declare one with “Incident Lens: Declare Incident”.');
    return undefined;
  }
  const offered = options.activeOnly && choice.candidates.some((c) => isActive(c.incident)) ? choice.candidates.filter((c) => isActive(c.incident)) : choice.candidates;
  return pickIncident(offered.map((c) => byKey.get(c.key)!), options.placeHolder);
}

export interface IncidentPickItem extends vscode.QuickPickItem {
  readonly ref: IncidentRef;
}

export function pickItem(ref: IncidentRef, nowMs: number): IncidentPickItem {
  return {
    label: incidentLabel(ref.incident, ref.path),
    description: incidentDescription(ref.incident, nowMs),
    detail: pickDetail(ref.incident, nowMs),
    ref,
  };
}

export async function pickIncident(refs: readonly IncidentRef[], placeholder: string): Promise<IncidentRef | undefined> {
  const now = nowMs();
  const picked = await pickOne<IncidentPickItem>({ title: 'Which incident?', placeholder, items: refs.map((ref) => pickItem(ref, now)), matchOnDescription: true, matchOnDetail: true });
  return picked?.ref;
}

/**
 * The incident as its document says now (unsaved typing included): the index
 * may lag a moment behind an edit that was just made.
 */
export async function freshIncident(ref: IncidentRef): Promise<IncidentSummary> {
  try {
    const document = await vscode.workspace.openTextDocument(ref.uri);
    return analyzeText(document.getText(), ref.state.index.options.lint).incident ?? ref.incident;
  } catch {
    return ref.incident;
  }
}
