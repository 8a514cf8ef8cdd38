/** The Follow-ups view's row actions: mark done, set a due date, open the incident at the action. */
import * as vscode from 'vscode';
import { actionIndexById, markActionDoneEdits, setActionDueEdits } from '../../../core/edits/actionItems';
import { localToday } from '../../../core/clock';
import { DAY_MS, formatDate, parseDate } from '../../../core/timestamps';
import { formatDay } from '../../../core/response/durations';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { cancelled, type Outcome } from '../commandIds';
import { editIncident, UNREADABLE } from '../documentEdits';
import { refOf, uriFromArgument } from '../incidentTarget';
import { askText, pickOne } from '../quickInput';
import { refuseIfUntrusted } from '../trust';

/** A Follow-ups row, or `{uri, actionId}` from scripts and tests. */
interface ActionTarget {
  readonly uri: vscode.Uri;
  readonly actionId: string;
  readonly line?: number;
}

function actionTarget(workspace: IncidentWorkspace, argument: unknown): ActionTarget | undefined {
  const uri = uriFromArgument(argument) ?? uriFromArgument((argument as { uri?: unknown } | undefined)?.uri);
  if (!uri || typeof argument !== 'object' || argument === null) return undefined;
  const row = argument as { followUp?: { action?: { id?: unknown; range?: { start: { line: number } } } }; actionId?: unknown };
  const actionId = typeof row.actionId === 'string' ? row.actionId : typeof row.followUp?.action?.id === 'string' ? row.followUp.action.id : undefined;
  if (actionId === undefined) return undefined;
  const line = row.followUp?.action?.range?.start.line ?? refOf(workspace, uri)?.incident.actions.find((action) => action.id === actionId)?.range.start.line;
  return { uri, actionId, line };
}

const NO_ACTION: Outcome = { ok: false, message: 'Pick an action in the Follow-ups view first.' };

function gone(actionId: string): string {
  return `Action ${actionId} is no longer in the file. Was it renamed or removed?`;
}

export async function markActionDone(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  const refused = refuseIfUntrusted('mark an action done');
  if (refused) return refused;
  const target = actionTarget(workspace, argument);
  if (!target) return NO_ACTION;
  return editIncident(
    target.uri,
    (text) => {
      const index = actionIndexById(text, target.actionId);
      if (index === undefined) return gone(target.actionId);
      return markActionDoneEdits(text, index) ?? UNREADABLE;
    },
    `${target.actionId} is done. Thank you!`,
  );
}

export async function setActionDue(workspace: IncidentWorkspace, argument?: unknown, dueArgument?: unknown): Promise<Outcome> {
  const refused = refuseIfUntrusted('change a due date');
  if (refused) return refused;
  const target = actionTarget(workspace, argument);
  if (!target) return NO_ACTION;
  const due = typeof dueArgument === 'string' ? dueArgument : await askDue(target.actionId);
  if (due === undefined) return cancelled;
  if (!isDate(due)) return { ok: false, message: `"${due}" is not a date. Use YYYY-MM-DD.` };
  return editIncident(
    target.uri,
    (text) => {
      const index = actionIndexById(text, target.actionId);
      if (index === undefined) return gone(target.actionId);
      return setActionDueEdits(text, index, due) ?? UNREADABLE;
    },
    `${target.actionId} is now due ${due}.`,
  );
}

function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text) !== undefined;
}

async function askDue(actionId: string): Promise<string | undefined> {
  const today = localToday();
  const choices = [
    { label: 'In 1 week', days: 7 },
    { label: 'In 2 weeks', days: 14 },
    { label: 'In 30 days', days: 30 },
    { label: 'In 60 days', days: 60 },
  ].map((choice) => ({ label: choice.label, description: formatDay(today + choice.days * DAY_MS, today), date: formatDate(today + choice.days * DAY_MS) }));
  const other = { label: 'Another date…', description: 'YYYY-MM-DD', date: '' };
  const picked = await pickOne({ title: `Due date · ${actionId}`, placeholder: 'When will it be done? Small steps finish sooner.', items: [...choices, other] });
  if (!picked) return undefined;
  if (picked !== other) return picked.date;
  return askText({
    title: `Due date · ${actionId}`,
    prompt: 'A date, YYYY-MM-DD',
    value: formatDate(today + 14 * DAY_MS),
    check: (value) => (isDate(value.trim()) ? {} : { error: 'Use YYYY-MM-DD, a real date.' }),
  }).then((value) => value?.trim());
}

export async function openFollowUp(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  const target = actionTarget(workspace, argument);
  const uri = target?.uri ?? uriFromArgument(argument);
  if (!uri) return NO_ACTION;
  const line = target?.line ?? 0;
  await vscode.window.showTextDocument(uri, { preview: true, selection: new vscode.Range(line, 0, line, 0) });
  return { ok: true, message: `Opened ${vscode.workspace.asRelativePath(uri)}.`, uri: uri.toString() };
}
