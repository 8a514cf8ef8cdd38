/**
 * Writes a deterministic corpus of realistic incident files for the
 * benchmarks: `bench/.corpus/<name>/` is a workspace folder with
 * `incidents/**` (10,000 incidents by default, about 130 MB), a service
 * catalog, and a small code tree the code links point into. One more file,
 * `incidents/big/2026-11-02-timeline-2000.md`, has a 2,000-entry timeline for
 * the re-lint measurement.
 *
 * The same seed and count always give the same bytes. A marker file records
 * them; a corpus with a matching marker is reused as it is.
 *
 *   npx tsx bench/generate-corpus.ts [--seed N] [--count N] [--force]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEFAULT_SEED = 20261125;
export const DEFAULT_COUNT = 10_000;
/** Bump when the generator's output changes, so old corpora are rebuilt. */
const GENERATOR_VERSION = 3;
const MARKER = '.corpus-complete.json';
export const BIG_FILE = 'incidents/big/2026-11-02-timeline-2000.md';
const BIG_TIMELINE = 2000;

export interface Corpus {
  /** The workspace folder (absolute). */
  readonly folder: string;
  /** Incident files, relative to the folder, `/`-separated, sorted. */
  readonly files: readonly string[];
  /** The file with the 2,000-entry timeline, relative to the folder. */
  readonly bigFile: string;
  readonly totalBytes: number;
  readonly seed: number;
  readonly count: number;
  /** False when an existing corpus was reused. */
  readonly generated: boolean;
}

interface Marker {
  generator: number;
  seed: number;
  count: number;
  files: string[];
  totalBytes: number;
}

export function corpusFolder(seed: number, count: number): string {
  return path.join(__dirname, '.corpus', `seed-${seed}-n${count}`);
}

