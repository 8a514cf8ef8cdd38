/**
 * Add Timeline Entry: asks for the text (the kind is guessed from the words,
 * or given as `decision: ...`), stamps now with an offset, and adds it in
 * time order to the active incident.
 */
import * as vscode from 'vscode';
import { addTimelineEntryEdits } from '../../../core/edits/timelineEntry';
import { readEntryInput } from '../../../core/response/entryKind';
import { isTimelineKind, TIMELINE_KINDS } from '../../../core/timelineKinds';
import { parseTimestamp } from '../../../core/timestamps';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { cancelled, type Outcome } from '../commandIds';
import { editIncident, UNREADABLE } from '../documentEdits';
import { freshIncident, targetIncident, uriFromArgument } from '../incidentTarget';
import { askText } from '../quickInput';
import { nowStamp, yourName } from '../settings';
import { refuseIfUntrusted } from '../trust';

/** What scripts and tests may pass instead of answering the prompts. */
export interface EntryArguments {
  readonly uri?: vscode.Uri | string;
  readonly text?: string;
  /** Text to start the prompt with (the user can change it before Enter). */
  readonly draft?: string;
  readonly kind?: string;
  readonly who?: string;
  readonly at?: string;
}

function isEntryArguments(value: unknown): value is EntryArguments {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && ('text' in value || 'draft' in value || 'kind' in value || 'at' in value);
}

export async function addTimelineEntry(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  const refused = refuseIfUntrusted('add a timeline entry');
  if (refused) return refused;
  const args = isEntryArguments(argument) ? argument : undefined;
  const ref = await targetIncident(workspace, args ? args.uri : argument, { placeHolder: 'Add a timeline entry to which incident?', activeOnly: true });
  if (!ref) return uriFromArgument(args?.uri ?? argument) ? notAnIncident() : cancelled;
  const typed =
    args?.text ??
    (await askText({
      title: `Add timeline entry · ${ref.incident.id ?? ref.path}`,
      prompt: 'What happened? The kind is guessed from your words; start with “decision:”, “action:”… to choose it.',
      placeholder: 'Rolled back checkout to v41',
      value: args?.draft,
      check: (value) => {
        if (!value.trim()) return { error: 'Type what happened, in a few words.' };
        const read = readEntryInput(value);
        if (!read.text) return { error: 'Add a few words after the kind.' };
        return { hint: `Kind: ${read.kind}${read.guessed ? ' (guessed from your words)' : ''}` };
      },
    }));
  if (typed === undefined) return cancelled;
  const read = readEntryInput(typed);
  const kind = args?.kind ?? read.kind;
  if (!isTimelineKind(kind)) return { ok: false, message: `"${kind}" is not a timeline kind. Use one of: ${TIMELINE_KINDS.join(', ')}.` };
  const at = args?.at ?? nowStamp(await freshIncident(ref));
  if (!parseTimestamp(at)) return { ok: false, message: `"${at}" is not a timestamp with an offset.` };
  const entry = { at, kind, who: args?.who ?? yourName(), text: read.text };
  return editIncident(
    ref.uri,
    (text) => addTimelineEntryEdits(text, entry) ?? UNREADABLE,
    `Added to ${ref.incident.id ?? ref.path}: ${kind}, “${read.text}”.`,
  );
}

function notAnIncident(): Outcome {
  const message = 'That file is not an incident: incidents are Markdown files with front matter under incidents/.';
  void vscode.window.showInformationMessage(message);
  return { ok: false, message };
}
