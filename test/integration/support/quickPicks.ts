// The quick picks the extension asks the workbench for through
// window.showQuickPick, seen as they are asked: the suite and the extension
// share one vscode API object, so a wrapper sees each call and passes it on
// unchanged. The workbench shows the real pick; a test answers it with the
// keyboard's commands, as a user does, and waits for the answer to arrive.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from './lens';
import { wait } from './response';

/** Time for the workbench to draw a quick pick once it is asked for. */
const SHOWN_MS = 300;

interface Asked {
  readonly title: string;
  readonly items: Promise<readonly vscode.QuickPickItem[]>;
  answered: boolean;
}

export class QuickPicks implements vscode.Disposable {
  private readonly asked: Asked[] = [];
  private readonly window = vscode.window as unknown as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
  private readonly original = this.window.showQuickPick;

  constructor() {
    this.window.showQuickPick = (...args: unknown[]) => {
      const [items, options] = args as [readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, vscode.QuickPickOptions | undefined];
      const asked: Asked = { title: options?.title ?? '', items: Promise.resolve(items), answered: false };
      this.asked.push(asked);
      const answer = this.original.apply(vscode.window, args);
      void Promise.resolve(answer).finally(() => (asked.answered = true));
      return answer;
    };
  }

  /** Waits until a pick with this title is on screen; its items, in order. */
  async shown(title: string): Promise<readonly vscode.QuickPickItem[]> {
    const asked = await eventually(() => {
      const open = this.asked.find((candidate) => candidate.title === title && !candidate.answered);
      assert.ok(open, `no quick pick "${title}" is open; asked so far: ${this.asked.map((candidate) => `"${candidate.title}"`).join(', ') || 'none'}`);
      return open;
    }, 15_000);
    await wait(SHOWN_MS);
    return asked.items;
  }

  /** Enter on the focused row of the pick with this title; waits until the extension has the answer. */
  async accept(title: string): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await eventually(() => assert.ok(this.asked.some((candidate) => candidate.title === title && candidate.answered), `"${title}" was not answered`));
  }

  dispose(): void {
    this.window.showQuickPick = this.original;
  }
}
