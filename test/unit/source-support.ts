/** The product's source files as text, for tests that check how they import each other. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

export const SRC = path.join(__dirname, '..', '..', 'src');

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Drops comments, so a doc comment that mentions an import is not one (strings are kept). */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
