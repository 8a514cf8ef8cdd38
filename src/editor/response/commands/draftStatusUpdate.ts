/**
 * Draft Status Update: drafts for responders, executives and customers from
 * the incident file (its unsaved text included), opened as a new Markdown
 * document; each can be copied. The customer draft is checked for internal
 * words, listed under it. Nothing is sent anywhere.
 */
import * as vscode from 'vscode';
import { readIncidentText } from '../../../core/response/incidentText';
import { AUDIENCE_HEADINGS, AUDIENCES, draftSection, draftStatusUpdates, type Audience, type Drafts } from '../../../core/response/statusUpdate';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { readCodeowners } from '../codeownersFile';
import { cancelled, type Outcome } from '../commandIds';
import { targetIncident, uriFromArgument, type IncidentRef } from '../incidentTarget';
import { pickOne } from '../quickInput';
import { nowMs } from '../../../core/clock';

const COPY_LABELS: Readonly<Record<Audience, string>> = { responders: 'Copy for responders', executives: 'Copy for executives', customers: 'Copy for customers' };

/** Drafts documents this session opened, so Copy reads the user's edited text. */
const draftDocuments = new WeakSet<vscode.TextDocument>();

export async function draftStatusUpdate(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  await workspace.whenReady();
  const ref = await targetIncident(workspace, argument, { placeHolder: 'Draft a status update for which incident?', activeOnly: true });
  if (!ref) return uriFromArgument(argument) ? { ok: false, message: 'That file is not an incident.' } : cancelled;
  const drafts = await draftsFor(ref);
  if (!drafts) {
    const message = 'The incident’s front matter cannot be read right now. Fix its YAML, then try again.';
    void vscode.window.showWarningMessage(message);
    return { ok: false, message };
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: drafts.markdown });
  draftDocuments.add(document);
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  const warning = drafts.customerCheck.length > 0 ? ` Check ${drafts.customerCheck.length} word${drafts.customerCheck.length === 1 ? '' : 's'} in the customer draft before sending.` : '';
  void vscode.window.showInformationMessage(`Status update drafts for ${ref.incident.id ?? ref.path} are open.${warning}`, ...AUDIENCES.map((a) => COPY_LABELS[a])).then((choice) => {
    const audience = AUDIENCES.find((a) => COPY_LABELS[a] === choice);
    if (audience) void copyStatusUpdate(workspace, audience, document);
  });
  return { ok: true, message: `Drafts for ${ref.incident.id ?? ref.path}`, uri: ref.uri.toString(), details: drafts.customerCheck.map((found) => `${found.kind}: ${found.word}`) };
}

async function draftsFor(ref: IncidentRef): Promise<Drafts | undefined> {
  const document = await vscode.workspace.openTextDocument(ref.uri);
  const source = readIncidentText(document.getText());
  if (!source) return undefined;
  const catalog = ref.state.index.catalogServices;
  const codeowners = await readCodeowners(ref.state);
  const teams = [...new Set([...[...(catalog?.values() ?? [])].flatMap((service) => service.owners), ...(codeowners?.rules.flatMap((rule) => rule.owners) ?? [])])];
  return draftStatusUpdates(source, {
    nowMs: nowMs(),
    path: ref.path,
    check: {
      services: [...new Set([...source.incident.services.map((s) => s.value), ...(catalog?.keys() ?? [])])],
      teams,
      people: [...(catalog?.values() ?? [])].flatMap((service) => service.contacts.map((contact) => contact.name)),
      blamePhrases: ref.state.index.options.lint.blamePhrases,
    },
  });
}

/**
 * Copies one audience's draft: from the drafts document (as edited) when it
 * is given or active, else freshly drafted from the active incident.
 */
export async function copyStatusUpdate(workspace: IncidentWorkspace, audienceArgument?: unknown, from?: vscode.TextDocument): Promise<Outcome> {
  let audience = AUDIENCES.find((a) => a === audienceArgument);
  if (!audience) {
    const picked = await pickOne({ title: 'Copy status update', placeholder: 'Copy the draft for whom?', items: AUDIENCES.map((a) => ({ label: AUDIENCE_HEADINGS[a], audience: a })) });
    if (!picked) return cancelled;
    audience = picked.audience;
  }
  const active = vscode.window.activeTextEditor?.document;
  const document = from ?? (active && draftDocuments.has(active) ? active : undefined);
  let text = document ? draftSection(document.getText(), audience) : undefined;
  if (text === undefined) {
    const ref = await targetIncident(workspace, undefined, { placeHolder: 'Copy a status update for which incident?', activeOnly: true });
    const drafts = ref && (await draftsFor(ref));
    if (!drafts) return cancelled;
    text = drafts.bodies[audience];
  }
  await vscode.env.clipboard.writeText(text);
  const message = `Copied the draft ${AUDIENCE_HEADINGS[audience].toLowerCase()}.`;
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 5000);
  return { ok: true, message, details: [text] };
}
