// The first-run experience as a new user meets it: the walkthrough opens,
// every command and view it points at exists in the running editor, its
// media ship with the extension, and each view that can be empty has a
// welcome. (It runs in the untrusted run, where a new clone usually starts.)
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, lens } from './support/lens';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown: string };
  readonly completionEvents: readonly string[];
}

suite('first run', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: {
    contributes: {
      walkthroughs: { id: string; title: string; steps: Step[] }[];
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

  test('the walkthrough opens in front, on the Welcome page, with the title and steps a new user reads', async () => {
    // What the Welcome page renders: the manifest as the running editor read it, its %keys% replaced.
    // The page itself is the workbench's, out of the extension host's reach: test/e2e/journey.e2e.mjs reads it.
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.id, 'incidentLens.firstIncident');
    assert.equal(walkthrough.title, 'Your first incident with Incident Lens');
    assert.deepEqual(
      walkthrough.steps.map((step) => [step.id, step.title]),
      [
        ['repository', 'Keep incidents in your repository'],
        ['declare', 'Declare your first incident'],
        ['timeline', 'Capture the timeline'],
        ['status', 'Mitigate, resolve, hand over'],
        ['review', 'Hold a blameless review'],
        ['follow-ups', 'Follow up'],
        ['learn', 'Learn across incidents'],
      ],
    );
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const before = tabs().length;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
    await eventually(() => assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'Welcome', 'the walkthrough is the tab in front'));
    assert.equal(tabs().length, before + 1, 'in a tab of its own');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(tabs().length, before);
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
