/** Status update drafts for three audiences, and the customer draft's check for internal words. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIncidentText, sectionItems } from '../../src/core/response/incidentText';
import { findInternalWords, nameForms } from '../../src/core/response/internalWords';
import { draftSection, draftStatusUpdates, nextUpdateAt } from '../../src/core/response/statusUpdate';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'workspace', 'incidents');
const NOW = Date.parse('2026-11-25T09:42:00Z');
const CHECK = { services: ['checkout', 'cache', 'payments', 'search'], teams: ['team-checkout', 'team-platform'] };

function drafts(file: string, now = NOW) {
  const source = readIncidentText(readFileSync(join(EXAMPLE, file), 'utf8'));
  assert.ok(source);
  return draftStatusUpdates(source, { nowMs: now, path: `incidents/${file}`, check: CHECK });
}

describe('response: status update drafts', () => {
  const active = drafts('2026-11-25-checkout-errors-eu-west.md');

  it('responders: conditions, recent actions and what is needed', () => {
    const text = active.bodies.responders;
    assert.match(text, /^\*\*INC-2026-018 · SEV1 · investigating\*\*: Checkout errors in eu-west/);
    assert.match(text, /Started Nov 25 08:12 UTC, 1 h 30 min ago/);
    assert.match(text, /\*\*Conditions\*\*\n\n- About 9% of checkout submissions/);
    assert.match(text, /08:47 UTC diagnosis: Failing submits get 409/);
    assert.match(text, /\*\*Actions\*\*[\s\S]*09:20 UTC action: Traffic shift to eu-central started \(Elif Demir\)/);
    assert.match(text, /\*\*Needs\*\*\n\n- Answer: /);
    assert.match(text, /Next update: 10:15 UTC\./);
  });

  it('executives: status, impact, next steps and the next update time', () => {
    const text = active.bodies.executives;
    assert.match(text, /\*\*Status:\*\* Investigating: we are working to find the cause\./);
    assert.match(text, /\*\*Impact:\*\* About 9% of checkout submissions/);
    assert.match(text, /\*\*Next steps:\*\* Shift eu-west checkout traffic to eu-central/);
    assert.match(text, /\*\*Next update:\*\* by 10:15 UTC/);
  });

  it('customers: plain words, what we do, when we update; no people, no hosts, no ids', () => {
    const text = active.bodies.customers;
    assert.match(text, /We are aware of a problem\.\*\* Some customers are affected by checkout errors in eu-west\./);
    assert.match(text, /We will post another update by 10:15 UTC\./);
    assert.doesNotMatch(text, /Priya|Elif|INC-2026|SEV1|409/);
    // The title's words are flagged for a second look.
    assert.deepEqual(active.customerCheck.map((found) => [found.word, found.kind]), [
      ['checkout', 'service'],
      ['eu-west', 'jargon'],
    ]);
  });

  it('puts the three drafts in one document, each copyable on its own, the check kept out of the copy', () => {
    assert.match(active.markdown, /^# Status update drafts · INC-2026-018\n/);
    assert.match(active.markdown, /## For responders \(internal\)[\s\S]*## For executives[\s\S]*## For customers/);
    assert.match(active.markdown, /> \*\*Before you send this to customers\*\*, check these words:\n> - "checkout" is an internal service name/);
    assert.equal(draftSection(active.markdown, 'customers'), active.bodies.customers);
    assert.equal(draftSection(active.markdown, 'executives'), active.bodies.executives);
    const edited = active.markdown.replace('We will post another update', 'Next update');
    assert.match(draftSection(edited, 'customers') ?? '', /^\*\*We are aware[\s\S]*Next update by 10:15 UTC\.$/);
    assert.equal(draftSection('# nothing', 'customers'), undefined);
  });

  it('says a resolved incident is fixed, with no further updates', () => {
    const closed = drafts('2026-11-06-checkout-unavailable-eu-west-deploy.md');
    assert.match(closed.bodies.customers, /^\*\*Resolved\.\*\* Some customers were affected by checkout unavailable in eu-west/);
    assert.match(closed.bodies.customers, /No further updates are planned\./);
    assert.match(closed.bodies.executives, /\*\*Next update:\*\* none planned/);
    assert.equal(closed.nextUpdateMs, undefined);
  });

  it('spaces updates by severity, on five-minute marks', () => {
    assert.equal(new Date(nextUpdateAt('SEV1', NOW)).toISOString(), '2026-11-25T10:15:00.000Z');
    assert.equal(new Date(nextUpdateAt('SEV2', NOW)).toISOString(), '2026-11-25T10:45:00.000Z');
    assert.equal(new Date(nextUpdateAt('SEV4', NOW)).toISOString(), '2026-11-25T13:45:00.000Z');
    assert.equal(new Date(nextUpdateAt('P0', NOW)).toISOString(), '2026-11-25T11:45:00.000Z');
  });

  it('reads open questions from the body', () => {
    assert.deepEqual(sectionItems('## Summary\n\nx\n\n## Open questions\n\n- Why?\n* How?\n1. When?\n<!-- hint -->\n\n## Learnings\n- no', /^open questions$/i), ['Why?', 'How?', 'When?']);
    assert.deepEqual(sectionItems('## Summary\n', /^open questions$/i), []);
  });
});

describe('response: internal words in a customer draft', () => {
  const context = { people: ['Priya Shah', 'Dana Kim (support)', 'deploy-bot'], services: ['checkout', 'basket-pricer'], teams: ['team-payments'] };
  const words = (text: string) => findInternalWords(text, context).map((found) => `${found.kind}:${found.word}`);

  it('finds host names, people, services, teams, ids, jargon and blame', () => {
    assert.deepEqual(words('Priya restarted db-3.eu.internal and 10.0.4.12 for the basket-pricer.'), ['person:Priya', 'hostname:db-3.eu.internal', 'hostname:10.0.4.12', 'service:basket-pricer']);
    assert.deepEqual(words('Dana Kim told @larder/checkout and team-payments about INC-2026-018.'), ['person:Dana Kim', 'team:@larder/checkout', 'team:team-payments', 'id:INC-2026-018']);
    assert.deepEqual(words('The p99 latency rose after a rollback in eu-west-1.'), ['jargon:p99', 'jargon:latency', 'jargon:rollback', 'jargon:eu-west-1']);
    assert.deepEqual(words('This was human error by our vendor, a careless mistake.'), ['blame:human error', 'blame:vendor', 'blame:careless', 'blame:mistake']);
    assert.deepEqual(words('Grafana at grafana.larder.example shows it.'), ['hostname:grafana.larder.example']);
  });

  it('lets plain customer words through', () => {
    assert.deepEqual(words('Some customers could not pay for their orders. We are sorry, and it is fixed now. We will update you by 10:15 UTC.'), []);
    assert.deepEqual(words('We saw 50% more orders than usual.'), []);
  });

  it('knows first names only when written as names', () => {
    assert.deepEqual(nameForms(['Priya Shah', 'Dana Kim (support)', 'alerting', 'Al Li']), { full: ['Priya Shah', 'Dana Kim', 'alerting', 'Al Li'], first: ['Priya', 'Dana'] });
    assert.deepEqual(words('priya is not matched as a first name in lower case'), []);
  });
});
