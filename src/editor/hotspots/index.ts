/** Hotspots in the editor: Explorer badges, marks on linked lines, hover, CodeLens, the Hotspots view. */
import * as vscode from 'vscode';
import type { IncidentWorkspace } from '../incidentWorkspace';
import { HotspotEditorMarks, SHOW_FILE_INCIDENTS } from './editorMarks';
import { HotspotDecorations } from './fileDecorations';
import { HotspotsService } from './hotspotsService';
import { HotspotsView } from './hotspotsView';
import { linkSelectionToIncident } from './linkSelection';

export interface HotspotsFeature {
  readonly service: HotspotsService;
  readonly decorations: HotspotDecorations;
  readonly view: HotspotsView;
}

export function registerHotspots(context: vscode.ExtensionContext, workspace: IncidentWorkspace, note: (message: string) => void): HotspotsFeature {
  const service = new HotspotsService(workspace, context.storageUri, note);
  const decorations = new HotspotDecorations(service);
  const marks = new HotspotEditorMarks(service, workspace, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const view = new HotspotsView(service);
  const treeView = vscode.window.createTreeView('incidentLens.hotspots', { treeDataProvider: view });
  view.view = treeView;
  const files: vscode.DocumentSelector = [{ scheme: 'file' }];
  context.subscriptions.push(
    service,
    decorations,
    marks,
    view,
    treeView,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.languages.registerHoverProvider(files, marks),
    vscode.languages.registerCodeLensProvider(files, marks),
    vscode.commands.registerCommand(SHOW_FILE_INCIDENTS, (uri?: vscode.Uri) => marks.showFileIncidents(uri)),
    vscode.commands.registerCommand('incidentLens.linkSelection', () => linkSelectionToIncident(workspace)),
    vscode.commands.registerCommand('incidentLens.filterHotspots', () => view.chooseFilter()),
    vscode.commands.registerCommand('incidentLens.refreshHotspots', () => service.refreshAll()),
  );
  return { service, decorations, view };
}
