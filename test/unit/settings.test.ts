/**
 * Settings from `.vscode/settings.json` as the command-line tool reads them,
 * and the one meaning (src/core/settings.ts) the editor gives them too.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EDITOR_ONLY_SETTINGS, folderSettings, type FolderSettings } from '../../src/core/settings';
import { readFolderSettings } from '../../src/node/settings';

const DEFAULTS: FolderSettings = {
  incidentGlob: 'incidents/**/*.md',
  lint: {
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    maxBytes: 2_097_152,
    blamePhrases: ['human error', 'careless', 'should have', 'failed to', 'fault', 'forgot to', 'negligent', 'negligence', "why didn't", 'mistake by'],
  },
  importDefaultSeverity: 'SEV3',
  scoring: { severityWeights: { SEV1: 8, SEV2: 4, SEV3: 2, SEV4: 1 }, halfLifeDays: 180, commitFileExcludes: ['incidents/**'] },
  review: { actionHorizonDays: 60, maxOpenActions: 5 },
};

interface ConfigurationProperty {
  readonly default: unknown;
}

function contributedSettings(): Record<string, ConfigurationProperty> {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, ConfigurationProperty> } };
  };
  return manifest.contributes.configuration.properties;
}

describe('settings: .vscode/settings.json for the command-line tool', () => {
  const temps: string[] = [];
  after(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  /** A folder whose .vscode/settings.json holds `text`; returns the folder and the file's path. */
  function withSettings(text: string): { folder: string; file: string } {
    const folder = mkdtempSync(path.join(tmpdir(), 'incident-lens-settings-'));
    temps.push(folder);
    mkdirSync(path.join(folder, '.vscode'));
    const file = path.join(folder, '.vscode', 'settings.json');
    writeFileSync(file, text);
    return { folder, file };
  }

  /** The settings a file of these lines gives; it must read without problems. */
  function readWithoutProblems(lines: readonly string[]): FolderSettings {
    const { settings, problems } = readFolderSettings(withSettings(lines.join('\n')).folder);
    assert.deepEqual(problems, []);
    return settings;
  }

  it('keeps strings with commas, braces, brackets and slashes as written', () => {
    const settings = readWithoutProblems([
      '{',
      '  "incidentLens.files": "incidents/{2025,}/*.md",',
      '  "incidentLens.blamePhrases": ["a,]", "b,}", "see http://example.com/x", "/* not a comment */"],',
      '}',
    ]);
    assert.equal(settings.incidentGlob, 'incidents/{2025,}/*.md');
    assert.deepEqual(settings.lint.blamePhrases, ['a,]', 'b,}', 'see http://example.com/x', '/* not a comment */']);
  });

  it('allows line and block comments and trailing commas, as the editor does', () => {
    const settings = readWithoutProblems(['// Our layout', '{', '  /* levels */ "incidentLens.severityLevels": ["P1", "P2",],', '  "incidentLens.hotspots.halfLifeDays": 30, // a month', '}']);
    assert.deepEqual(settings.lint.severities, ['P1', 'P2']);
    assert.equal(settings.scoring.halfLifeDays, 30);
  });

  it('reads every incidentLens setting a folder-level run uses', () => {
    const { folder } = withSettings(
      JSON.stringify({
        'incidentLens.files': 'postmortems/**/*.md',
        'incidentLens.severityLevels': ['P1', 'P2', 'P3'],
        'incidentLens.import.defaultSeverity': 'P2',
        'incidentLens.maxFileSize': 4096,
        'incidentLens.blamePhrases': ['dropped the ball'],
        'incidentLens.hotspots.severityWeights': { P1: 10, P2: 5, P3: 1 },
        'incidentLens.hotspots.halfLifeDays': 45,
        'incidentLens.hotspots.commitExcludes': ['docs/**'],
        'incidentLens.review.actionHorizonDays': 30,
        'incidentLens.review.maxOpenActions': 3,
        'editor.tabSize': 2,
      }),
    );
    assert.deepEqual(readFolderSettings(folder), {
      settings: {
        incidentGlob: 'postmortems/**/*.md',
        lint: { severities: ['P1', 'P2', 'P3'], maxBytes: 4096, blamePhrases: ['dropped the ball'] },
        importDefaultSeverity: 'P2',
        // The defaults' keys stay, as the editor merges an object setting into its default.
        scoring: { severityWeights: { SEV1: 8, SEV2: 4, SEV3: 2, SEV4: 1, P1: 10, P2: 5, P3: 1 }, halfLifeDays: 45, commitFileExcludes: ['docs/**'] },
        review: { actionHorizonDays: 30, maxOpenActions: 3 },
      },
      problems: [],
    });
  });

  it('gives the defaults without a settings file, and says nothing', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'incident-lens-settings-'));
    temps.push(folder);
    assert.deepEqual(readFolderSettings(folder), { settings: DEFAULTS, problems: [] });
  });

  it('names the file, the line and the column of bad JSON, and keeps what it could read', () => {
    const { folder, file } = withSettings(['{', '  "incidentLens.files": "postmortems/*.md"', '  "incidentLens.maxFileSize": 4096', '}'].join('\n'));
    const { settings, problems } = readFolderSettings(folder);
    assert.deepEqual(problems, [`${file}:3:3: a comma is missing; settings that could not be read keep their defaults.`]);
    assert.equal(settings.incidentGlob, 'postmortems/*.md');
  });

  it('names an unclosed string and a file that is not an object', () => {
    const unclosed = withSettings('{\n  "incidentLens.files": "incidents/*.md\n}\n');
    assert.deepEqual(readFolderSettings(unclosed.folder).problems, [`${unclosed.file}:2:25: a string is not closed; settings that could not be read keep their defaults.`]);
    const list = withSettings('["incidentLens.files"]');
    assert.deepEqual(readFolderSettings(list.folder), { settings: DEFAULTS, problems: [`${list.file}: is not a JSON object of settings; using the default settings.`] });
  });
});

describe('settings: one meaning for the editor and the command-line tool', () => {
  it('a value of the wrong type falls back to its default', () => {
    const wrong: Record<string, unknown> = {
      files: 42,
      severityLevels: [],
      'import.defaultSeverity': ['SEV1'],
      maxFileSize: '2MB',
      blamePhrases: 'human error',
      'hotspots.severityWeights': { SEV1: 'lots', SEV2: -1, SEV4: 0.5 },
      'hotspots.halfLifeDays': 0,
      'hotspots.commitExcludes': [1, 2],
      'review.actionHorizonDays': -3,
      'review.maxOpenActions': '5',
    };
    assert.deepEqual(
      folderSettings((key) => wrong[key]),
      { ...DEFAULTS, scoring: { ...DEFAULTS.scoring, severityWeights: { SEV1: 8, SEV2: 4, SEV3: 2, SEV4: 0.5 } } },
    );
  });

  it('every setting in package.json is read, or is one only the editor shows', () => {
    const asked = new Set<string>();
    folderSettings((key) => {
      asked.add(key);
      return undefined;
    });
    const contributed = Object.keys(contributedSettings()).map((key) => key.replace(/^incidentLens\./, ''));
    assert.deepEqual([...asked, ...EDITOR_ONLY_SETTINGS].sort(), contributed.sort());
  });

  it("package.json's defaults mean the same as no value (the editor always sees them, the command-line tool never)", () => {
    const properties = contributedSettings();
    assert.deepEqual(
      folderSettings((key) => properties[`incidentLens.${key}`]?.default),
      DEFAULTS,
    );
    assert.deepEqual(folderSettings(() => undefined), DEFAULTS);
  });
});
