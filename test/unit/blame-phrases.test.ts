/** The default blame phrases: each found as whole words with its own hint, few false alarms, and the setting's default and the docs in step. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { blameHint, DEFAULT_BLAME_PHRASES, findBlameLanguage } from '../../src/core/blame';

const ROOT = path.join(__dirname, '..', '..');

function found(text: string): string[] {
  return findBlameLanguage(text, DEFAULT_BLAME_PHRASES).map((match) => match.phrase);
}

describe('blame phrases', () => {
  it('finds each default phrase in a sentence, in any case, with a hint of its own', () => {
    const sentences: [string, string][] = [
      ['It was human error.', 'human error'],
      ['A careless change.', 'careless'],
      ['Ops should have caught it.', 'should have'],
      ['Sam failed to roll back.', 'failed to'],
      ['Whose fault was it?', 'fault'],
      ['Lee forgot to renew the certificate.', 'forgot to'],
      ['The rollout was negligent.', 'negligent'],
      ['This was NEGLIGENCE.', 'negligence'],
      ["Why didn't anyone page the cache team?", "why didn't"],
      ['A mistake by the on-call engineer.', 'mistake by'],
    ];
    for (const [sentence, phrase] of sentences) {
      assert.deepEqual(found(sentence), [phrase], sentence);
      assert.notEqual(blameHint(phrase), blameHint('a phrase of a team'), `${phrase} has its own hint`);
    }
    assert.deepEqual(DEFAULT_BLAME_PHRASES, sentences.map(([, phrase]) => phrase), 'every default phrase is tried, and there are no others');
  });

  it('matches a curly apostrophe and a line break between words', () => {
    assert.deepEqual(found('Why didn’t the alert fire?'), ["why didn't"]);
    assert.deepEqual(found('The shift\nforgot  to hand over.'), ['forgot to']);
  });

  it('leaves blameless prose alone, including words that contain a phrase', () => {
    const prose = [
      'The default TTL changed in a shared client; a faulty disk slowed the replica.',
      'We forgot tomorrow’s freeze was moved, so the checklist now lists it.',
      'The alert fired, but the page did not reach on-call.',
      'Nobody knew that quotes used the fallback TTL. What made that hard to see?',
      'The runbook has a step for the rollback, and a mistake budget for experiments.',
      'Careful reviews found the issue; the change was not negligible.',
      "Why did the dashboard show no errors? Nothing didn't work as designed.",
    ];
    for (const text of prose) assert.deepEqual(found(text), [], text);
  });

  it('is the default of the incidentLens.blamePhrases setting, and each is documented with its hint', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    const defaults = ['human error', 'careless', 'should have', 'failed to', 'fault', 'forgot to', 'negligent', 'negligence', "why didn't", 'mistake by'];
    assert.deepEqual(manifest.contributes.configuration.properties['incidentLens.blamePhrases']?.default, defaults);
    const format = readFileSync(path.join(ROOT, 'docs', 'format.md'), 'utf8');
    for (const phrase of DEFAULT_BLAME_PHRASES) assert.ok(format.includes(`| ${phrase} | ${blameHint(phrase)} |`), `docs/format.md: ${phrase}`);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`| \`incidentLens.blamePhrases\` | ${DEFAULT_BLAME_PHRASES.join(', ')} |`), 'README settings table');
  });
});
