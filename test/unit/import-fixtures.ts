/** Fixture loading shared by the import tests. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { importPostmortem, type ImportOptions, type ImportResult } from '../../src/core/import/index';
import { decodeSource } from '../../src/core/import/source-text';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'postmortems');

export interface Fixture {
  readonly name: string;
  readonly text: string;
  /** Said when the file is not UTF-8, as the CLI passes it on. */
  readonly decodingNote?: string;
}

export type FixtureFolder = 'dfds' | 'own' | 'stress';

export function fixtures(folder: FixtureFolder): Fixture[] {
  const dir = path.join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => {
      const { text, note } = decodeSource(readFileSync(path.join(dir, name)));
      return { name, text, decodingNote: note };
    });
}

export function fixture(folder: FixtureFolder, prefix: string): Fixture {
  const found = fixtures(folder).find((f) => f.name.startsWith(prefix));
  if (!found) throw new Error(`no fixture ${folder}/${prefix}`);
  return found;
}

/** A fixed clock, so sources without any date import the same way every run. */
export const NOW = new Date('2026-01-15T10:30:00Z');

export function importFixture(f: Fixture, options: Partial<ImportOptions> = {}): ImportResult {
  return importPostmortem(f.name, f.text, { existingIds: [], defaultSeverity: 'SEV3', now: NOW, decodingNote: f.decodingNote, ...options });
}

export interface ImportedEntry {
  readonly at: string;
  readonly kind: string;
  readonly text: string;
  readonly who?: string;
}

/** The imported front matter as data. */
export function frontMatterOf(result: ImportResult): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(result.text);
  if (!match) throw new Error('no front matter');
  return parseYaml(match[1]) as Record<string, unknown>;
}

export function timelineOf(result: ImportResult): ImportedEntry[] {
  return (frontMatterOf(result).timeline as ImportedEntry[] | undefined) ?? [];
}

export function bodyOf(result: ImportResult): string {
  return result.text.replace(/^---\n[\s\S]*?\n---\n/, '');
}
