/**
 * Small promise-based wrappers over the editor's quick input, for steps that
 * need more than showInputBox/showQuickPick (live hints, free text in a
 * multi-pick). Escape resolves to undefined and leaves nothing behind.
 */
import * as vscode from 'vscode';

/** The step on screen (title and placeholder or prompt), so keybindings and tests can tell a prompt is up. */
let showing: { readonly title: string; readonly hint: string } | undefined;

export function currentPrompt(): { readonly title: string; readonly hint: string } | undefined {
  return showing;
}

function shown(title: string, hint: string): void {
  showing = { title, hint };
}

function gone(title: string): void {
  if (showing?.title === title) showing = undefined;
}

export interface TextStep {
  readonly title: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** An error (blocks accepting) or a hint (shown as information). */
  readonly check?: (value: string) => { error?: string; hint?: string };
}

export function askText(step: TextStep): Promise<string | undefined> {
  const input = vscode.window.createInputBox();
  input.title = step.title;
  input.prompt = step.prompt;
  input.placeholder = step.placeholder;
  input.value = step.value ?? '';
  input.ignoreFocusOut = true;
  const validate = (value: string): boolean => {
    const result = step.check?.(value) ?? {};
    if (result.error) input.validationMessage = { message: result.error, severity: vscode.InputBoxValidationSeverity.Error };
    else if (result.hint) input.validationMessage = { message: result.hint, severity: vscode.InputBoxValidationSeverity.Info };
    else input.validationMessage = undefined;
    return !result.error;
  };
  validate(input.value);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | undefined) => {
      if (settled) return;
      settled = true;
      gone(step.title);
      resolve(value);
      input.dispose();
    };
    input.onDidChangeValue(validate);
    input.onDidAccept(() => {
      if (validate(input.value)) finish(input.value);
    });
    input.onDidHide(() => finish(undefined));
    input.show();
    shown(step.title, step.prompt);
  });
}

export interface ManyStep<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly selected: readonly T[];
  /** An item for typed text that matches no item (free text allowed). */
  readonly fromText?: (text: string) => T;
}

/** A multi-pick; typed text that matches no item is added as its own item on accept. */
export function pickMany<T extends vscode.QuickPickItem>(step: ManyStep<T>): Promise<T[] | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = step.title;
  pick.placeholder = step.placeholder;
  pick.canSelectMany = true;
  pick.ignoreFocusOut = true;
  pick.items = step.items;
  pick.selectedItems = step.selected;
  // The first row has focus, as in a single pick, so arrow keys start from it.
  if (step.items.length > 0) pick.activeItems = [step.items[0]];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: T[] | undefined) => {
      if (settled) return;
      settled = true;
      gone(step.title);
      resolve(value);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const chosen = [...pick.selectedItems];
      const typed = pick.value.trim();
      if (typed && step.fromText) {
        for (const name of typed.split(',').map((part) => part.trim()).filter(Boolean)) {
          if (!step.items.some((item) => item.label.toLowerCase() === name.toLowerCase()) && !chosen.some((item) => item.label === name)) chosen.push(step.fromText(name));
          else {
            const known = step.items.find((item) => item.label.toLowerCase() === name.toLowerCase());
            if (known && !chosen.includes(known)) chosen.push(known);
          }
        }
      }
      finish(chosen);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
    shown(step.title, step.placeholder);
  });
}

export interface OneStep<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly (T | vscode.QuickPickItem)[];
  /** The item highlighted at first (Enter takes it). */
  readonly active?: T;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
  /** Item buttons, and what a click does (the pick stays open unless it returns true). */
  readonly onButton?: (item: T, button: vscode.QuickInputButton) => boolean | Promise<boolean>;
  /** Typed text that matches no item becomes this item (free text allowed). */
  readonly fromText?: (text: string) => T;
}

/** A single pick, with a first highlighted item, buttons and optional free text. */
export function pickOne<T extends vscode.QuickPickItem>(step: OneStep<T>): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T | vscode.QuickPickItem>();
  pick.title = step.title;
  pick.placeholder = step.placeholder;
  pick.matchOnDescription = step.matchOnDescription ?? false;
  pick.matchOnDetail = step.matchOnDetail ?? false;
  pick.ignoreFocusOut = true;
  pick.items = step.items;
  if (step.active) pick.activeItems = [step.active];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: T | undefined) => {
      if (settled) return;
      settled = true;
      gone(step.title);
      resolve(value);
      pick.dispose();
    };
    if (step.fromText) {
      const known = step.items;
      pick.onDidChangeValue((value) => {
        const typed = value.trim();
        const exact = known.some((item) => item.label.toLowerCase() === typed.toLowerCase());
        pick.items = typed && !exact ? [...known, step.fromText!(typed)] : known;
      });
    }
    pick.onDidAccept(() => finish(pick.activeItems[0] as T | undefined));
    pick.onDidTriggerItemButton(async (event) => {
      if (step.onButton && (await step.onButton(event.item as T, event.button))) finish(undefined);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
    shown(step.title, step.placeholder);
  });
}
