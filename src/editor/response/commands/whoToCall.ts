/**
 * Who to Call: for a service, or for the file in the editor (an incident's
 * services, or the catalog services whose code covers the file), the
 * catalog's contacts in order, owners and runbook; CODEOWNERS answers where
 * the catalog names no one. One quick pick: a contact copies how to reach
 * them, the runbook opens.
 */
import * as vscode from 'vscode';
import { CATALOG_PATH } from '../../../core/catalog';
import { callSheet, servicesForPath, type CallSheet, type CodeownersAnswer } from '../../../core/response/whoToCall';
import type { FolderIncidents } from '../../folderIncidents';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { readCodeowners } from '../codeownersFile';
import { cancelled, type Outcome } from '../commandIds';
import { uriFromArgument } from '../incidentTarget';
import { pickOne } from '../quickInput';
import { isOutsideWorkspace } from '../../../core/summarize';

export interface WhoToCallArguments {
  readonly service?: string;
  readonly uri?: vscode.Uri | string;
}

type CallItem = vscode.QuickPickItem & { readonly run?: () => Promise<string> };

export async function whoToCall(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  await workspace.whenReady();
  const args: WhoToCallArguments = typeof argument === 'string' && !/^[a-z][\w+.-]*:/i.test(argument) ? { service: argument } : typeof argument === 'object' && argument !== null && 'service' in argument ? (argument as WhoToCallArguments) : { uri: uriFromArgument(argument) };
  const question = await whatToAsk(workspace, args);
  if (!question) return cancelled;
  const { state, names, path } = question;
  const sheet = callSheet({ services: state.index.catalogServices, names, path, codeowners: await readCodeowners(state) });
  const items = callItems(state, sheet, names, path);
  const details = items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => `${item.label.replace(/^\$\([\w-]+\)\s*/, '')}${item.description ? ` · ${item.description}` : ''}`);
  const subject = names.length > 0 ? names.join(', ') : path ?? 'this file';
  const picked = await pickOne<CallItem>({ title: `Who to call · ${subject}`, placeholder: 'Enter copies how to reach a contact, or opens the runbook', items, matchOnDescription: true });
  if (!picked?.run) return { ok: true, message: `Contacts for ${subject}`, details };
  return { ok: true, message: await picked.run(), details };
}

interface Question {
  readonly state: FolderIncidents;
  readonly names: string[];
  readonly path?: string;
}

async function whatToAsk(workspace: IncidentWorkspace, args: WhoToCallArguments): Promise<Question | undefined> {
  const states = workspace.all();
  if (args.service) {
    const state = states.find((s) => s.index.catalogServices?.has(args.service!)) ?? states[0];
    return state && { state, names: [args.service] };
  }
  const uri = args.uri ? uriFromArgument(args.uri) : vscode.window.activeTextEditor?.document.uri;
  const located = uri ? workspace.locate(uri) : undefined;
  if (located) {
    const incident = located.state.index.get(located.path)?.incident;
    if (incident && incident.services.length > 0) return { state: located.state, names: incident.services.map((s) => s.value) };
    if (!incident) return { state: located.state, names: servicesForPath(located.state.index.catalogServices, located.path), path: located.path };
  }
  // Nothing in the editor says which service: ask.
  const services = states.flatMap((state) => [...(state.index.catalogServices?.values() ?? [])].map((service) => ({ state, service })));
  if (services.length === 0) {
    void vscode.window.showInformationMessage(`No service catalog yet. Add ${CATALOG_PATH} with each service’s contacts and runbook, or open a file so CODEOWNERS can answer.`);
    return undefined;
  }
  const items = services.map(({ state, service }) => ({
    label: service.name,
    description: [service.contacts[0]?.name, service.owners.join(', ')].filter(Boolean).join(' · '),
    state,
    name: service.name,
  }));
  const picked = await pickOne({ title: 'Who to call', placeholder: 'For which service?', items, matchOnDescription: true });
  return picked && { state: picked.state, names: [picked.name] };
}

function callItems(state: FolderIncidents, sheet: CallSheet, names: readonly string[], path: string | undefined): CallItem[] {
  const items: CallItem[] = [];
  for (const call of sheet.services) {
    items.push({ label: `${call.service}${call.owners.length > 0 ? ` · ${call.owners.join(', ')}` : ''}`, kind: vscode.QuickPickItemKind.Separator });
    call.contacts.forEach((contact, i) => {
      items.push({
        label: `$(person) ${contact.name}`,
        description: contact.how,
        detail: i === 0 ? 'call first' : undefined,
        run: async () => {
          await vscode.env.clipboard.writeText(contact.how ? `${contact.name}: ${contact.how}` : contact.name);
          return `Copied how to reach ${contact.name}.`;
        },
      });
    });
    if (call.runbook) items.push(openItem(state, `$(book) Runbook`, call.runbook, 0));
    if (call.codeowners) items.push(codeownersItem(state, call.codeowners));
    if (!call.inCatalog) items.push(openItem(state, `$(info) ${call.service} is not in the catalog`, CATALOG_PATH, 0, 'add it with its contacts and runbook'));
    else if (call.contacts.length === 0 && !call.codeowners) items.push(openItem(state, `$(info) No contacts for ${call.service} yet`, CATALOG_PATH, 0, 'add them to the catalog'));
  }
  if (sheet.fileOwners) {
    items.push({ label: `${path ?? 'this file'} · CODEOWNERS`, kind: vscode.QuickPickItemKind.Separator });
    items.push(codeownersItem(state, sheet.fileOwners));
  }
  if (items.length === 0) {
    items.push(openItem(state, `$(info) Nobody is named for ${names.join(', ') || path || 'this file'}`, CATALOG_PATH, 0, 'add contacts to the catalog or a CODEOWNERS rule'));
  }
  return items;
}

function openItem(state: FolderIncidents, label: string, path: string, line: number, description: string = path): CallItem {
  return {
    label,
    description,
    run: async () => {
      // The catalog comes with the repository: a runbook path must not lead out of the folder.
      if (isOutsideWorkspace(path)) return `${path} is outside this folder, so it is not opened.`;
      const uri = state.host.uriOf(path);
      try {
        await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(line, 0, line, 0) });
        return `Opened ${path}.`;
      } catch {
        return `${path} does not exist yet.`;
      }
    },
  };
}

function codeownersItem(state: FolderIncidents, answer: CodeownersAnswer): CallItem {
  return openItem(state, `$(organization) ${answer.owners.join(' ')}`, answer.file, answer.line, `CODEOWNERS for ${answer.path} (line ${answer.line + 1})`);
}
