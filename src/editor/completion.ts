/** Completion and hover in incident front matter, as the core suggests them, in the editor's types. */
import * as vscode from 'vscode';
import { completeFrontMatter, hoverFrontMatter, type Suggestion, type SuggestionKind } from '../core/language/frontMatterCompletion';
import { toRange } from './convert';
import type { IncidentWorkspace } from './incidentWorkspace';

const KINDS: Record<SuggestionKind, vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.EnumMember,
  service: vscode.CompletionItemKind.Module,
  person: vscode.CompletionItemKind.User,
};

export class FrontMatterCompletion implements vscode.CompletionItemProvider, vscode.HoverProvider {
  constructor(private readonly workspace: IncidentWorkspace) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const located = this.workspace.locate(document.uri);
    if (!located || !located.state.index.matches(located.path)) return undefined;
    const { index } = located.state;
    const suggestions = completeFrontMatter(document.getText(), position, { severities: index.options.lint.severities, services: index.catalogServices?.keys() });
    return suggestions?.map(toCompletionItem);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const located = this.workspace.locate(document.uri);
    if (!located || !located.state.index.matches(located.path)) return undefined;
    const hover = hoverFrontMatter(document.getText(), position);
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
  }
}

function toCompletionItem(suggestion: Suggestion): vscode.CompletionItem {
  const item = new vscode.CompletionItem(suggestion.label, KINDS[suggestion.kind]);
  if (suggestion.sortText !== undefined) item.sortText = suggestion.sortText;
  if (suggestion.documentation !== undefined) item.documentation = new vscode.MarkdownString(suggestion.documentation);
  if (suggestion.insertText !== undefined) {
    item.insertText = suggestion.insertText;
    // A field is followed by its value: suggest the values at once.
    item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
  }
  return item;
}
