/**
 * CODEOWNERS, as GitHub reads it: the first file found of
 * `.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS`; one rule per line
 * (`pattern owner...`), gitignore-style patterns, and the last matching rule
 * wins. Answers "who owns this path" where the catalog names no owner.
 */
import picomatch from 'picomatch';

/** Where GitHub looks, in its order: the first that exists is the one used. */
export const CODEOWNERS_PATHS: readonly string[] = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export interface CodeownersRule {
  readonly pattern: string;
  /** `@user`, `@org/team` or an email; empty when the rule leaves the path without owners. */
  readonly owners: readonly string[];
  /** 0-based line in the file. */
  readonly line: number;
  readonly matches: (path: string) => boolean;
}

export interface Codeowners {
  /** The file the rules came from, relative to the folder. */
  readonly file: string;
  readonly rules: readonly CodeownersRule[];
}

/** A line's pattern and owners, with `\#` and `\ ` escapes read and a trailing comment dropped. */
function splitLine(raw: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      current += raw[++i];
      continue;
    }
    // A `#` that starts a word starts a comment (a whole line, or after the owners).
    if (c === '#' && current === '') break;
    if (c === ' ' || c === '\t') {
      if (current) tokens.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** A gitignore-style pattern as a matcher over `/`-separated paths relative to the folder. */
export function codeownersMatcher(pattern: string): (path: string) => boolean {
  const directoryOnly = pattern.endsWith('/');
  let body = pattern.replace(/\/+$/, '');
  // A slash at the start or in the middle anchors the pattern at the root; otherwise it matches at any depth.
  const anchored = body.includes('/');
  body = body.replace(/^\/+/, '');
  if (body === '' || body === '*' || body === '**') return () => true;
  const glob = anchored ? body : `**/${body}`;
  // Brackets are literal in CODEOWNERS.
  const isMatch = picomatch(glob.replace(/[[\]]/g, '\\$&'), { dot: true, nobrace: true, noextglob: true });
  const lastSegment = body.slice(body.lastIndexOf('/') + 1);
  // `docs/*` owns the files directly in docs/ only; `/apps/github` owns everything under that directory.
  const ownsContents = !lastSegment.includes('*');
  return (path: string) => {
    const clean = path.replace(/^\/+/, '');
    if (!directoryOnly && isMatch(clean)) return true;
    if (!ownsContents && !body.endsWith('/**')) return false;
    const parts = clean.split('/');
    for (let depth = parts.length - 1; depth >= 1; depth--) {
      if (isMatch(parts.slice(0, depth).join('/'))) return true;
    }
    return false;
  };
}

export function parseCodeowners(text: string, file = CODEOWNERS_PATHS[0]): Codeowners {
  const rules: CodeownersRule[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, line) => {
    const tokens = splitLine(raw.trim());
    if (tokens.length === 0) return;
    const [pattern, ...owners] = tokens;
    rules.push({ pattern, owners, line, matches: codeownersMatcher(pattern) });
  });
  return { file, rules };
}

/** The rule that decides a path's owners (the last one that matches), if any. */
export function ownersOf(codeowners: Codeowners, path: string): CodeownersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    if (codeowners.rules[i].matches(path)) return codeowners.rules[i];
  }
  return undefined;
}
