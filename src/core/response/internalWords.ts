/**
 * The customer draft's check: words that belong inside the company (host
 * names, people's names, service and team names, incident ids, jargon) or
 * that blame someone. Each finding says why, so the writer can decide.
 */
import { DEFAULT_BLAME_PHRASES } from '../blame';

export type InternalWordKind = 'hostname' | 'person' | 'service' | 'team' | 'id' | 'jargon' | 'blame';

export interface InternalWord {
  readonly word: string;
  readonly kind: InternalWordKind;
  /** Offset of the first occurrence. */
  readonly index: number;
}

export interface InternalWordContext {
  /** People named in the incident (roles, participants, owners, who). */
  readonly people: readonly string[];
  /** Services of the incident and of the catalog. */
  readonly services: readonly string[];
  /** Teams: catalog owners, CODEOWNERS handles. */
  readonly teams: readonly string[];
  readonly blamePhrases?: readonly string[];
}

export const WHY: Readonly<Record<InternalWordKind, string>> = {
  hostname: 'looks like a host or machine name',
  person: 'is a person on the incident',
  service: 'is an internal service name; customers may know it by another name',
  team: 'is an internal team',
  id: 'is an internal id',
  jargon: 'is a technical word; say what customers notice instead',
  blame: 'can read as blame; say what happened instead',
};

const HOST_PATTERNS: readonly RegExp[] = [
  /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g,
  /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|intranet|svc|consul|private|cluster\.local)\b/gi,
  /\b(?:[a-z0-9-]+\.)*(?:grafana|kibana|jenkins|argocd|vault|admin|vpn|intranet|staging|prometheus)(?:\.[a-z0-9-]+)+\b/gi,
  // db-3, web-12, checkout-7d9f5, eu-west-1
  /\b[a-z]+(?:-[a-z]+)*-[a-z]*\d[a-z0-9]*\b/g,
];

const JARGON = /\b(?:p\d{2}|ttl|redis|kubernetes|k8s|pods?|5xx|4xx|http \d{3}|sev\s?\d|rollback|rolled back|hotfix|failover|root cause|latency|stack trace|null pointer|oom)\b/gi;
const REGIONS = /\b(?:us|eu|ap|sa|ca|me|af|uk)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)(?:-\d+)?\b/gi;
const IDS = /\b[A-Z][A-Z0-9]*-\d{2,}(?:-\d+)?\b/g;
const HANDLES = /(?<![\w.])@[\w-]+(?:\/[\w-]+)?/g;
const EXTRA_BLAME = ['blame', 'mistake', 'negligent', 'negligence', 'vendor', 'third party', 'third-party', 'supplier'];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordPattern(words: readonly string[], flags = 'giu'): RegExp | undefined {
  const parts = [...new Set(words.map((word) => word.trim()).filter((word) => word.length >= 2))].sort((a, b) => b.length - a.length).map((word) => escape(word).replace(/\s+/g, '\\s+'));
  return parts.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])`, flags) : undefined;
}

/** Full names, and first names written with a capital ("Priya"). */
export function nameForms(people: readonly string[]): { full: string[]; first: string[] } {
  const full: string[] = [];
  const first: string[] = [];
  for (const raw of people) {
    const name = raw.replace(/\(.*?\)/g, '').trim();
    if (!name) continue;
    full.push(name);
    const parts = name.split(/\s+/);
    if (parts.length > 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(parts[0])) first.push(parts[0]);
  }
  return { full, first };
}

export function findInternalWords(text: string, context: InternalWordContext): InternalWord[] {
  const found = new Map<string, InternalWord>();
  const spans: { start: number; end: number }[] = [];
  const add = (word: string, kind: InternalWordKind, index: number) => {
    // Text already explained (`db-3` inside `db-3.eu.internal`) is not reported again.
    if (spans.some((span) => index >= span.start && index + word.length <= span.end)) return;
    spans.push({ start: index, end: index + word.length });
    // A word is reported once, as the first kind that explains it.
    const lower = word.toLowerCase();
    if ([...found.values()].some((other) => other.word.toLowerCase() === lower)) return;
    found.set(`${kind}:${lower}`, { word, kind, index });
  };
  const scan = (pattern: RegExp | undefined, kind: InternalWordKind) => {
    if (!pattern) return;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) add(m[0], kind, m.index);
  };
  const names = nameForms(context.people);
  scan(wordPattern(names.full), 'person');
  scan(wordPattern(names.first, 'gu'), 'person');
  scan(wordPattern(context.teams), 'team');
  scan(HANDLES, 'team');
  scan(wordPattern(context.services), 'service');
  scan(REGIONS, 'jargon');
  for (const pattern of HOST_PATTERNS) scan(pattern, 'hostname');
  scan(IDS, 'id');
  scan(wordPattern([...(context.blamePhrases ?? DEFAULT_BLAME_PHRASES), ...EXTRA_BLAME]), 'blame');
  scan(JARGON, 'jargon');
  return [...found.values()].sort((a, b) => a.index - b.index);
}
