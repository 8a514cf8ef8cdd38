/**
 * "Export Review…": asks for the audience and the format, then where to save
 * (a save dialog, or next to the incident), and writes the report. Tests and
 * other commands may pass the answers instead of being asked.
 */
import * as vscode from 'vscode';
import { localToday } from '../../../core/clock';
import { type Audience, type ReportFormat, reviewReport } from '../../../core/review/export/reviewReport';

export interface ExportChoices {
  readonly audience?: Audience;
  readonly format?: ReportFormat;
  /** `beside`: next to the incident file, with the suggested name; or the file to write. */
  readonly destination?: 'beside' | vscode.Uri;
}

/** Writes the report; resolves to the file written, or undefined when the reader cancelled or it failed. */
export async function exportReview(uri: vscode.Uri, choices: ExportChoices = {}): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('Exporting writes a new file, which Incident Lens does not do in Restricted Mode. Trust the folder to export.');
    return undefined;
  }
  const audience = choices.audience ?? (await pickAudience());
  if (!audience) return undefined;
  const format = choices.format ?? (await pickFormat());
  if (!format) return undefined;

  const document = await vscode.workspace.openTextDocument(uri);
  const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const report = reviewReport(document.getText(), { audience, format, todayMs: localToday(), fileName });
  if (!report.ok) {
    void vscode.window.showWarningMessage(`The review cannot be exported yet. ${report.message}`);
    return undefined;
  }
  const beside = vscode.Uri.joinPath(uri, '..', report.suggestedName);
  const destination = choices.destination ?? (await pickDestination(beside, format));
  if (!destination) return undefined;
  const target = destination === 'beside' ? beside : destination;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.content));
  } catch (error) {
    void vscode.window.showErrorMessage(`The report could not be saved to ${target.fsPath || target.path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!choices.destination) void announce(target, format);
  return target;
}

// The export starts from the review panel, which may take the focus back
// between the steps; a step that closed on that would end the export unasked.
async function pickAudience(): Promise<Audience | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Executive summary', detail: 'What happened in two sentences, the impact, durations, top contributing factors, action items and their state.', audience: 'executive' as const },
      { label: 'Team review', detail: 'The full narrative, timeline, perspectives, all factors, and action items by owner with due dates.', audience: 'team' as const },
    ],
    { placeHolder: 'Who is the report for?', title: 'Export Review (1/3)', ignoreFocusOut: true },
  );
  return picked?.audience;
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: '.md', detail: 'For a repository, a wiki or a chat.', format: 'md' as const },
      { label: 'HTML', description: '.html', detail: 'One self-contained file that opens anywhere and prints well.', format: 'html' as const },
    ],
    { placeHolder: 'Which format?', title: 'Export Review (2/3)', ignoreFocusOut: true },
  );
  return picked?.format;
}

async function pickDestination(beside: vscode.Uri, format: ReportFormat): Promise<'beside' | vscode.Uri | undefined> {
  const name = beside.path.slice(beside.path.lastIndexOf('/') + 1);
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Save As…', detail: 'Choose the folder and the name.', choice: 'dialog' as const },
      { label: 'Save next to the incident', detail: name, choice: 'beside' as const },
    ],
    { placeHolder: 'Where should the report go?', title: 'Export Review (3/3)', ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.choice === 'beside') return 'beside';
  return vscode.window.showSaveDialog({
    defaultUri: beside,
    filters: format === 'html' ? { HTML: ['html', 'htm'] } : { Markdown: ['md', 'markdown'] },
    saveLabel: 'Export',
    title: 'Export Review',
  });
}

async function announce(target: vscode.Uri, format: ReportFormat): Promise<void> {
  const choice = await vscode.window.showInformationMessage(`Review exported to ${target.path.slice(target.path.lastIndexOf('/') + 1)}.`, 'Open');
  if (choice !== 'Open') return;
  if (format === 'html') await vscode.env.openExternal(target);
  else await vscode.window.showTextDocument(target, { preview: false });
}
