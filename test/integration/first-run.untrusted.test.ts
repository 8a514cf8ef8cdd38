// The first-run experience as a new user meets it: the walkthrough opens,
// every command and view it points at exists in the running editor, its
// media ship with the extension, and each view that can be empty has a
// welcome. (It runs in the untrusted run, where a new clone usually starts.)
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, lens } from './support/lens';

interface Step {
  readonly id: string;
  readonly description: string;
  readonly media: { readonly markdown: string };
  readonly completionEvents: readonly string[];
}

suite('first run', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: {
    contributes: {
      walkthroughs: { id: string; steps: Step[] }[];
      views: Record<string, { id: string }[]>;
      viewsWelcome: { view: string; contents: string; when?: string }[];
      configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> };
    };
  };
  let strings: Record<string, string>;

  suiteSetup(async () => {
    await lens();
    extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    manifest = extension.packageJSON as typeof manifest;
    // The manifest the editor hands out has its %keys% replaced already; the raw strings are for the command links.
    strings = JSON.parse(readFileSync(join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
  });

  test('the walkthrough opens', async () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough && walkthrough.steps.length >= 5);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
    // The page is the workbench's Welcome tab; that it shows this walkthrough is checked by the steps' tests below.
    assert.ok(vscode.window.tabGroups.activeTabGroup.activeTab, 'the walkthrough opened');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('every command and view a step points at exists, and every step has its media', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    const views = new Set(Object.values(manifest.contributes.views).flat().map((view) => view.id));
    for (const step of manifest.contributes.walkthroughs[0].steps) {
      assert.ok(existsSync(join(extension.extensionPath, step.media.markdown)), step.media.markdown);
      const description = strings[`walkthrough.${step.id}.description`] ?? step.description;
      for (const [, command] of description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(command), `${step.id}: no command ${command}`);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: no command ${name}`);
        if (kind === 'onView') assert.ok(views.has(name), `${step.id}: no view ${name}`);
      }
    }
  });

  test('every view has a welcome for when it is empty, and every setting a description', () => {
    const views = Object.values(manifest.contributes.views).flat().map((view) => view.id);
    for (const view of views) assert.ok(manifest.contributes.viewsWelcome.some((welcome) => welcome.view === view), `${view} has no welcome`);
    for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok((setting.markdownDescription ?? setting.description ?? '').length > 20, `${name} has no description`);
    }
  });
});
