/** Assign Role: who is commander, communications, operations, scribe (or another role) for an incident. */
import * as vscode from 'vscode';
import { assignRoleEdits } from '../../../core/edits/roles';
import { STANDARD_ROLES } from '../../../core/schema';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { cancelled, type Outcome } from '../commandIds';
import { editIncident, UNREADABLE } from '../documentEdits';
import { freshIncident, targetIncident, uriFromArgument, type IncidentRef } from '../incidentTarget';
import { pickOne } from '../quickInput';
import { yourName } from '../settings';
import { refuseIfUntrusted } from '../trust';

const ROLE_MEANING: Readonly<Record<string, string>> = {
  commander: 'coordinates the response and decides',
  communications: 'keeps people inside and outside informed',
  operations: 'leads the hands-on work',
  scribe: 'keeps the timeline',
};

const ROLE_KEY = /^[A-Za-z][\w -]{0,40}$/;

export interface RoleArguments {
  readonly uri?: vscode.Uri | string;
  readonly role: string;
  readonly person: string;
}

function isRoleArguments(value: unknown): value is RoleArguments {
  return typeof value === 'object' && value !== null && typeof (value as { role?: unknown }).role === 'string' && typeof (value as { person?: unknown }).person === 'string';
}

interface NamedItem extends vscode.QuickPickItem {
  readonly value: string;
}

/** People the incident or its services' contacts name, you first. */
function people(ref: IncidentRef): NamedItem[] {
  const me = yourName();
  const contacts = ref.incident.services.flatMap((service) => (ref.state.index.catalogServices?.get(service.value)?.contacts ?? []).map((contact) => ({ name: contact.name, why: `${service.value} contact` })));
  const named = [
    ...(me ? [{ name: me, why: 'you' }] : []),
    ...Object.entries(ref.incident.roles).map(([role, name]) => ({ name, why: role })),
    ...ref.incident.participants.map((name) => ({ name: name.replace(/\s*\(.*?\)\s*$/, ''), why: /\((.*?)\)\s*$/.exec(name)?.[1] ?? 'participant' })),
    ...contacts,
  ];
  const seen = new Map<string, string[]>();
  for (const { name, why } of named) if (name.trim()) seen.set(name.trim(), [...(seen.get(name.trim()) ?? []), why]);
  return [...seen].map(([name, whys]) => ({ label: name, value: name, description: [...new Set(whys)].join(', ') }));
}

export async function assignRole(workspace: IncidentWorkspace, argument?: unknown): Promise<Outcome> {
  const refused = refuseIfUntrusted('assign a role');
  if (refused) return refused;
  const args = isRoleArguments(argument) ? argument : undefined;
  const target = await targetIncident(workspace, args ? args.uri : argument, { placeHolder: 'Assign a role in which incident?', activeOnly: true });
  if (!target) return uriFromArgument(args?.uri ?? argument) ? { ok: false, message: 'That file is not an incident.' } : cancelled;
  const ref = { ...target, incident: await freshIncident(target) };
  const title = `Assign role · ${ref.incident.id ?? ref.path}`;
  let role = args?.role.trim();
  if (role === undefined) {
    const names = [...new Set([...STANDARD_ROLES, ...Object.keys(ref.incident.roles)])];
    const items: NamedItem[] = names.map((name) => ({
      label: name,
      value: name,
      description: [ref.incident.roles[name] ? `now ${ref.incident.roles[name]}` : 'open', ROLE_MEANING[name]].filter(Boolean).join(' · '),
    }));
    const picked = await pickOne<NamedItem>({
      title,
      placeholder: 'Which role? Type a name for another role.',
      items,
      active: items.find((item) => !ref.incident.roles[item.value]),
      fromText: (text) => ({ label: text, value: text, description: 'another role' }),
    });
    if (!picked) return cancelled;
    role = picked.value.trim();
  }
  if (!ROLE_KEY.test(role)) return { ok: false, message: 'A role name is a word or two, such as “commander” or “support lead”.' };
  let person = args?.person.trim();
  if (person === undefined) {
    const picked = await pickOne<NamedItem>({
      title: `${title} · ${role}`,
      placeholder: `Who is ${role}? Pick or type a name.`,
      items: people(ref),
      fromText: (text) => ({ label: text, value: text, description: 'new name' }),
    });
    if (!picked) return cancelled;
    person = picked.value.trim();
  }
  if (!person) return { ok: false, message: 'Type the person’s name.' };
  const [roleName, who] = [role, person];
  return editIncident(ref.uri, (text) => assignRoleEdits(text, roleName, who) ?? UNREADABLE, `${who} is ${roleName} for ${ref.incident.id ?? ref.path}.`);
}
