/**
 * The language server as a client sees it: the built server is spawned
 * (`node dist/cli.js lsp --stdio`, as an editor starts it) and driven over
 * JSON-RPC on its stdin and stdout, on the generated 10,000-incident corpus.
 * Baselines are measured in this process, in the same run:
 *
 *   (a) start: `initialize` to the last file's pushed diagnostics, beside
 *       js-yaml `load` of every front matter (the lint bench's baseline);
 *       the server's RSS once it is ready (Linux)
 *   (b) typing in the 2,000-entry incident: `didChange` to that file's
 *       diagnostics at the client, beside `analyzeText` of the same file
 *   (c) hover, completion and definition round trips while a
 *       `didChangeWatchedFiles` batch of 1,000 changed incidents is applied,
 *       beside the same requests while the server is idle
 *
 *   npx tsx bench/server.bench.ts [--edits N] [--starts N]
 *
 * Needs `npm run build` first (it runs dist/cli.js). The folder is opened
 * as untrusted: the corpus is no git repository, and no git process should
 * weigh on the figures. The 1,000 files the batch changes are put back as
 * they were before the bench ends.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import jsYaml from 'js-yaml';
import { analyzeText, defaultLintOptions } from '../src/core/lint';
import { splitFrontMatter } from '../src/core/frontMatter';
import { stripBom } from '../src/core/text';
import { machine, ratio, seconds } from './figures';
import { type Corpus, ensureCorpus } from './generate-corpus';
import { BenchClient } from './lsp-client';

const NOW = '2026-11-25T12:00:00Z';
const GOAL_TYPING_MS = 50;
const GOAL_START_MS = 500;
const GOAL_RSS_MB = 300;
const GOAL_REQUEST_MS = 150;
const CHANGED_FILES = 1000;
/** A pause between keystrokes and between requests, as a person and an editor leave. */
const PAUSE_MS = 30;
const IDLE_REQUEST_ROUNDS = 20;

const gc = (globalThis as { gc?: () => void }).gc;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((sorted.length * p) / 100) - 1)];
}

function spread(values: readonly number[]): string {
  return `p50 ${seconds(percentile(values, 50))}, p95 ${seconds(percentile(values, 95))}, max ${seconds(Math.max(...values))} (${values.length})`;
}

function frontMatterOf(text: string): string | undefined {
  const clean = stripBom(text);
  const split = splitFrontMatter(clean);
  return split.kind === 'ok' ? clean.slice(split.yamlStart, split.yamlEnd) : undefined;
}

