import * as assert from 'node:assert/strict';
import { guessEntryKind } from '../../src/core/entryKindGuess';

describe('entry kinds guessed from words', () => {
  const guesses = new Map<string, string | undefined>([
    // Typed during an incident.
    ['Rolled back checkout to v41', 'mitigation'],
    ['rollback done, errors dropping', 'mitigation'],
    ['Reverted the TTL change', 'mitigation'],
    ['Failed over to eu-central', 'mitigation'],
    ['All clear, back to normal', 'resolution'],
    ['Incident closed', 'resolution'],
    ['PagerDuty paged the on-call', 'detection'],
    ['Customers reported errors at checkout', 'detection'],
    ['Status page updated: checkout degraded', 'communication'],
    ['Notified the customers by email', 'communication'],
    ['Decided to shift traffic to eu-central', 'decision'],
    ['SEV1 declared', 'decision'],
    ['Looks like the second reservation batch gets a 409', 'diagnosis'],
    ['Root cause: TTL fallback lowered', 'diagnosis'],
    ['CPU at 95% on pricing', 'observation'],
    ['Coffee', undefined],
    // Read from imported postmortems.
    ['Alert triggered on Slack.', 'detection'],
    ['Rollback performed.', 'mitigation'],
    ['Incident declared through statuspage.io.', 'communication'],
    ['CoreDNS upgraded and issue permanently fixed', 'resolution'],
    ['Deployed release 4.2 to production', 'trigger'],
    // A denial undoes the words it denies.
    ['Rolled back, no improvement', undefined],
    ['Restarted the pods, did not help', undefined],
  ]);
  for (const [text, kind] of guesses) {
    it(`"${text}" → ${kind ?? 'no guess'}`, () => assert.equal(guessEntryKind(text), kind));
  }
});
