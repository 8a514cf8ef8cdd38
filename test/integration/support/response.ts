// Steps shared by the incident response tests: drive the real quick input,
// keep the example incidents as they were, and read what the views show.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Outcome } from '../../../src/editor/response/commandIds';
import { onTestDay } from './day';
import { closeAll, eventually, lens, uriOf } from './lens';

export const ACTIVE_018 = onTestDay('incidents/2026-11-25-checkout-errors-eu-west.md');
export const MONITORING_017 = onTestDay('incidents/2026-11-24-search-latency-after-cache-key-change.md');
export const REVIEWED_014 = onTestDay('incidents/2026-09-22-checkout-latency-cache-ttl.md');

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Time for the workbench to draw a quick input once it is shown. */
const SHOWN_MS = 300;

async function promptTitle(): Promise<string | undefined> {
  return (await lens()).response.prompt()?.title;
}

/** The real quick input, answered as a keyboard user would. */
export const ui = {
  /** Waits until a response prompt whose title matches is on screen. */
  async shown(title: RegExp = /./): Promise<void> {
    await eventually(async () => assert.match((await promptTitle()) ?? '(no prompt)', title), 15_000);
    await wait(SHOWN_MS);
  },
  /** The workbench's own quick open (the command palette), which has no title to wait for. */
  async palette(text: string): Promise<void> {
    void vscode.commands.executeCommand('workbench.action.quickOpen', text);
    await wait(1_500);
  },
  async next(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await wait(100);
  },
  async toggle(): Promise<void> {
    await vscode.commands.executeCommand('quickInput.toggleCheckbox');
    await wait(100);
  },
  /** Enter; waits until the prompt on screen has gone (or a next one is up). */
  async accept(): Promise<void> {
    const before = await promptTitle();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    if (before !== undefined) await eventually(async () => assert.notEqual(await promptTitle(), before), 10_000).catch(() => undefined);
    await wait(100);
  },
  async escape(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await wait(200);
  },
};

/** Runs a command without waiting, so the test can answer its prompts; the promise is its outcome. */
export function start(command: string, ...args: unknown[]): Promise<Outcome> {
  return Promise.resolve(vscode.commands.executeCommand<Outcome>(command, ...args));
}

export async function run(command: string, ...args: unknown[]): Promise<Outcome> {
  const outcome = await vscode.commands.executeCommand<Outcome>(command, ...args);
  assert.ok(outcome, `${command} returned an outcome`);
  return outcome;
}

export async function read(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(path)));
}

/** Remembers files as they are and puts them back (the other suites expect the example as shipped). */
export class Snapshot {
  private readonly texts = new Map<string, string>();

  async keep(...paths: string[]): Promise<void> {
    for (const path of paths) this.texts.set(path, await read(path));
  }

  async restore(): Promise<void> {
    await closeAll();
    let wrote = false;
    for (const [path, text] of this.texts) {
      if ((await read(path)) === text) continue;
      await vscode.workspace.fs.writeFile(uriOf(path), new TextEncoder().encode(text));
      wrote = true;
    }
    // The index batches file events for 250 ms; let it catch up before the next test reads it.
    if (wrote) await wait(700);
  }
}

export async function incidentFiles(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(uriOf('incidents'))).map(([name]) => name).sort();
}

/** The example workspace ships ten incidents. */
export const EXAMPLE_INCIDENTS = 10;

/**
 * Other suites write and delete incident files; re-reads the folder so these
 * tests see the example as shipped.
 */
export async function settleOnExample(): Promise<void> {
  const api = await lens();
  await vscode.commands.executeCommand('incidentLens.refresh');
  await eventually(() => assert.equal(api.workspace.all().flatMap((state) => state.index.incidents()).length, EXAMPLE_INCIDENTS), 15_000);
  api.response.incidents.refreshNow();
  api.response.followUps.refresh(true);
}