/** Returns the corpus for a seed and count, writing it unless a complete one exists. */
export function ensureCorpus(options: { seed?: number; count?: number; force?: boolean; log?: (line: string) => void } = {}): Corpus {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.count ?? DEFAULT_COUNT;
  const log = options.log ?? (() => undefined);
  const folder = corpusFolder(seed, count);
  const markerPath = path.join(folder, MARKER);
  if (!options.force) {
    try {
      const marker = JSON.parse(fs.readFileSync(markerPath, 'utf8')) as Marker;
      if (marker.generator === GENERATOR_VERSION && marker.seed === seed && marker.count === count) {
        log(`corpus: reusing ${path.relative(process.cwd(), folder)} (seed ${seed}, ${count} incidents, ${mb(marker.totalBytes)})`);
        return { folder, files: marker.files, bigFile: BIG_FILE, totalBytes: marker.totalBytes, seed, count, generated: false };
      }
    } catch {
      // No marker or an unreadable one: generate.
    }
  }
  const started = Date.now();
  fs.rmSync(folder, { recursive: true, force: true });
  const written = writeCorpus(folder, seed, count);
  const marker: Marker = { generator: GENERATOR_VERSION, seed, count, files: written.files, totalBytes: written.totalBytes };
  fs.writeFileSync(markerPath, JSON.stringify(marker));
  log(`corpus: wrote ${written.files.length} incident files (${mb(written.totalBytes)}) to ${path.relative(process.cwd(), folder)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { folder, files: written.files, bigFile: BIG_FILE, totalBytes: written.totalBytes, seed, count, generated: true };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------
// Deterministic randomness

/** sfc32: small, fast, and good enough for test data. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Distinct items, in random order. */
  some<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

// ---------------------------------------------------------------------------
// Vocabulary

const SERVICES = [
  'checkout', 'cache', 'payments', 'search', 'notifications', 'auth', 'gateway', 'inventory', 'orders', 'pricing',
  'recommendations', 'profile', 'shipping', 'billing', 'ledger', 'fraud', 'catalog-api', 'media', 'cdn', 'dns',
  'queue', 'scheduler', 'reporting', 'analytics', 'email', 'sms', 'webhooks', 'identity', 'sessions', 'feature-flags',
];
/** Services the catalog does not name (they trigger `unknown-service`). */
const UNCATALOGED = ['legacy-billing', 'partner-sync', 'warehouse-bridge'];

const FIRST = ['Priya', 'Lee', 'Sam', 'Dana', 'Alex', 'Jordan', 'Morgan', 'Riley', 'Chen', 'Fatima', 'Noah', 'Amara', 'Kenji', 'Lucia', 'Omar', 'Ines', 'Tomas', 'Yara', 'Mateo', 'Hana', 'Kofi', 'Sofia', 'Ravi', 'Elena', 'Jonas', 'Aisha', 'Marco', 'Mei', 'Diego', 'Zoe'];
const LAST = ['Shah', 'Wong', 'Ortiz', 'Kim', 'Novak', 'Okafor', 'Silva', 'Berg', 'Tanaka', 'Haddad', 'Müller', 'Rossi', 'Nguyen', 'Costa', 'Larsen', 'Dubois', 'Patel', 'García', 'Kowalski', 'Mensah', 'Ivanova', 'Cohen', 'Singh', 'Moreau', 'Lindqvist'];
const TEAMS = ['support', 'product', 'marketing', 'sre', 'platform', 'payments-team', 'security', 'data', 'legal', 'customer-success'];
const SYSTEMS = ['deploy-bot', 'alerting', 'pagerduty', 'statuspage', 'ci', 'autoscaler', 'canary-analyzer', 'synthetics', 'grafana', 'chatops'];
const TAGS = ['latency', 'config', 'capacity', 'database', 'dependency', 'deploy', 'dns', 'certificate', 'memory-leak', 'rate-limit', 'third-party', 'data-loss', 'security', 'cost', 'regression', 'timeout', 'retry-storm', 'cache', 'queue-backlog', 'observability'];
const COMPONENTS = ['connection pool', 'TTL default', 'retry policy', 'rate limiter', 'load balancer', 'read replica', 'feature flag', 'circuit breaker', 'worker pool', 'message queue', 'TLS certificate', 'DNS record', 'schema migration', 'index rebuild', 'autoscaling policy', 'health check', 'cron job', 'CDN rule', 'JVM heap', 'disk quota'];
const METRICS = ['p99 latency', 'error rate', '5xx ratio', 'queue depth', 'CPU saturation', 'memory usage', 'checkout conversion', 'login success rate', 'replication lag', 'GC pause time'];
const VERBS_DONE = ['rolled back', 'restarted', 'scaled out', 'failed over', 'disabled', 'pinned', 'patched', 'drained', 'throttled', 're-enabled'];
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1'];
const OFFSETS = [0, 0, 0, 0, 0, 60, 120, -300, -240, -420, 330, 540, 600];
const TIMELINE_KINDS = ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution'];
const FACTOR_KINDS = ['change', 'capacity', 'dependency', 'config', 'monitoring', 'process', 'knowledge', 'communication', 'other'];
const ACTION_KINDS = ['mitigate', 'prevent', 'detect', 'process', 'learn'];
const CODE_FILES = ['client', 'server', 'config', 'handlers', 'retry', 'metrics'];
const UNKNOWN_FIELDS = ['sevrity', 'servces', 'jira', 'owner_team', 'pagerduty_id', 'titel', 'detcted', 'slack_channel'];

const DAY = 86_400_000;
const CORPUS_START = Date.UTC(2022, 0, 3);
const CORPUS_END = Date.UTC(2026, 10, 20);

// ---------------------------------------------------------------------------
// Code tree the links point into

interface CodeFile {
  readonly path: string;
  readonly lines: readonly string[];
  /** 1-based lines holding distinctive text a link can anchor on. */
  readonly anchors: readonly number[];
}

function codeTree(rng: Random): CodeFile[] {
  const files: CodeFile[] = [];
  for (const service of SERVICES) {
    for (const name of CODE_FILES) {
      const lines: string[] = [`// ${service}/${name}.ts`, `import { logger } from '../shared/logger';`, ''];
      const anchors: number[] = [];
      const blocks = rng.int(6, 14);
      for (let b = 0; b < blocks; b++) {
        const constName = `${name.toUpperCase()}_${rng.pick(['TTL', 'TIMEOUT_MS', 'MAX_RETRIES', 'POOL_SIZE', 'BATCH', 'LIMIT', 'WINDOW_MS'])}_${b}`;
        lines.push(`export const ${constName} = ${rng.int(1, 5000)};`);
        anchors.push(lines.length);
        lines.push('');
        lines.push(`export function ${name}Step${b}(input: string): string {`);
        for (let i = rng.int(3, 12); i > 0; i--) lines.push(`  // ${rng.pick(COMPONENTS)} handling for ${service}, step ${i}`);
        lines.push(`  logger.info('${service}.${name}.${b}', input);`);
        lines.push('  return input;');
        lines.push('}');
        lines.push('');
      }
      files.push({ path: `src/${service}/${name}.ts`, lines, anchors });
    }
  }
  return files;
}

