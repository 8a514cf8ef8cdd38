/** "Import Postmortem…": turns Markdown postmortems picked in the editor into incident files. */
import * as vscode from 'vscode';
import { importPostmortem, type ImportResult } from '../core/import/index';
import { defaultLevel } from '../core/import/severity';
import { decodeSource } from '../core/import/source-text';
import { readSettings } from './config';
import type { FolderIncidents } from './folderIncidents';
import type { IncidentWorkspace } from './incidentWorkspace';
import { pickOne } from './response/quickInput';

export async function importPostmortems(workspace: IncidentWorkspace, output: vscode.OutputChannel): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('Importing writes new files, which Incident Lens does not do in an untrusted workspace. Trust the folder to import.');
    return;
  }
  await workspace.whenReady();
  const state = await pickFolder(workspace);
  if (!state) return;
  const sources = await vscode.window.showOpenDialog({
    canSelectMany: true,
    filters: { Markdown: ['md', 'markdown', 'txt'] },
    openLabel: 'Import',
    title: 'Postmortems to import',
  });
  if (!sources || sources.length === 0) return;

  const existingIds = state.index.incidents().flatMap(({ incident }) => (incident.id ? [incident.id] : []));
  const levels = state.index.options.lint.severities;
  const defaultSeverity = defaultLevel(readSettings(state.folder.uri).importDefaultSeverity, levels);
  const created: vscode.Uri[] = [];
  output.clear();
  for (const source of sources) {
    const name = source.path.split('/').pop() ?? 'postmortem.md';
    const { text, note: decodingNote } = decodeSource(await vscode.workspace.fs.readFile(source));
    let result = importPostmortem(name, text, { existingIds, defaultSeverity, severityLevels: levels, decodingNote });
    if (result.severityFrom === 'default') {
      const items = levels.map((level) => ({ label: level }));
      const picked = await pickOne({
        title: `Severity of "${name}"`,
        placeholder: `The postmortem does not say. Pick one (Escape keeps ${defaultSeverity}).`,
        items,
        active: items.find((item) => item.label === defaultSeverity),
      });
      if (picked) result = importPostmortem(name, text, { existingIds, defaultSeverity, severity: picked.label, severityLevels: levels, decodingNote });
    }
    const target = await freeUri(state, result.fileName);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { ignoreIfExists: false });
    edit.insert(target, new vscode.Position(0, 0), result.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      output.appendLine(`${name}: could not create ${vscode.workspace.asRelativePath(target)}.`);
      continue;
    }
    await (await vscode.workspace.openTextDocument(target)).save();
    existingIds.push(result.id);
    created.push(target);
    report(output, name, target, result);
  }
  if (created.length === 0) return;
  await vscode.window.showTextDocument(created[0], { preview: false });
  const choice = await vscode.window.showInformationMessage(`Imported ${created.length} ${created.length === 1 ? 'postmortem' : 'postmortems'}.`, 'Show what was mapped');
  if (choice) output.show(true);
}

async function pickFolder(workspace: IncidentWorkspace): Promise<FolderIncidents | undefined> {
  const folders = workspace.all();
  if (folders.length <= 1) {
    if (folders.length === 0) void vscode.window.showInformationMessage('Open a folder first: imported incidents go into its incidents/ folder.');
    return folders[0];
  }
  const picked = await vscode.window.showQuickPick(
    folders.map((state) => ({ label: state.folder.name, state })),
    { title: 'Import into which folder?' },
  );
  return picked?.state;
}

/** `incidents/<name>`, or `<name>-2.md`, `-3`… when taken: an import never overwrites. */
async function freeUri(state: FolderIncidents, fileName: string): Promise<vscode.Uri> {
  const base = fileName.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const uri = state.host.uriOf(`incidents/${n === 1 ? base : `${base}-${n}`}.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}

function report(output: vscode.OutputChannel, source: string, target: vscode.Uri, result: ImportResult): void {
  output.appendLine(`${source} → ${vscode.workspace.asRelativePath(target)} (${result.id})`);
  output.appendLine('  mapped:');
  for (const line of result.mapped) output.appendLine(`    - ${line}`);
  output.appendLine('  kept in the body:');
  for (const line of result.leftInBody) output.appendLine(`    - ${line}`);
  for (const warning of result.warnings) output.appendLine(`  note: ${warning}`);
  output.appendLine('');
}
