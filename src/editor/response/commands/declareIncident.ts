/**
 * Declare Incident: title, severity and services (from the catalog, free text
 * allowed), then a new `incidents/YYYY-MM-DD-slug.md` from the template with
 * the next free id, `status: investigating`, `started` and `detected` now and
 * a first timeline entry, saved and opened. Escape at any step leaves nothing.
 */
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { incidentFileName, newIncidentText } from '../../../core/edits/newIncident';
import { servicesForPath } from '../../../core/response/whoToCall';
import { formatTimestamp, parseTimestamp } from '../../../core/timestamps';
import type { FolderIncidents } from '../../folderIncidents';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { cancelled, type Outcome } from '../commandIds';
import { askText, pickMany, pickOne } from '../quickInput';
import { localOffsetMinutes, nowMs } from '../../../core/clock';
import { yourName } from '../settings';
import { refuseIfUntrusted } from '../trust';

export interface DeclareArguments {
  readonly title: string;
  readonly severity?: string;
  readonly services?: readonly string[];
  /** Now, for scripts and tests. */
  readonly at?: string;
  /** The workspace folder's uri (multi-root). */
  readonly folder?: vscode.Uri | string;
}

function isDeclareArguments(value: unknown): value is DeclareArguments {
  return typeof value === 'object' && value !== null && typeof (value as { title?: unknown }).title === 'string';
}

interface ValueItem extends vscode.QuickPickItem {
  readonly value: string;
}

const MAX_TITLE = 200;

export async function declareIncident(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  const refused = refuseIfUntrusted('declare an incident');
  if (refused) return refused;
  const args = isDeclareArguments(argument) ? argument : undefined;
  await workspace.whenReady();
  const state = await chooseFolder(workspace, args?.folder);
  if (!state) return vscode.workspace.workspaceFolders?.length ? cancelled : { ok: false, message: 'Open a folder first: incidents live in a folder’s incidents/ directory.' };
  const title =
    args?.title ??
    (await askText({
      title: 'Declare incident (1/3)',
      prompt: 'What are users seeing? One line; you can change it later.',
      placeholder: 'Checkout errors in eu-west',
      check: (value) => (!value.trim() ? { error: 'A short title helps everyone joining: what do users see?' } : value.trim().length > MAX_TITLE ? { error: `Keep it under ${MAX_TITLE} characters.` } : {}),
    }));
  if (title === undefined) return cancelled;
  if (!title.trim() || title.trim().length > MAX_TITLE) return { ok: false, message: `The title needs 1 to ${MAX_TITLE} characters.` };
  const severities = state.index.options.lint.severities;
  const severity = args?.severity ?? (await askSeverity(severities));
  if (severity === undefined) return cancelled;
  if (!severities.includes(severity)) return { ok: false, message: `"${severity}" is not a severity here. Use one of: ${severities.join(', ')}.` };
  const services = args?.services ?? (await askServices(state));
  if (services === undefined) return cancelled;

  const at = args?.at ?? formatTimestamp(nowMs(), localOffsetMinutes());
  if (!parseTimestamp(at)) return { ok: false, message: `"${at}" is not a timestamp with an offset.` };
  const id = state.index.nextId(Number(at.slice(0, 4)));
  const directory = incidentDirectory(state.index.options.incidentGlob);
  const taken = new Set(state.index.paths());
  const existing = new Set((await listDirectory(state.host.uriOf(directory))).map((name) => `${directory}/${name}`));
  const name = incidentFileName(at, title, (candidate) => taken.has(`${directory}/${candidate}`) || existing.has(`${directory}/${candidate}`));
  const uri = state.host.uriOf(`${directory}/${name}`);
  const text = newIncidentText({ id, title, severity, services, at, who: yourName() });

  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, overwrite: false });
  edit.insert(uri, new vscode.Position(0, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    const message = `Could not create ${directory}/${name}. Is the folder writable?`;
    void vscode.window.showErrorMessage(message);
    return { ok: false, message };
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  // Put the cursor on the summary, where writing starts.
  const summary = document.getText().indexOf('## Summary');
  const position = summary >= 0 ? document.positionAt(summary).translate(1, 0) : new vscode.Position(0, 0);
  await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
  state.index.update(`${directory}/${name}`, document.getText());
  workspace.notifyChanged(state);
  const message = `${id} declared: ${title.trim()} (${severity}).`;
  vscode.window.setStatusBarMessage(`$(flame) ${message}`, 8000);
  return { ok: true, message, uri: uri.toString() };
}

async function chooseFolder(workspace: IncidentWorkspace, folder: vscode.Uri | string | undefined): Promise<FolderIncidents | undefined> {
  const states = workspace.all();
  if (folder) return states.find((state) => state.folder.uri.toString() === folder.toString());
  if (states.length <= 1) return states[0];
  const editor = vscode.window.activeTextEditor?.document.uri;
  const current = editor ? workspace.locate(editor)?.state : undefined;
  const items = states.map((state) => ({ label: state.folder.name, description: state.folder.uri.fsPath, state }));
  const picked = await pickOne({ title: 'Declare incident', placeholder: 'In which folder?', items, active: items.find((item) => item.state === current) });
  return picked?.state;
}

async function askSeverity(severities: readonly string[]): Promise<string | undefined> {
  const items: ValueItem[] = severities.map((level, i) => ({
    label: level,
    value: level,
    description: i === 0 ? 'worst' : i === severities.length - 1 ? 'least severe' : undefined,
  }));
  // Unsure? Declare higher: the second-worst level is the default, lowering later is cheap.
  const picked = await pickOne<ValueItem>({ title: 'Declare incident (2/3)', placeholder: 'Severity (you can change it later)', items, active: items[Math.min(1, items.length - 1)] });
  return picked?.value;
}

async function askServices(state: FolderIncidents): Promise<string[] | undefined> {
  const catalog = state.index.catalogServices;
  const items: ValueItem[] = [...(catalog?.values() ?? [])].map((service) => ({ label: service.name, value: service.name, description: service.owners.join(', ') || undefined }));
  const editor = vscode.window.activeTextEditor?.document.uri;
  const path = editor ? state.host.relativePath(editor) : undefined;
  const guessed = path ? servicesForPath(catalog, path) : [];
  const picked = await pickMany<ValueItem>({
    title: 'Declare incident (3/3)',
    placeholder: items.length > 0 ? 'Affected services: Space to check, Enter to declare. Type a name to add one the catalog lacks.' : 'Affected services, comma-separated (or none): Enter to declare',
    items,
    selected: items.filter((item) => guessed.includes(item.value)),
    fromText: (text) => ({ label: text, value: text, description: 'not in the catalog' }),
  });
  return picked?.map((item) => item.value);
}

/** The folder new incidents go to: the fixed part of the incidents glob (`incidents/**\/*.md` → `incidents`). */
function incidentDirectory(glob: string): string {
  const base = picomatch.scan(glob).base.replace(/\/+$/, '');
  return base || 'incidents';
}

async function listDirectory(uri: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(uri)).map(([name]) => name);
  } catch {
    return [];
  }
}
