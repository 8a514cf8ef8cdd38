/**
 * A large generated incident for the timeline benchmark: N entries over a few
 * days, every kind, a dozen people, some evidence links, realistic lengths,
 * and silences of varied length so the panel has gaps and day breaks to draw.
 */
import { TIMELINE_KINDS } from '../src/core/timelineKinds';
import { formatTimestamp } from '../src/core/timestamps';

const PEOPLE = ['Priya Shah', 'Lee Wong', 'Sam Ortiz', 'Elif Demir', 'Dana Kim', 'Farah Haddad', 'Hugo Laurent', 'Ana Lima', 'deploy-bot', 'alerting', 'metrics', 'on-call'];
const WORDS = 'cache checkout latency rollback config canary region alert pricing quote miss ratio deploy status page customers retry queue database replica failover timeout error budget dashboard'.split(' ');

/** A small deterministic generator, so every run benchmarks the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function largeIncident(entries: number, seed = 20261125): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const start = Date.UTC(2026, 10, 20, 13, 0);
  const offset = 60;
  let time = start;
  const lines: string[] = [];
  for (let i = 0; i < entries; i++) {
    // Mostly a minute or two apart, now and then a long silence.
    time += (next() < 0.02 ? 20 + Math.floor(next() * 90) : Math.floor(next() * 3)) * 60_000;
    const words = Array.from({ length: 6 + Math.floor(next() * 14) }, () => pick(WORDS)).join(' ');
    const evidence = next() < 0.15 ? `, evidence: "https://grafana.example/d/${i}"` : '';
    lines.push(`  - {at: ${formatTimestamp(time, offset)}, kind: ${pick(TIMELINE_KINDS)}, who: ${pick(PEOPLE)}, text: "Entry ${i}: ${words}"${evidence}}`);
  }
  return [
    '---',
    'id: INC-2026-099',
    'title: A long-running incident with a very long timeline',
    'status: resolved',
    'severity: SEV2',
    `started: ${formatTimestamp(start + 60_000, offset)}`,
    `detected: ${formatTimestamp(start + 30 * 60_000, offset)}`,
    `mitigated: ${formatTimestamp(start + Math.floor((time - start) / 2), offset)}`,
    `resolved: ${formatTimestamp(time, offset)}`,
    'timeline:',
    ...lines,
    '---',
    '',
    '## Summary',
    '',
  ].join('\n');
}