// ---------------------------------------------------------------------------
// Text

function person(rng: Random): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

function sentence(rng: Random, service: string): string {
  const c = rng.pick(COMPONENTS);
  const m = rng.pick(METRICS);
  const p = person(rng);
  const n = rng.int(2, 95);
  switch (rng.int(0, 13)) {
    case 0:
      return `The ${c} in ${service} was changed in a routine deploy, and ${m} rose within ${n} minutes.`;
    case 1:
      return `${p} noticed that ${m} for ${service} had crossed the paging threshold in ${rng.pick(REGIONS)}.`;
    case 2:
      return `Dashboards showed ${m} at ${n}% above baseline while the ${c} kept retrying.`;
    case 3:
      return `We ${rng.pick(VERBS_DONE)} the ${c}, which took about ${n} minutes to take effect across all regions.`;
    case 4:
      return `Support received ${n * 7} tickets from customers who could not complete their orders.`;
    case 5:
      return `The runbook for ${service} described the ${c}, but not the interaction with ${rng.pick(SERVICES)}.`;
    case 6:
      return `At first the team suspected ${rng.pick(SERVICES)}, because its ${m} also moved at the same time.`;
    case 7:
      return `Nobody on call had worked with the ${c} before, so ${p} was paged as a subject matter expert.`;
    case 8:
      return `The alert fired ${n} minutes after impact began; the threshold had been tuned for a quieter season.`;
    case 9:
      return `A status page update went out once the scope was clear, and customer success briefed the largest accounts.`;
    case 10:
      return `Load tests in staging had not exercised the ${c} at production volume.`;
    case 11:
      return `Traffic recovered gradually as caches warmed, and ${m} was back to normal after ${n} minutes.`;
    case 12:
      return `The change had passed review and canary, since the canary cohort did not include ${rng.pick(REGIONS)}.`;
    default:
      return `${p} kept the incident channel updated every ${rng.int(10, 30)} minutes and took notes for the review.`;
  }
}

function paragraph(rng: Random, service: string, min: number, max: number): string {
  const out: string[] = [];
  for (let i = rng.int(min, max); i > 0; i--) out.push(sentence(rng, service));
  return out.join(' ');
}

const BLAME = [
  'It was human error during the manual failover.',
  'The operator should have checked the dashboard before the deploy.',
  'The on-call engineer failed to escalate in time.',
  'A careless edit to the config caused the outage.',
  'The fault lay with the contractor who wrote the script.',
];

