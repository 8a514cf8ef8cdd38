/** Completion and hover in incident front matter: fields, allowed values, services, people. */
import * as vscode from 'vscode';
import { FIELD_DOCS } from '../core/fieldDocs';
import { splitFrontMatter } from '../core/frontMatter';
import { ACTION_KINDS, ACTION_STATUSES, COMMIT_ROLES, FACTOR_KINDS, knownFieldsAt, REVIEW_STATUSES, STANDARD_ROLES, STATUSES } from '../core/schema';
import { TIMELINE_KINDS } from '../core/timelineKinds';
import { parseYamlWithSpans } from '../core/yamlTree';
import type { IncidentWorkspace } from './incidentWorkspace';

const PEOPLE_KEYS = new Set(['owner', 'who', 'facilitator', ...STANDARD_ROLES]);

interface Place {
  /** The top-level field the cursor is under. */
  readonly section: string | undefined;
  readonly indent: number;
}

export class FrontMatterCompletion implements vscode.CompletionItemProvider, vscode.HoverProvider {
  constructor(private readonly workspace: IncidentWorkspace) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const located = this.workspace.locate(document.uri);
    if (!located || !located.state.index.matches(located.path) || !inFrontMatter(document, position)) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const place = placeOf(document, position.line);
    const services = located.state.index.catalogServices;
    if (/^\s*(?:-\s+)?services:\s*\[[^\]]*$/.test(before)) return this.services(services);
    const listItem = /^\s*-\s+([^:{]*)$/.exec(before);
    if (listItem && place.section === 'services') return this.services(services);
    if (listItem && place.section === 'participants') return this.people(document);
    const value = /([\w-]+):\s*([^,{}[\]:]*)$/.exec(before);
    if (value) {
      // A key inside a flow map on a top-level line (`review: {facilitator: `) belongs to that field.
      const owner = /^([\w-]+):\s*[{[]/.exec(before);
      const section = owner && owner[1] !== value[1] ? owner[1] : place.section;
      return this.values(document, services, value[1], section);
    }
    const keyMatch = /^(\s*)(?:-\s+)?([\w-]*)$/.exec(before);
    if (keyMatch) return this.keys(document, keyMatch[1].length, place);
    return undefined;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const located = this.workspace.locate(document.uri);
    if (!located || !located.state.index.matches(located.path) || !inFrontMatter(document, position)) return undefined;
    const range = document.getWordRangeAtPosition(position, /[\w-]+/);
    if (!range) return undefined;
    const line = document.lineAt(position.line).text;
    const word = document.getText(range);
    const isKey = /^\s*(?:-\s+)?$/.test(line.slice(0, range.start.character)) && line.slice(range.end.character).startsWith(':');
    if (isKey && range.start.character === 0 && FIELD_DOCS[word]) {
      return new vscode.Hover(new vscode.MarkdownString(`**${word}** — ${FIELD_DOCS[word]}`), range);
    }
    return undefined;
  }

  private keys(document: vscode.TextDocument, indent: number, place: Place): vscode.CompletionItem[] {
    const section = indent === 0 ? undefined : place.section;
    const names = knownFieldsAt(section ? [section] : []);
    const present = indent === 0 ? presentTopLevelKeys(document) : new Set<string>();
    return names
      .filter((name) => !present.has(name))
      .map((name) => {
        const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Field);
        item.insertText = `${name}: `;
        item.documentation = section ? undefined : new vscode.MarkdownString(FIELD_DOCS[name] ?? '');
        item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
        return item;
      });
  }

  private values(document: vscode.TextDocument, catalog: ReadonlyMap<string, unknown> | undefined, key: string, section: string | undefined): vscode.CompletionItem[] | undefined {
    const choices = allowedValues(key, section, this.severities(document));
    if (choices) return choices.map((value, i) => enumItem(value, i));
    if (key === 'services') return this.services(catalog);
    if (PEOPLE_KEYS.has(key) || section === 'roles') return this.people(document);
    return undefined;
  }

  private severities(document: vscode.TextDocument): readonly string[] {
    return this.workspace.locate(document.uri)?.state.index.options.lint.severities ?? [];
  }

  private services(catalog: ReadonlyMap<string, unknown> | undefined): vscode.CompletionItem[] {
    return [...(catalog?.keys() ?? [])].map((name) => new vscode.CompletionItem(name, vscode.CompletionItemKind.Module));
  }

  private people(document: vscode.TextDocument): vscode.CompletionItem[] {
    return [...peopleIn(document.getText())].sort().map((name) => new vscode.CompletionItem(name, vscode.CompletionItemKind.User));
  }
}

function enumItem(value: string, order: number): vscode.CompletionItem {
  const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
  item.sortText = String(order).padStart(3, '0');
  return item;
}

function allowedValues(key: string, section: string | undefined, severities: readonly string[]): readonly string[] | undefined {
  if (key === 'severity' && !section) return severities;
  if (key === 'status') {
    if (section === 'actions') return ACTION_STATUSES;
    if (section === 'review') return REVIEW_STATUSES;
    return section ? undefined : STATUSES;
  }
  if (key === 'kind') {
    if (section === 'timeline') return TIMELINE_KINDS;
    if (section === 'factors') return FACTOR_KINDS;
    if (section === 'actions') return ACTION_KINDS;
  }
  if (key === 'role' && section === 'commits') return COMMIT_ROLES;
  if (key === 'near_miss') return ['true', 'false'];
  return undefined;
}

function inFrontMatter(document: vscode.TextDocument, position: vscode.Position): boolean {
  const text = document.getText();
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return split.kind === 'unclosed' && position.line > 0;
  const offset = document.offsetAt(position);
  return offset >= split.yamlStart && offset <= split.yamlEnd;
}

/** The top-level field a line belongs to: none for a top-level key's own line. */
function placeOf(document: vscode.TextDocument, line: number): Place {
  const current = document.lineAt(line).text;
  const indent = /^\s*/.exec(current)![0].length;
  if (indent === 0 && !/^-\s/.test(current)) return { section: undefined, indent };
  for (let i = line - 1; i >= 1; i--) {
    const text = document.lineAt(i).text;
    if (text.startsWith('---')) break;
    const m = /^([\w-]+):/.exec(text);
    if (m) return { section: m[1], indent };
  }
  return { section: undefined, indent };
}

function presentTopLevelKeys(document: vscode.TextDocument): Set<string> {
  const keys = new Set<string>();
  for (let i = 1; i < document.lineCount; i++) {
    const text = document.lineAt(i).text;
    if (text.startsWith('---')) break;
    const m = /^([\w-]+):/.exec(text);
    if (m) keys.add(m[1]);
  }
  return keys;
}

/** People already named in the incident: roles, participants, owners, timeline `who`. */
function peopleIn(text: string): Set<string> {
  const people = new Set<string>();
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return people;
  const parsed = parseYamlWithSpans(text.slice(split.yamlStart, split.yamlEnd));
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return people;
  const fields = parsed.value as Record<string, unknown>;
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.trim()) people.add(value.trim());
  };
  if (fields.roles && typeof fields.roles === 'object') Object.values(fields.roles).forEach(add);
  if (Array.isArray(fields.participants)) fields.participants.forEach(add);
  for (const list of [fields.actions, fields.timeline]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) if (item && typeof item === 'object') add((item as Record<string, unknown>).owner ?? (item as Record<string, unknown>).who);
  }
  const review = fields.review as Record<string, unknown> | undefined;
  add(review?.facilitator);
  return people;
}
