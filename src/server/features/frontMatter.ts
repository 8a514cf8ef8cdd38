/** Completion, hover, the outline and folding of incident files, from the core. */
import { CompletionItemKind, type CompletionItem, type DocumentSymbol, type FoldingRange, FoldingRangeKind, type Hover, MarkupKind, SymbolKind } from 'vscode-languageserver';
import { completeFrontMatter, hoverFrontMatter, type Suggestion, type SuggestionKind } from '../../core/language/frontMatterCompletion';
import { incidentFoldingRanges } from '../../core/language/folding';
import { incidentOutline, type OutlineKind, type OutlineSymbol } from '../../core/language/outline';
import type { Position } from '../../core/text';
import type { Located } from '../workspace';

const COMPLETION_KINDS: Record<SuggestionKind, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  value: CompletionItemKind.EnumMember,
  service: CompletionItemKind.Module,
  // The protocol has no kind for people; a plain value is the closest.
  person: CompletionItemKind.Value,
};

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  field: SymbolKind.Field,
  'timeline-entry': SymbolKind.Event,
  action: SymbolKind.Object,
};

/** The text of an incident file the request is about; undefined for other files. */
async function incidentText({ folder, path }: Located): Promise<string | undefined> {
  return folder.index.matches(path) ? folder.text(path) : undefined;
}

export async function completion(located: Located, position: Position): Promise<CompletionItem[]> {
  const text = await incidentText(located);
  if (text === undefined) return [];
  const { index } = located.folder;
  const suggestions = completeFrontMatter(text, position, { severities: index.options.lint.severities, services: index.catalogServices?.keys() });
  return (suggestions ?? []).map(toCompletionItem);
}

export async function hover(located: Located, position: Position): Promise<Hover | null> {
  const text = await incidentText(located);
  const found = text === undefined ? undefined : hoverFrontMatter(text, position);
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: found.range } : null;
}

export async function documentSymbols(located: Located): Promise<DocumentSymbol[]> {
  const text = await incidentText(located);
  return text === undefined ? [] : incidentOutline(text).map(toDocumentSymbol);
}

export async function foldingRanges(located: Located): Promise<FoldingRange[]> {
  const text = await incidentText(located);
  if (text === undefined) return [];
  return incidentFoldingRanges(text).map(({ startLine, endLine, kind }) => (kind === 'front-matter' ? { startLine, endLine, kind: FoldingRangeKind.Region } : { startLine, endLine }));
}

function toCompletionItem(suggestion: Suggestion): CompletionItem {
  return {
    label: suggestion.label,
    kind: COMPLETION_KINDS[suggestion.kind],
    ...(suggestion.insertText !== undefined ? { insertText: suggestion.insertText } : {}),
    ...(suggestion.sortText !== undefined ? { sortText: suggestion.sortText } : {}),
    ...(suggestion.documentation ? { documentation: { kind: MarkupKind.Markdown, value: suggestion.documentation } } : {}),
  };
}

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
    ...(symbol.detail ? { detail: symbol.detail } : {}),
  };
}
