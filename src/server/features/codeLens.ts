/** The hotspot lens at the top of a source file that incidents link: `2 incidents · last 12 days ago`. */
import type { CodeLens } from 'vscode-languageserver';
import { lensTitle } from '../../core/hotspots/presentation';
import type { Located } from '../workspace';

/** The extension's command; other clients show the lens's title. */
export const SHOW_FILE_INCIDENTS = 'incidentLens.showFileIncidents';

export async function hotspotLenses({ folder, path }: Located, uri: string): Promise<CodeLens[]> {
  if (folder.index.matches(path) || folder.setting('hotspots.codeLens') === false) return [];
  const file = (await folder.hotspots()).files.find((candidate) => candidate.path === path);
  if (!file) return [];
  const start = { line: 0, character: 0 };
  return [{ range: { start, end: start }, command: { title: lensTitle(file), command: SHOW_FILE_INCIDENTS, arguments: [uri] } }];
}