function medianTime(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

function jsYamlBaseline(corpus: Corpus): number {
  const frontMatters = corpus.files.map((file) => frontMatterOf(readFileSync(path.join(corpus.folder, file), 'utf8'))).filter((fm): fm is string => fm !== undefined);
  gc?.();
  return medianTime(3, () => {
    for (const text of frontMatters) {
      try {
        jsYaml.load(text);
      } catch {
        // Some front matters are broken on purpose; the time is what counts.
      }
    }
  });
}

interface Start {
  readonly client: BenchClient;
  /** `initialize` to the last diagnostics pushed before the index was ready. */
  readonly ms: number;
  readonly files: number;
}

async function startServer(corpus: Corpus): Promise<Start> {
  const client = BenchClient.spawn({ folder: corpus.folder, now: NOW, initializationOptions: { trusted: false }, nodeFlags: process.env.SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_PROF}`] : [] });
  const started = performance.now();
  await client.start();
  const arrived = client.arrived();
  return { client, ms: (arrived.at(-1)?.at ?? performance.now()) - started, files: new Set(arrived.map((a) => a.params.uri)).size };
}

/**
 * One-character edits in the middle of the big timeline, each toggling an
 * entry's kind between valid and not (`mitigation`, `mitigationx`), so every
 * edit changes the file's problems and the server pushes them.
 */
async function typing(client: BenchClient, corpus: Corpus, edits: number): Promise<number[]> {
  const text = readFileSync(path.join(corpus.folder, corpus.bigFile), 'utf8');
  const uri = client.uri(corpus.bigFile);
  const kinds = text.split('\n').flatMap((line, index) => {
    const kind = /kind: \w+/.exec(line);
    return kind ? [{ line: index, character: kind.index + kind[0].length }] : [];
  });
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await client.indexed();
  const times: number[] = [];
  for (let edit = 0; edit < edits; edit++) {
    const at = kinds[(kinds.length >> 1) + (edit >> 1)];
    const typed = edit % 2 === 0;
    const range = { start: at, end: typed ? at : { line: at.line, character: at.character + 1 } };
    const version = edit + 2;
    const since = client.arrivalCount;
    const sent = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typed ? 'x' : '' }] });
    times.push((await client.diagnosticsFor(uri, version, since)).at - sent);
    await pause(PAUSE_MS);
  }
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return times;
}

/** Hover on a key, completion of a value, definition of an id: in an open small incident. */
async function requestRound(client: BenchClient, uri: string): Promise<number[]> {
  const requests: [string, { line: number; character: number }][] = [
    ['textDocument/hover', { line: 3, character: 2 }],
    ['textDocument/completion', { line: 4, character: 10 }],
    ['textDocument/definition', { line: 1, character: 8 }],
  ];
  const times: number[] = [];
  for (const [method, position] of requests) {
    const sent = performance.now();
    await client.connection.sendRequest(method, { textDocument: { uri }, position });
    times.push(performance.now() - sent);
  }
  return times;
}

interface DuringChange {
  readonly idle: number[];
  readonly during: number[];
  /** The notification to the changed files' problems at the client. */
  readonly appliedMs: number;
}

/**
 * Rewrites the title of 1,000 incidents on disk (and breaks the status of
 * the last one, so the moment the batch is applied shows at the client),
 * tells the server in one `didChangeWatchedFiles`, and sends requests until
 * the batch is applied. The files are put back afterwards.
 */
async function requestsDuringChange(client: BenchClient, corpus: Corpus): Promise<DuringChange> {
  const small = corpus.files.find((file) => file !== corpus.bigFile && /^status: \w+$/m.test(readFileSync(path.join(corpus.folder, file), 'utf8')))!;
  const smallUri = client.uri(small);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: readFileSync(path.join(corpus.folder, small), 'utf8') },
  });
  const idle: number[] = [];
  for (let round = 0; round < IDLE_REQUEST_ROUNDS; round++) {
    idle.push(...(await requestRound(client, smallUri)));
    await pause(PAUSE_MS);
  }
  const changed = corpus.files.filter((file) => file !== small && file !== corpus.bigFile).slice(0, CHANGED_FILES);
  const originals = new Map(changed.map((file) => [file, readFileSync(path.join(corpus.folder, file), 'utf8')]));
  const marker = changed.at(-1)!;
  const during: number[] = [];
  try {
    for (const [file, text] of originals) {
      let next = text.replace(/^title: (.*)$/m, 'title: $1 (after the switch)');
      if (file === marker) next = next.replace(/^status: \w+$/m, 'status: switched');
      writeFileSync(path.join(corpus.folder, file), next);
    }
    const since = client.arrivalCount;
    const markerUri = client.uri(marker);
    const sent = performance.now();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changed.map((file) => ({ uri: client.uri(file), type: 2 })) });
    const applied = client.diagnosticsFor(markerUri, undefined, since, 60_000).then((arrival) => arrival.at - sent);
    let done = false;
    void applied.finally(() => (done = true));
    while (!done) {
      during.push(...(await requestRound(client, smallUri)));
      await pause(PAUSE_MS);
    }
    return { idle, during, appliedMs: await applied };
  } finally {
    for (const [file, text] of originals) writeFileSync(path.join(corpus.folder, file), text);
  }
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${Math.round(bytes / 2 ** 20)} MB`;
}

async function main(): Promise<void> {
  const edits = option('--edits', 40);
  const starts = option('--starts', 2);
  const log = (line = '') => console.log(line);
  log('== server.bench: the language server, spawned, over stdio ==');
  log(`machine: ${machine()}`);
  if (!existsSync(path.join(__dirname, '..', 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const corpus = ensureCorpus({ log });

  const yamlMs = jsYamlBaseline(corpus);
  const bigText = readFileSync(path.join(corpus.folder, corpus.bigFile), 'utf8');
  const lintOptions = defaultLintOptions({ todayMs: Date.parse(NOW) });
  const analyzeMs = medianTime(20, () => analyzeText(bigText, lintOptions));
  log(`baselines: js-yaml load of every front matter ${seconds(yamlMs)}; analyzeText of ${corpus.bigFile} ${seconds(analyzeMs)} (median of 20)`);

  // (a) Each start is a new server process; the later ones find the files in the OS's cache.
  const startTimes: number[] = [];
  let ready: Start | undefined;
  for (let run = 0; run < starts; run++) {
    await ready?.client.stop();
    gc?.();
    ready = await startServer(corpus);
    startTimes.push(ready.ms);
    const memory = ready.client.memory();
    log(`start ${run + 1}/${starts}: ${seconds(ready.ms)} to the last of ${ready.files} files' diagnostics (${ratio(ready.ms, yamlMs)} js-yaml); RSS ${mb(memory?.rss)}`);
  }
  const { client } = ready!;
  const startMs = startTimes.at(-1)!;
  const readyRss = client.memory()?.rss;

  // (b) Typing.
  const typed = await typing(client, corpus, edits);
  const typedP50 = percentile(typed, 50);
  const typedP95 = percentile(typed, 95);
  log(`typing: ${spread(typed)}; p50 ${ratio(typedP50, analyzeMs)} analyzeText of the file`);

  // (c) Requests during a 1,000-file change.
  const change = await requestsDuringChange(client, corpus);
  const idleP95 = percentile(change.idle, 95);
  const duringP95 = percentile(change.during, 95);
  log(`requests idle: ${spread(change.idle)}`);
  log(`requests during the ${CHANGED_FILES}-file change: ${spread(change.during)}; the change applied ${seconds(change.appliedMs)} after the notification`);
  const peak = client.memory()?.peak;
  await client.stop();

  const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  log();
  log('| measurement | figure | vs baseline | goal | result |');
  log('|---|---:|---|---|---|');
  log(`| (a) start to every file's diagnostics, no index cache (last of ${starts} starts) | ${seconds(startMs)} | ${ratio(startMs, yamlMs)} js-yaml | ≤ ${seconds(GOAL_START_MS)} | ${pass(startMs <= GOAL_START_MS)} |`);
  log(`| (a) server RSS when ready / peak | ${mb(readyRss)} / ${mb(peak)} | | ≤ ${GOAL_RSS_MB} MB | ${readyRss === undefined ? 'n/a' : pass(readyRss <= GOAL_RSS_MB * 2 ** 20)} |`);
  log(`| (b) typing: didChange to diagnostics, p50 / p95 | ${seconds(typedP50)} / ${seconds(typedP95)} | ${ratio(typedP50, analyzeMs)} / ${ratio(typedP95, analyzeMs)} analyzeText | p95 ≤ ${GOAL_TYPING_MS} ms | ${pass(typedP95 <= GOAL_TYPING_MS)} |`);
  log(`| (c) hover/completion/definition during the change, p95 | ${seconds(duringP95)} | ${ratio(duringP95, idleP95)} idle p95 (${seconds(idleP95)}) | ≤ ${GOAL_REQUEST_MS} ms | ${pass(duringP95 <= GOAL_REQUEST_MS)} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
