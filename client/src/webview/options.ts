/**
 * What both preview panels share on the VS Code side: their webview options (scripts on, local
 * resources only from media/, no command links), their icon, and the URIs of their media files.
 */
import * as vscode from 'vscode';

/** Anything with dispose(): VS Code's disposables and the language client's. */
export interface Disposable {
  dispose(): unknown;
}

export function disposeAll(disposables: Disposable[]): void {
  for (const disposable of disposables.splice(0)) disposable.dispose();
}

export const mediaUri = (extensionUri: vscode.Uri, ...file: string[]): vscode.Uri => vscode.Uri.joinPath(extensionUri, 'media', ...file);

/** Options of a preview's webview; also set again on a panel VS Code restores after a reload. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [mediaUri(extensionUri)] };
}

/** Options of a new preview panel: the webview's, plus find-in-page; the page is rebuilt when shown again. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { ...webviewOptions(extensionUri), enableFindWidget: true, retainContextWhenHidden: false };
}

export function previewIcon(extensionUri: vscode.Uri): { light: vscode.Uri; dark: vscode.Uri } {
  return { light: mediaUri(extensionUri, 'gpuplan-file-light.svg'), dark: mediaUri(extensionUri, 'gpuplan-file-dark.svg') };
}
