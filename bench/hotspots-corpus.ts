/**
 * A generated repository for the hotspots benchmark: tens of thousands of
 * commits (some hot areas, renames, merged side branches, messages naming
 * incidents) made with one `git fast-import`, and incidents listing fix and
 * trigger commits. Seeded, so every run measures the same history; cached
 * under bench/.corpus/ (git-ignored) because making it takes a while.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { HotspotIncident } from '../src/core/hotspots/types';

export interface HotspotsCorpusOptions {
  readonly commits: number;
  readonly incidents: number;
  readonly seed: number;
}

export interface HotspotsCorpus {
  readonly repository: string;
  readonly incidents: HotspotIncident[];
}

/** Bump when the generator changes what it makes. */
const GENERATOR_VERSION = 1;
const AREAS = 40;
const FILES_PER_AREA = 40;
const LINES_PER_FILE = 15;
const START_S = Date.UTC(2021, 0, 1) / 1000;
const COMMIT_SPACING_S = 3600;

export async function ensureHotspotsCorpus(options: HotspotsCorpusOptions, log: (line: string) => void): Promise<HotspotsCorpus> {
  const directory = path.join(__dirname, '.corpus', `hotspots-v${GENERATOR_VERSION}-${options.commits}c-${options.incidents}i-s${options.seed}`);
  const repository = path.join(directory, 'repo');
  const incidentsFile = path.join(directory, 'incidents.json');
  if (!existsSync(incidentsFile)) {
    log(`generating ${options.commits} commits in ${path.relative(process.cwd(), directory)} (once; cached) ...`);
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(repository, { recursive: true });
    const incidents = await generate(repository, options);
    writeFileSync(incidentsFile, JSON.stringify(incidents));
  }
  return { repository, incidents: JSON.parse(readFileSync(incidentsFile, 'utf8')) as HotspotIncident[] };
}

