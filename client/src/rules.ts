/**
 * From a squiggle to its rule. Each diagnostic's code links to the rule's page (the server sets
 * `codeDescription.href` from the address given here at initialize): an
 * `<editor scheme>://gpuplan.gpuplan/rule/<code>` URI that VS Code hands to this extension's URI
 * handler, which opens the page shipped in the extension (docs/rules/<code>.md) as a Markdown
 * preview, inside the editor. (`vscode.env.uriScheme` is "vscode" in VS Code, "code-oss" in
 * code-server: the address follows the editor.)
 *
 * And "Turn off this rule", which the server offers in the light bulb (as a client command): writes `"<code>": "off"` into `gpuplan.rules` at the
 * scope the user picks (user, workspace, or the plan's folder), keeping the other rules' levels.
 */
import * as vscode from 'vscode';
import { ClientCommands } from '../../shared/src/protocol';

const t = vscode.l10n.t;
export const OPEN_RULE_COMMAND = 'gpuplan.openRule';
export const TURN_OFF_RULE_COMMAND = ClientCommands.turnOffRule;

/** The rule pages' address for the server (`ClientOptions.ruleDocs`), with `{code}`. */
export function ruleDocsAddress(context: vscode.ExtensionContext): string {
  return `${vscode.env.uriScheme}://${context.extension.id}/rule/{code}`;
}

/** The codes `gpuplan.rules` takes: the properties of the setting this extension contributes. */
function ruleCodes(context: vscode.ExtensionContext): ReadonlySet<string> {
  const json = context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, unknown> }> } } };
  return new Set(Object.keys(json.contributes?.configuration?.properties?.['gpuplan.rules']?.properties ?? {}));
}

/** Opens a rule's page, shipped in the extension, as a Markdown preview. */
export async function openRule(context: vscode.ExtensionContext, code: unknown): Promise<boolean> {
  if (typeof code !== 'string' || !ruleCodes(context).has(code)) {
    void vscode.window.showWarningMessage(t('gpuplan has no rule named "{0}".', String(code)));
    return false;
  }
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${code}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return true;
}

type Scope = 'user' | 'workspace' | 'folder';

interface ScopePick extends vscode.QuickPickItem {
  readonly scope: Scope;
}

function scopePicks(uri: vscode.Uri | undefined): ScopePick[] {
  const picks: ScopePick[] = [{ scope: 'user', label: `$(account) ${t('User settings')}` }];
  if (vscode.workspace.workspaceFolders?.length) {
    picks.push({ scope: 'workspace', label: `$(root-folder) ${t('Workspace settings')}` });
  }
  const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
  if (folder && vscode.workspace.workspaceFile) {
    picks.push({ scope: 'folder', label: `$(folder) ${t('Folder settings')}`, description: folder.name });
  }
  return picks;
}

const TARGET: Record<Scope, vscode.ConfigurationTarget> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  folder: vscode.ConfigurationTarget.WorkspaceFolder,
};

/**
 * `gpuplan.turnOffRule <code> [plan uri] [scope]`: without a scope it asks. Returns the scope
 * written, or undefined when nothing was written.
 */
export async function turnOffRule(context: vscode.ExtensionContext, code: unknown, uriArg?: unknown, scopeArg?: unknown): Promise<Scope | undefined> {
  if (typeof code !== 'string' || !ruleCodes(context).has(code)) return undefined;
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
  const picks = scopePicks(uri);
  let scope: Scope | undefined = picks.find((p) => p.scope === scopeArg)?.scope;
  if (!scope) {
    const picked = await vscode.window.showQuickPick(picks, {
      title: t('Turn off rule {0}', code),
      placeHolder: t('Where should gpuplan stop reporting it?'),
    });
    scope = picked?.scope;
  }
  if (!scope) return undefined;
  const config = vscode.workspace.getConfiguration('gpuplan', scope === 'folder' ? uri : undefined);
  const inspected = config.inspect<Record<string, unknown>>('rules');
  const current = scope === 'user' ? inspected?.globalValue : scope === 'workspace' ? inspected?.workspaceValue : inspected?.workspaceFolderValue;
  const rules = { ...(current ?? {}), [code]: 'off' };
  try {
    await config.update('rules', rules, TARGET[scope]);
  } catch (error) {
    void vscode.window.showErrorMessage(t('The setting could not be written: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  void vscode.window.showInformationMessage(t('gpuplan no longer reports {0} (gpuplan.rules).', code));
  return scope;
}

export function registerRules(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_RULE_COMMAND, (code: unknown) => openRule(context, code)),
    vscode.commands.registerCommand(TURN_OFF_RULE_COMMAND, (code: unknown, uri?: unknown, scope?: unknown) => turnOffRule(context, code, uri, scope)),
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        const match = /^\/rule\/([^/]+)$/.exec(uri.path);
        if (match) void openRule(context, decodeURIComponent(match[1]));
      },
    }),
  );
}
