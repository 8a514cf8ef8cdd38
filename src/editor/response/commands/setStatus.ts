/**
 * Set Status: moves an incident along its lifecycle, fills the time the new
 * status implies (monitoring → mitigated, resolved → resolved) when it is
 * missing, records the change in the timeline, and asks first when the move
 * goes backwards.
 */
import * as vscode from 'vscode';
import { isBackwards, isStatus, setStatusEdits, TIME_FOR_STATUS, type Status } from '../../../core/edits/lifecycle';
import { STATUSES } from '../../../core/schema';
import { confirmed } from '../../confirm';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { cancelled, type Outcome } from '../commandIds';
import { editIncident, UNREADABLE } from '../documentEdits';
import { freshIncident, targetIncident, uriFromArgument } from '../incidentTarget';
import { pickOne } from '../quickInput';
import { nowStamp, yourName } from '../settings';
import { refuseIfUntrusted } from '../trust';

const MEANING: Readonly<Record<Status, string>> = {
  investigating: 'impact is happening; looking for the cause',
  identified: 'the cause is known; working on a fix',
  monitoring: 'impact stopped; watching to be sure',
  resolved: 'closed operationally',
  reviewed: 'the post-incident review was held',
};

export interface StatusArguments {
  readonly uri?: vscode.Uri | string;
  readonly status: string;
  readonly note?: string;
  /** Skip the "moving backwards" question (scripts, tests). */
  readonly confirmBackwards?: boolean;
}

function isStatusArguments(value: unknown): value is StatusArguments {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && typeof (value as { status?: unknown }).status === 'string';
}

interface StatusItem extends vscode.QuickPickItem {
  readonly status: Status;
}

export async function setStatus(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  const refused = refuseIfUntrusted('change an incident’s status');
  if (refused) return refused;
  const args = isStatusArguments(argument) ? argument : undefined;
  const target = await targetIncident(workspace, args ? args.uri : argument, { placeHolder: 'Set the status of which incident?' });
  if (!target) return uriFromArgument(args?.uri ?? argument) ? { ok: false, message: 'That file is not an incident.' } : cancelled;
  const ref = { ...target, incident: await freshIncident(target) };
  const current = ref.incident.status;
  let status: Status | undefined;
  if (args) {
    if (!isStatus(args.status)) return { ok: false, message: `"${args.status}" is not a status. Use one of: ${STATUSES.join(', ')}.` };
    status = args.status;
  } else {
    const items: StatusItem[] = STATUSES.map((s) => {
      const time = TIME_FOR_STATUS[s];
      const fills = time && !ref.incident[time] ? ` · sets ${time} to now` : '';
      return { label: s === current ? `$(circle-filled) ${s}` : s, status: s, description: `${s === current ? 'current · ' : ''}${MEANING[s]}${fills}` };
    });
    const next = STATUSES[Math.min(STATUSES.length - 1, isStatus(current) ? STATUSES.indexOf(current) + 1 : 0)];
    const picked = await pickOne<StatusItem>({
      title: `Set status · ${ref.incident.id ?? ref.path}`,
      placeholder: `Now ${current ?? 'not set'}. The change is added to the timeline.`,
      items,
      active: items.find((item) => item.status === next),
    });
    if (!picked) return cancelled;
    status = picked.status;
  }
  if (status === current) return { ok: true, message: `${ref.incident.id ?? ref.path} is already ${status}.`, uri: ref.uri.toString() };
  if (isBackwards(current, status) && !args?.confirmBackwards) {
    const moveBack = await confirmed({
      question: `${ref.incident.id ?? ref.path} is ${current}. Move it back to ${status}?`,
      detail: 'Its lifecycle times stay as they are; edit them if they no longer hold. The change is added to the timeline.',
      button: `Move back to ${status}`,
    });
    if (!moveBack) return cancelled;
  }
  const change = { status, at: nowStamp(ref.incident), who: yourName(), note: args?.note };
  let filled: string | undefined;
  const outcome = await editIncident(
    ref.uri,
    (text) => {
      const result = setStatusEdits(text, change);
      filled = result?.filled;
      return result?.edits ?? UNREADABLE;
    },
    `${ref.incident.id ?? ref.path} is now ${status}.`,
  );
  return outcome.ok && filled ? { ...outcome, message: `${outcome.message} ${filled} set to now.` } : outcome;
}