function body(rng: Random, service: string, withBlame: boolean): string {
  const parts: string[] = [];
  parts.push('## Summary', '', paragraph(rng, service, 2, 4), '');
  parts.push('## Impact', '', paragraph(rng, service, 1, 3), '');
  parts.push('## Narrative', '');
  for (let i = rng.int(2, 5); i > 0; i--) parts.push(paragraph(rng, service, 3, 6), '');
  if (withBlame) parts.push(rng.pick(BLAME), '');
  if (rng.chance(0.35)) {
    parts.push('```', `$ kubectl -n ${service} get pods`, `NAME                         READY   STATUS             RESTARTS`, `${service}-7d9f8c6b5-x2lqp   0/1     CrashLoopBackOff   ${rng.int(3, 40)}`, '```', '');
  }
  if (rng.chance(0.6)) {
    parts.push('## Perspectives', '');
    for (const team of rng.some(['Engineering', 'Support', 'Product', 'Communications', 'Security'], rng.int(1, 3))) {
      parts.push(`### ${team}`, '', paragraph(rng, service, 1, 3), '');
    }
  }
  parts.push('## What went well', '');
  for (let i = rng.int(1, 4); i > 0; i--) parts.push(`- ${sentence(rng, service)}`);
  parts.push('');
  if (rng.chance(0.5)) parts.push('## Where we got lucky', '', paragraph(rng, service, 1, 2), '');
  if (rng.chance(0.5)) {
    parts.push('## Open questions', '');
    for (let i = rng.int(1, 3); i > 0; i--) parts.push(`- Why did the ${rng.pick(COMPONENTS)} not protect ${service} here?`);
    parts.push('');
  }
  parts.push('## Learnings', '');
  for (let i = rng.int(1, 4); i > 0; i--) parts.push(`- ${sentence(rng, service)}`);
  parts.push('');
  return parts.join('\n');
}

// ---------------------------------------------------------------------------
// YAML writing helpers

