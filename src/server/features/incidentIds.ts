/**
 * Incident ids as symbols: go to the incident from its id in any file,
 * find where an id is written, find incidents by id or title, and rename an
 * id everywhere it is written.
 */
import {
  type AnnotatedTextEdit,
  type ChangeAnnotation,
  ErrorCodes,
  type Location,
  type Range as LspRange,
  ResponseError,
  SymbolKind,
  type SymbolInformation,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { idAt, idOccurrences, renameProblem } from '../../core/language/incidentIds';
import { LineIndex, type Position } from '../../core/text';
import type { IncidentFile } from '../../core/workspace';
import type { ServerFolder } from '../folder';
import type { Located, ServerWorkspace } from '../workspace';

interface Declaration {
  readonly folder: ServerFolder;
  readonly path: string;
  readonly title: string;
  readonly range: LspRange;
}

interface Mention {
  readonly folder: ServerFolder;
  readonly path: string;
  readonly range: LspRange;
}

export interface RenameSupport {
  /** The client takes `documentChanges` with change annotations, and can ask before applying. */
  readonly annotations: boolean;
}

export class IncidentIds {
  constructor(private readonly workspace: ServerWorkspace) {}

  async definition(located: Located, position: Position): Promise<Location[]> {
    const id = await this.idUnder(located, position);
    return id ? this.declarations(id.id).map((declaration) => this.location(declaration)) : [];
  }

  async references(located: Located, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    const id = await this.idUnder(located, position);
    if (!id) return [];
    const declared = new Set(this.declarations(id.id).map(({ folder, path, range }) => key(folder, path, range)));
    const mentions = await this.mentions(id.id);
    return mentions.filter((mention) => includeDeclaration || !declared.has(key(mention.folder, mention.path, mention.range))).map((mention) => this.location(mention));
  }

  /** Incidents whose id or title holds the query (any case); all of them for an empty query. */
  symbols(query: string): SymbolInformation[] {
    const wanted = query.trim().toLowerCase();
    const found: SymbolInformation[] = [];
    for (const declaration of this.allDeclarations()) {
      const name = `${declaration.id} ${declaration.title}`.trim();
      if (wanted && !name.toLowerCase().includes(wanted)) continue;
      found.push({ name, kind: SymbolKind.Event, location: this.location(declaration) });
    }
    return found;
  }

  async prepareRename(located: Located, position: Position): Promise<{ range: LspRange; placeholder: string }> {
    refuseUntrusted(located.folder);
    const id = await this.idUnder(located, position);
    if (!id) throw new ResponseError(ErrorCodes.InvalidRequest, 'There is no incident id here to rename.');
    return { range: id.range, placeholder: id.id };
  }

  async rename(located: Located, position: Position, newName: string, support: RenameSupport): Promise<WorkspaceEdit> {
    refuseUntrusted(located.folder);
    const id = await this.idUnder(located, position);
    if (!id) throw new ResponseError(ErrorCodes.InvalidRequest, 'There is no incident id here to rename.');
    const newId = newName.trim();
    const problem = renameProblem(newId, (candidate) => candidate !== id.id && this.declarations(candidate).length > 0);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    const mentions = await this.mentions(id.id);
    for (const mention of mentions) refuseUntrusted(mention.folder);
    const byFile = new Map<string, Mention[]>();
    for (const mention of mentions) {
      const uri = this.uriOf(mention);
      byFile.set(uri, [...(byFile.get(uri) ?? []), mention]);
    }
    if (!support.annotations) {
      return { changes: Object.fromEntries([...byFile].map(([uri, found]) => [uri, found.map(({ range }) => ({ range, newText: newId }))])) };
    }
    // One annotation per file, each needing confirmation: the client lists the files before anything changes.
    const changeAnnotations: Record<string, ChangeAnnotation> = {};
    const documentChanges: TextDocumentEdit[] = [...byFile].map(([uri, found]) => {
      const { folder, path } = found[0];
      const annotationId = `rename ${path}`;
      changeAnnotations[annotationId] = { label: path, description: `${id.id} → ${newId}, ${found.length === 1 ? 'once' : `${found.length} times`}`, needsConfirmation: true };
      const edits: AnnotatedTextEdit[] = found.map(({ range }) => ({ range, newText: newId, annotationId }));
      return { textDocument: { uri, version: folder.document(path)?.version ?? null }, edits };
    });
    return { documentChanges, changeAnnotations };
  }

  private async idUnder({ folder, path }: Located, position: Position): Promise<{ id: string; range: LspRange } | undefined> {
    const text = await folder.text(path);
    if (text === undefined) return undefined;
    const lines = new LineIndex(text);
    const found = idAt(text, lines.offsetAt(position), (id) => this.declarations(id).length > 0);
    return found && { id: found.id, range: lines.rangeOf(found.span) };
  }

  /** From each index's map of ids: going through every incident costs 50 to 300 ms in a workspace of 10,000. */
  private declarations(id: string): Declaration[] {
    return this.workspace.all().flatMap((folder) =>
      [...folder.index.pathsWithId(id)]
        .sort((a, b) => a.localeCompare(b))
        .flatMap((path) => {
          const found = folder.index.isIncident(path) ? folder.index.get(path) : undefined;
          return found ? declarationsOf(folder, [found]) : [];
        }),
    );
  }

  private allDeclarations(): (Declaration & { id: string })[] {
    return this.workspace.all().flatMap((folder) => declarationsOf(folder, folder.index.incidents()));
  }

  /** Every place the id is written, in every folder's text files and open documents. */
  private async mentions(id: string): Promise<Mention[]> {
    const found: Mention[] = [];
    for (const folder of this.workspace.all()) {
      const paths = new Set([...(await folder.access.listTextFiles()), ...folder.openDocuments().keys()]);
      for (const path of [...paths].sort()) {
        const text = await readableText(folder, path);
        if (text === undefined || !text.includes(id)) continue;
        const lines = new LineIndex(text);
        for (const occurrence of idOccurrences(text, (candidate) => candidate === id)) found.push({ folder, path, range: lines.rangeOf(occurrence.span) });
      }
    }
    return found;
  }

  private location(place: { folder: ServerFolder; path: string; range: LspRange }): Location {
    return { uri: this.uriOf(place), range: place.range };
  }

  private uriOf({ folder, path }: { folder: ServerFolder; path: string }): string {
    return folder.document(path)?.uri ?? folder.uris.uriOf(path);
  }
}

/** Text files only, and none over the size limit: a binary or a huge log is not searched. */
async function readableText(folder: ServerFolder, path: string): Promise<string | undefined> {
  if (!folder.document(path)) {
    const stat = await folder.host.stat(path);
    if (!stat || stat.size > folder.settings.lint.maxBytes) return undefined;
  }
  const text = await folder.text(path);
  return text === undefined || text.slice(0, 8192).includes('\0') ? undefined : text;
}

function refuseUntrusted(folder: ServerFolder): void {
  if (!folder.trusted) throw new ResponseError(ErrorCodes.InvalidRequest, 'This folder is not trusted, so Incident Lens changes nothing in it.');
}

function key(folder: ServerFolder, path: string, range: LspRange): string {
  return `${folder.uris.folderUri}\n${path}\n${range.start.line}:${range.start.character}`;
}

function declarationsOf(folder: ServerFolder, incidents: readonly IncidentFile[]): (Declaration & { id: string })[] {
  return incidents.flatMap(({ path, incident }) => (incident.id && incident.idRange ? [{ folder, path, id: incident.id, title: incident.title ?? '', range: incident.idRange }] : []));
}
