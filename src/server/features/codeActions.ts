/**
 * Every quick fix the editor offers, as code actions with workspace edits:
 * the core's fixes for the problems in the range, and adding an unknown
 * service to the catalog. None in an untrusted folder, which gets no writes.
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { CATALOG_PATH } from '../../core/catalog';
import { localOffsetMinutes, localToday, nowDate } from '../../core/clock';
import type { Diagnostic } from '../../core/diagnostics';
import { addServiceEdit } from '../../core/edits/catalogService';
import { quickFixes } from '../../core/edits/quickFixes';
import type { QuickFixContext } from '../../core/edits/quickFix';
import type { Range } from '../../core/text';
import { toLspDiagnostic, toLspEdit } from '../convert';
import type { Located } from '../workspace';

/** `only` is the kinds the client asked for; quick fixes are all this server offers. */
export async function codeActions(located: Located, range: Range, only?: readonly string[]): Promise<CodeAction[]> {
  const { folder, path } = located;
  if (!folder.trusted || !folder.index.matches(path)) return [];
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const text = await folder.text(path);
  if (text === undefined) return [];
  const context = fixContext(located);
  const actions: CodeAction[] = [];
  for (const d of folder.index.diagnostics(path)) {
    if (!touches(d.range, range)) continue;
    for (const fix of quickFixes(text, d, context)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(d)],
        isPreferred: fix.preferred ?? false,
        edit: { changes: { [folder.document(path)?.uri ?? folder.uris.uriOf(path)]: fix.edits.map(toLspEdit) } },
      });
    }
    const catalogFix = await addToCatalog(located, d);
    if (catalogFix) actions.push(catalogFix);
  }
  return actions;
}

function fixContext({ folder, path }: Located): QuickFixContext {
  const now = nowDate();
  return {
    nowMs: now.getTime(),
    offsetMinutes: localOffsetMinutes(now),
    todayMs: localToday(now),
    nextId: (year) => folder.index.nextId(year),
    fileName: path.split('/').pop() ?? '',
    severities: folder.index.options.lint.severities,
  };
}

async function addToCatalog({ folder }: Located, d: Diagnostic): Promise<CodeAction | undefined> {
  const service = d.data?.service;
  if (d.code !== 'unknown-service' || typeof service !== 'string') return undefined;
  const catalog = await folder.text(CATALOG_PATH);
  if (catalog === undefined) return undefined;
  const uri = folder.document(CATALOG_PATH)?.uri ?? folder.uris.uriOf(CATALOG_PATH);
  return { title: `Add "${service}" to the service catalog`, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d)], edit: { changes: { [uri]: [toLspEdit(addServiceEdit(catalog, service))] } } };
}

/** Whether a problem's range meets the requested one (a cursor inside it or at its ends counts). */
function touches(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
