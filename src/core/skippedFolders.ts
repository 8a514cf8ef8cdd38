/**
 * Folders a walk of a workspace folder never enters: they hold no incidents
 * and no linked code, and skipping them keeps a walk of a big checkout
 * short. The command line and the editor skip the same ones, so both report
 * the same files.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test']);

/** The same folders as an exclude glob for the editor's file search: `{**\/.git/**,**\/node_modules/**,…}`. */
export const SKIPPED_FOLDERS_GLOB = `{${[...SKIPPED_FOLDERS].map((name) => `**/${name}/**`).join(',')}}`;