/** mulberry32: small, fast and good enough to pick files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlannedIncident {
  readonly id: string;
  readonly severity: string;
  readonly started: number;
  readonly listed: { commit: number; role: 'fix' | 'trigger' }[];
}

async function generate(repository: string, options: HotspotsCorpusOptions): Promise<HotspotIncident[]> {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  // A few areas take most changes, as in real code bases.
  const areaWeights = Array.from({ length: AREAS }, (_, area) => 1 / (area + 1));
  const totalWeight = areaWeights.reduce((sum, weight) => sum + weight, 0);
  const pickArea = (): number => {
    let roll = next() * totalWeight;
    for (let area = 0; area < AREAS; area++) if ((roll -= areaWeights[area]) <= 0) return area;
    return AREAS - 1;
  };

  const files = new Map<string, string[]>();
  const byArea: string[][] = Array.from({ length: AREAS }, () => []);
  for (let area = 0; area < AREAS; area++) {
    for (let k = 0; k < FILES_PER_AREA; k++) {
      const file = `src/area${area}/module${k}.ts`;
      files.set(file, Array.from({ length: LINES_PER_FILE }, (_, line) => `export const a${area}m${k}l${line} = ${line};`));
      byArea[area]?.push(file);
    }
  }

  const planned: PlannedIncident[] = Array.from({ length: options.incidents }, (_, i) => {
    const commit = Math.floor(options.commits * (0.1 + 0.9 * next()));
    return {
      id: `INC-${2021 + Math.floor((commit / options.commits) * 4)}-${String(i + 1).padStart(3, '0')}`,
      severity: pick(['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV4']),
      started: (START_S + commit * COMMIT_SPACING_S) * 1000,
      listed: [{ commit, role: 'fix' as const }, ...(next() < 0.4 ? [{ commit: commit - 1 - Math.floor(next() * 50), role: 'trigger' as const }] : [])],
    };
  });
  const mentionAt = new Map<number, string>();
  for (const incident of planned) if (next() < 0.5) mentionAt.set((incident.listed[0]?.commit ?? 0) + 1 + Math.floor(next() * 5), incident.id);

  const marks = path.join(repository, '..', 'marks');
  execFileSync('git', ['init', '-q', '-b', 'main', repository]);
  const importer = spawn('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: repository, stdio: ['pipe', 'inherit', 'inherit'] });
  const finished = new Promise<void>((resolve, reject) => importer.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`)))));
  const chunks: string[] = [];
  const flush = async (): Promise<void> => {
    const text = chunks.join('');
    chunks.length = 0;
    if (!importer.stdin.write(text)) await new Promise((resolve) => importer.stdin.once('drain', resolve));
  };
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;

  let mark = 0;
  let mainHead = 0;
  /** Writes one commit; returns its mark. */
  const commit = (branch: string, message: string, when: number, parents: readonly number[], changes: readonly string[], deleted: readonly string[]): number => {
    mark += 1;
    const header = `commit refs/heads/${branch}\nmark :${mark}\nauthor Dev <dev@example.com> ${when} +0000\ncommitter Dev <dev@example.com> ${when} +0000\n${data(message)}`;
    const parentLines = parents.map((parent, i) => `${i === 0 ? 'from' : 'merge'} :${parent}\n`).join('');
    const edits = deleted.map((file) => `D ${file}\n`).join('') + changes.map((file) => `M 100644 inline ${file}\n${data(`${(files.get(file) ?? []).join('\n')}\n`)}`).join('');
    chunks.push(header, parentLines, edits);
    return mark;
  };

  const markOfCommit: number[] = [];
  const edit = (count: number): string[] => {
    const touched = new Set<string>();
    for (let i = 0; i < count; i++) {
      const file = pick(byArea[pickArea()] ?? []);
      const lines = files.get(file);
      if (!lines) continue;
      lines[Math.floor(next() * lines.length)] = `export const edit${mark}_${i} = ${Math.floor(next() * 1e6)};`;
      if (next() < 0.3) lines.push(`// note ${mark}`);
      touched.add(file);
    }
    return [...touched];
  };

  for (let index = 0; index < options.commits; index++) {
    const when = START_S + index * COMMIT_SPACING_S;
    const mention = mentionAt.get(index);
    const message = `${pick(['Tweak', 'Refactor', 'Fix', 'Tune', 'Clean up'])} change ${index}${mention ? `\n\nFollow-up to ${mention}.` : ''}`;
    if (index > 0 && index % 100 === 0) {
      // A side branch of two commits, merged back with a merge commit.
      const first = edit(1 + Math.floor(next() * 2));
      const side1 = commit('side', `Side work ${index}a`, when - 60, [mainHead], first, []);
      const second = edit(1);
      const side2 = commit('side', `Side work ${index}b`, when - 30, [side1], second, []);
      mainHead = commit('main', `Merge side work ${index}${mention ? ` for ${mention}` : ''}`, when, [mainHead, side2], [...new Set([...first, ...second])], []);
    } else if (index > 0 && next() < 0.005) {
      const area = pickArea();
      const from = pick(byArea[area] ?? []);
      const to = from.replace(/module(\d+)\.ts$/, `renamed${index}.ts`);
      files.set(to, files.get(from) ?? []);
      files.delete(from);
      byArea[area] = (byArea[area] ?? []).map((file) => (file === from ? to : file));
      mainHead = commit('main', message, when, mainHead ? [mainHead] : [], [to], [from]);
    } else {
      const changes = index === 0 ? [...files.keys()] : edit(1 + Math.floor(next() * 3));
      mainHead = commit('main', message, when, mainHead ? [mainHead] : [], changes, []);
    }
    markOfCommit[index] = mainHead;
    if (chunks.length > 3000) await flush();
  }
  await flush();
  importer.stdin.end();
  await finished;
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: repository });

  const shaOfMark = new Map(
    readFileSync(marks, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string]),
  );
  const shaOf = (commitIndex: number): string => shaOfMark.get(`:${markOfCommit[Math.max(0, commitIndex)]}`) ?? '';
  return planned.map((incident, i) => ({
    id: incident.id,
    title: `Generated incident ${i + 1}`,
    severity: incident.severity,
    started: incident.started,
    codeLinks: i % 3 === 0 ? [{ path: `src/area${i % AREAS}/**` }] : [],
    commits: incident.listed.map((listed) => ({ sha: shaOf(listed.commit).slice(0, 10), role: listed.role })),
  }));
}
