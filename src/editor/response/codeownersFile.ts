/** Reads a workspace folder's CODEOWNERS (the first of GitHub's three places that exists). */
import { CODEOWNERS_PATHS, parseCodeowners, type Codeowners } from '../../core/codeowners';
import type { FolderIncidents } from '../folderIncidents';

export async function readCodeowners(state: FolderIncidents): Promise<Codeowners | undefined> {
  for (const path of CODEOWNERS_PATHS) {
    const text = await state.host.readFile(path);
    if (text !== undefined) return parseCodeowners(text, path);
  }
  return undefined;
}