/** A plain scalar where YAML allows it (as people write them), else double-quoted. */
function scalar(text: string): string {
  const plain =
    (/^[A-Za-z]/.test(text) || /^\d{4}-\d{2}-\d{2}/.test(text)) &&
    !/: |:$| #|\n|\s$/.test(text) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** In a flow collection, commas and brackets need quotes too. */
function flowScalar(text: string): string {
  return /[,{}[\]]/.test(text) ? JSON.stringify(text) : scalar(text);
}

function flowMap(pairs: [string, string | undefined][]): string {
  return `{${pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([k, v]) => `${k}: ${flowScalar(v)}`)
    .join(', ')}}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoTime(epochMs: number, offsetMinutes: number, withSeconds: boolean): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const base = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${withSeconds ? `:${pad(local.getUTCSeconds())}` : ''}`;
  if (offsetMinutes === 0) return `${base}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${base}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}

// ---------------------------------------------------------------------------
// One incident

interface Problems {
  outOfOrder: boolean;
  missingOwner: boolean;
  unknownField: boolean;
  invalidValue: boolean;
  invalidTimestamp: boolean;
  statusWithoutTime: boolean;
  lifecycle: boolean;
  missingCode: boolean;
  dropped: boolean;
  yamlSyntax: boolean;
  blame: boolean;
}

function problemsFor(rng: Random): Problems {
  return {
    outOfOrder: rng.chance(0.04),
    missingOwner: rng.chance(0.03),
    unknownField: rng.chance(0.03),
    invalidValue: rng.chance(0.01),
    invalidTimestamp: rng.chance(0.01),
    statusWithoutTime: rng.chance(0.01),
    lifecycle: rng.chance(0.005),
    missingCode: rng.chance(0.03),
    dropped: rng.chance(0.01),
    yamlSyntax: rng.chance(0.003),
    blame: rng.chance(0.06),
  };
}

interface Built {
  readonly path: string;
  readonly text: string;
}

function incident(rng: Random, serial: number, code: readonly CodeFile[], timelineLength: number | undefined, forceStart?: number): Built {
  const problems = timelineLength === undefined ? problemsFor(rng) : ({} as Problems);
  const startMs = forceStart ?? CORPUS_START + Math.floor(rng.next() * (CORPUS_END - CORPUS_START));
  const started = Math.floor(startMs / 60_000) * 60_000;
  const offset = rng.pick(OFFSETS);
  const secs = rng.chance(0.7);
  const year = new Date(started).getUTCFullYear();
  const id = `INC-${year}-${pad(serial, 4)}`;
  const primary = rng.pick(SERVICES);
  const services = [primary, ...rng.some(SERVICES.filter((s) => s !== primary), rng.int(0, 3))];
  if (rng.chance(0.03)) services.push(rng.pick(UNCATALOGED));
  const component = rng.pick(COMPONENTS);
  const metric = rng.pick(METRICS);
  const title = rng.pick([
    `${cap(metric)} spike in ${primary} after ${component} change`,
    `${cap(primary)} outage in ${rng.pick(REGIONS)} caused by ${component}`,
    `Degraded ${primary} responses while ${rng.pick(services)} was overloaded`,
    `Elevated ${metric} for ${primary} during peak traffic`,
    `${cap(primary)} unavailable for some customers after deploy`,
    `Near miss: ${component} almost exhausted in ${primary}`,
  ]);
  const ageDays = (CORPUS_END - started) / DAY;
  const status = ageDays > 30 ? (rng.chance(0.7) ? 'reviewed' : 'resolved') : rng.pick(['investigating', 'identified', 'monitoring', 'resolved', 'reviewed']);
  const detectedMs = started + rng.int(1, 40) * 60_000;
  const mitigatedMs = detectedMs + rng.int(5, 240) * 60_000;
  const resolvedMs = mitigatedMs + rng.int(10, 600) * 60_000;
  const closed = status === 'resolved' || status === 'reviewed';
  const t = (ms: number) => isoTime(ms, offset, secs);
  const team = [...new Set(Array.from({ length: rng.int(3, 14) }, () => person(rng)))];
  const commander = team[0];

  const y: string[] = [];
  if (rng.chance(0.3)) y.push(rng.pick(['# Post-incident record. Keep it blameless.', '# Generated from the incident channel, then edited by hand.', `# Owner of this record: ${commander}`]));
  y.push(`id: ${id}`);
  y.push(`title: ${rng.chance(0.3) ? JSON.stringify(title) : scalar(title)}`);
  let statusLine = `status: ${problems.invalidValue && rng.chance(0.5) ? 'closed' : status}`;
  if (rng.chance(0.1)) statusLine += '  # updated after the review meeting';
  y.push(statusLine);
  y.push(`severity: ${problems.invalidValue && !statusLine.includes('closed') ? 'P2' : rng.pick(['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV3', 'SEV4'])}`);
  y.push(`started: ${problems.invalidTimestamp ? isoTime(started, 0, false).replace('T', ' ').replace('Z', '') : t(started)}`);
  y.push(`detected: ${problems.lifecycle ? t(started - 3_600_000) : t(detectedMs)}`);
  if (status !== 'investigating' && status !== 'identified' && !(problems.statusWithoutTime && status === 'monitoring')) y.push(`mitigated: ${t(mitigatedMs)}`);
  if (closed && !problems.statusWithoutTime) y.push(`resolved: ${t(resolvedMs)}`);
  if (problems.unknownField) y.push(`${rng.pick(UNKNOWN_FIELDS)}: ${rng.pick(['SEV2', 'checkout', 'PROJ-4411', 'platform', '#inc-bridge'])}`);

  if (rng.chance(0.5)) y.push(`services: [${services.join(', ')}]`);
  else y.push('services:', ...services.map((s) => `  - ${s}`));
  const tags = rng.some(TAGS, rng.int(0, 4));
  if (tags.length > 0) {
    if (rng.chance(0.6)) y.push(`tags: [${tags.join(', ')}]`);
    else y.push('tags:', ...tags.map((tag) => `  - ${tag}`));
  }
  const roles: [string, string][] = [['commander', commander]];
  if (team.length > 1 && rng.chance(0.7)) roles.push(['communications', team[1]]);
  if (team.length > 2 && rng.chance(0.5)) roles.push(['operations', team[2]]);
  if (team.length > 3 && rng.chance(0.4)) roles.push(['scribe', team[3]]);
  if (rng.chance(0.1)) roles.push(['customer_liaison', `${person(rng)}`]);
  if (rng.chance(0.5)) y.push(`roles: ${flowMap(roles)}`);
  else y.push('roles:', ...roles.map(([role, who]) => `  ${role}: ${scalar(who)}`));
  const participants = [...team, ...rng.some(TEAMS, rng.int(0, 2)).map((teamName) => `${person(rng)} (${teamName})`)];
  if (rng.chance(0.5)) y.push(`participants: [${participants.map(flowScalar).join(', ')}]`);
  else y.push('participants:', ...participants.map((p) => `  - ${scalar(p)}`));

  if (rng.chance(0.8)) {
    y.push('impact:');
    if (rng.chance(0.5)) y.push('  summary: >', `    ${paragraph(rng, primary, 1, 2)}`, `    ${paragraph(rng, primary, 1, 1)}`);
    else y.push(`  summary: ${JSON.stringify(paragraph(rng, primary, 1, 2))}`);
    if (rng.chance(0.7)) y.push(`  customers: ${JSON.stringify(`About ${rng.int(1, 40)}% of ${primary} requests failed or timed out`)}`);
    if (rng.chance(0.5)) y.push(`  duration_note: ${scalar(`Impact lasted about ${Math.round((mitigatedMs - started) / 60_000)} minutes`)}`);
  }
  if (rng.chance(0.15)) y.push(`near_miss: ${rng.chance(0.5)}`);
  if (status === 'reviewed' || rng.chance(0.2)) {
    const reviewStatus = status === 'reviewed' ? 'done' : rng.pick(['draft', 'in-review']);
    const held = isoDate(resolvedMs + rng.int(2, 14) * DAY);
    if (rng.chance(0.5)) y.push(`review: ${flowMap([['status', reviewStatus], ['facilitator', person(rng)], ['held', reviewStatus === 'done' ? held : undefined]])}`);
    else y.push('review:', `  status: ${reviewStatus}`, `  facilitator: ${scalar(person(rng))}`, ...(reviewStatus === 'done' ? [`  held: ${held}`] : []));
  }

  // Code links, mostly into the generated code tree.
  const linkCount = rng.int(0, 5);
  if (linkCount > 0) {
    y.push('code:');
    const serviceFiles = code.filter((file) => file.path.startsWith(`src/${primary}/`));
    for (let i = 0; i < linkCount; i++) {
      const roll = rng.next();
      if (problems.missingCode && i === 0) {
        y.push(`  - path: src/${primary}/${rng.pick(['legacy', 'old_client', 'v1/handler'])}.ts  # moved?`);
      } else if (roll < 0.15) {
        y.push(`  - path: deploy/${primary}/**`);
      } else if (roll < 0.3) {
        const file = rng.pick(serviceFiles);
        y.push(`  - {path: ${file.path}, lines: ${rng.int(1, 20)}-${rng.int(21, 60)}, note: ${flowScalar(`${rng.pick(COMPONENTS)} lives here`)}}`);
      } else if (roll < 0.55) {
        const file = rng.pick(serviceFiles);
        const anchor = rng.pick(file.anchors);
        const drift = rng.chance(0.08) ? rng.int(5, 12) : 0;
        const pattern = file.lines[anchor - 1].split('=')[0].trim();
        y.push(`  - path: ${file.path}`, `    lines: ${anchor + drift}-${anchor + drift + rng.int(0, 8)}`, `    pattern: ${JSON.stringify(pattern)}`, `    ref: ${yamlSha(hex(rng, 7))}`);
      } else {
        const file = rng.pick(serviceFiles);
        y.push(`  - path: ${file.path}`);
        if (rng.chance(0.7)) y.push(`    lines: ${rng.int(1, 40)}`);
        if (rng.chance(0.6)) y.push(`    note: ${scalar(`${cap(rng.pick(COMPONENTS))} default changed`)}`);
      }
    }
  }

  const commitCount = rng.int(0, 4);
  if (commitCount > 0) {
    y.push('commits:');
    for (let i = 0; i < commitCount; i++) {
      const role = i === 0 ? 'trigger' : rng.pick(['fix', 'mitigation', 'related']);
      const sha = hex(rng, rng.chance(0.7) ? 7 : 40);
      if (rng.chance(0.6)) y.push(`  - ${flowMap([['sha', sha], ['role', role], ['repo', rng.chance(0.1) ? `acme/${primary}-infra` : undefined]])}`);
      else y.push(`  - sha: ${rng.chance(0.5) ? JSON.stringify(sha) : yamlSha(sha)}`, `    role: ${role}`);
    }
  }

  const factorCount = rng.int(1, 5);
  y.push('factors:');
  for (let i = 0; i < factorCount; i++) {
    const kind = rng.pick(FACTOR_KINDS);
    const text = sentence(rng, primary);
    if (rng.chance(0.5)) y.push(`  - {kind: ${kind}, text: ${JSON.stringify(text)}}`);
    else y.push(`  - kind: ${kind}`, `    text: ${scalar(text)}`);
  }

  const actionCount = rng.int(0, 7);
  if (actionCount > 0) {
    y.push('actions:');
    for (let i = 0; i < actionCount; i++) {
      // Old incidents mostly have their follow-ups done; recent ones have open ones.
      const openChance = ageDays > 365 ? 0.015 : ageDays > 120 ? 0.06 : 0.6;
      let actionStatus = rng.chance(openChance) ? rng.pick(['open', 'in-progress']) : rng.chance(0.9) ? 'done' : 'dropped';
      if (problems.dropped && i === 0) actionStatus = 'dropped';
      if (problems.missingOwner && i === 0) actionStatus = 'open';
      const due = isoDate(resolvedMs + rng.int(7, 120) * DAY);
      const fields: [string, string | undefined][] = [
        ['id', `A${i + 1}`],
        ['title', `${rng.pick(['Add', 'Alert on', 'Document', 'Load test', 'Automate', 'Review', 'Remove'])} ${rng.pick(COMPONENTS)} ${rng.pick(['for', 'in', 'around'])} ${rng.pick(services)}`],
        ['owner', problems.missingOwner && i === 0 ? undefined : person(rng)],
        ['due', due],
        ['status', actionStatus],
        ['kind', rng.chance(0.8) ? rng.pick(ACTION_KINDS) : undefined],
        ['link', rng.chance(0.6) ? `https://tracker.example/PROJ-${rng.int(100, 9999)}` : undefined],
        ['reason', actionStatus === 'dropped' && !(problems.dropped && i === 0) ? 'Superseded by the platform migration' : undefined],
      ];
      if (rng.chance(0.5)) {
        y.push(`  - ${flowMap(fields)}`);
      } else {
        const present = fields.filter((pair): pair is [string, string] => pair[1] !== undefined);
        present.forEach(([k, v], j) => y.push(`${j === 0 ? '  - ' : '    '}${k}: ${k === 'due' ? v : scalar(v)}`));
      }
    }
  }

  // Timeline: mostly short, a long tail up to 200 entries.
  const entries = timelineLength ?? 5 + Math.floor(196 * Math.pow(rng.next(), 3.8));
  const span = Math.max(resolvedMs - started, 60 * 60_000) * (timelineLength ? 20 : 1);
  const times: number[] = [];
  const step = span / entries;
  for (let i = 0; i < entries; i++) times.push(started + Math.floor(step * i + rng.next() * step * 0.5));
  if (problems.outOfOrder && entries > 3) {
    const i = rng.int(1, entries - 2);
    [times[i], times[i + 1]] = [times[i + 1] + 60_000, times[i]];
  }
  y.push('timeline:');
  if (rng.chance(0.3)) y.push(`  # Times from the incident channel${offset === 0 ? ', in UTC' : ''}.`);
  const flowTimeline = rng.chance(0.35);
  for (let i = 0; i < entries; i++) {
    const kind = i === 0 ? 'trigger' : i === 1 ? 'detection' : i === entries - 1 ? 'resolution' : rng.pick(TIMELINE_KINDS);
    const who = rng.chance(0.3) ? rng.pick(SYSTEMS) : rng.chance(0.9) ? rng.pick(team) : undefined;
    const text = sentence(rng, primary);
    const evidence = rng.chance(0.2) ? `https://grafana.example/d/${hex(rng, 8)}?from=${times[i]}` : undefined;
    const at = isoTime(times[i], offset, secs);
    if (flowTimeline || rng.chance(0.1)) {
      y.push(`  - ${flowMap([['at', at], ['kind', kind], ['who', who], ['text', text], ['evidence', evidence]])}`);
    } else {
      y.push(`  - at: ${at}`, `    kind: ${kind}`);
      if (who) y.push(`    who: ${scalar(who)}`);
      y.push(`    text: ${scalar(text)}`);
      if (evidence) y.push(`    evidence: ${evidence}`);
    }
    if (rng.chance(0.01)) y.push('  # (gap: nobody wrote anything down here)');
  }
  if (problems.yamlSyntax) {
    // A hand edit gone wrong: an unclosed flow sequence.
    y.splice(rng.int(3, Math.min(12, y.length - 1)), 0, 'tags: [latency, config');
  }

  const text = `---\n${y.join('\n')}\n---\n\n${body(rng, primary, problems.blame)}`;
  const date = isoDate(started + offset * 60_000);
  const file = `incidents/${date.slice(0, 4)}/${date}-${slugOf(title)}-${pad(serial, 4)}.md`;
  return { path: file, text };
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A sha as people write it: plain, unless YAML would read it as a number. */
function yamlSha(sha: string): string {
  return /^[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$/.test(sha) ? JSON.stringify(sha) : sha;
}

function hex(rng: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
}

// ---------------------------------------------------------------------------
// The whole corpus

function writeCorpus(folder: string, seed: number, count: number): { files: string[]; totalBytes: number } {
  const rng = new Random(seed);
  const code = codeTree(rng);
  const write = (rel: string, text: string) => {
    const full = path.join(folder, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };
  for (const file of code) write(file.path, `${file.lines.join('\n')}\n`);
  write('src/shared/logger.ts', "export const logger = { info: (..._args: unknown[]) => undefined };\n");
  for (const service of SERVICES) {
    write(`deploy/${service}/values.yaml`, `replicas: ${rng.int(2, 24)}\nimage: registry.example/${service}\n`);
    write(`deploy/${service}/alerts.yaml`, `- alert: ${service}HighErrorRate\n  expr: rate(errors[5m]) > 0.05\n`);
  }
  write('incidents/README.md', '# Incidents\n\nOne file per incident. See docs/format.md.\n');
  write('incidents/catalog.yaml', catalogText(rng));

  const files: string[] = [];
  let totalBytes = 0;
  const seen = new Set<string>();
  for (let serial = 1; serial <= count; serial++) {
    const built = incident(rng, serial, code, undefined);
    if (seen.has(built.path)) throw new Error(`generator produced ${built.path} twice`);
    seen.add(built.path);
    write(built.path, built.text);
    files.push(built.path);
    totalBytes += Buffer.byteLength(built.text);
  }
  const big = incident(new Random(seed ^ 0x5bd1e995), count + 1, code, BIG_TIMELINE, Date.UTC(2026, 10, 2, 9, 30));
  write(BIG_FILE, big.text);
  files.push(BIG_FILE);
  totalBytes += Buffer.byteLength(big.text);
  files.sort();
  return { files, totalBytes };
}

function catalogText(rng: Random): string {
  const lines = ['# Service catalog: owners, who to call, runbooks, code.', 'services:'];
  for (const service of SERVICES) {
    lines.push(`  ${service}:`);
    lines.push(`    owners: [team-${rng.pick(TEAMS)}]`);
    lines.push('    contacts:');
    for (let i = rng.int(1, 3); i > 0; i--) lines.push(`      - {name: ${person(rng)}, how: "chat @${rng.pick(FIRST).toLowerCase()}"}`);
    lines.push(`    runbook: docs/runbooks/${service}.md`);
    lines.push(`    code: [src/${service}/**, deploy/${service}/**]`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------

function argValue(args: readonly string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number`);
  return value;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  ensureCorpus({ seed: argValue(args, '--seed'), count: argValue(args, '--count'), force: args.includes('--force'), log: (line) => console.log(line) });
}
