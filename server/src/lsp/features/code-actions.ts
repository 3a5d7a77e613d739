/**
 * Quick fixes and fix-all, computed from the server's own analysis of the current text.
 *
 * - The request's range selects the findings. The client's diagnostics (when it sends them)
 *   only narrow the choice to their codes, and only when a finding in the range has one of
 *   them: an echo with other columns (Neovim 0.7 echoes byte columns after Hangul) or no echo at
 *   all (ALE) still gets the fixes of the range.
 * - Fixes are applied through the server command `gpuplan.applyFix`: the client runs it with
 *   workspace/executeCommand, the server checks that the document is still at the version the
 *   fix was offered for, recomputes the fix from its current analysis and sends the edit with
 *   workspace/applyEdit. A fix for a stale version is refused by the server, whatever the client
 *   checks itself. A client that cannot apply edits for the server gets the edit in the action.
 * - A client without CodeAction literals gets Command[]; edits are versioned documentChanges
 *   when the client takes them, else `changes`.
 * - Fixes that use snippets go to the client command `gpuplan.applySnippet` (or
 *   `gpuplan.insertSection`) when the client declared it (initializationOptions.clientCommands);
 *   otherwise they are plain edits with the placeholders' default text.
 */
import {
  CodeActionKind,
  MessageType,
  ResponseError,
  ErrorCodes,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type ExecuteCommandParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isRuleCode, type Analysis, type Finding, type Fix, type OffsetEdit } from '../../core';
import { ClientCommands, type ApplySnippetArgs } from '../../../../shared/src/protocol';
import { t, type ServerContext } from '../context';
import { rangeOf, toTextEdit } from '../convert';
import { shownDiagnostic } from './diagnostics';
import { plainInsertion } from '../snippets';

/** The server command that applies a fix after checking the document's version. */
export const APPLY_FIX_COMMAND = 'gpuplan.applyFix';

/** Which fix: of one finding (by its place and the fix's index), all of a code, or all. */
export type FixRef =
  | { readonly kind: 'finding'; readonly code: string; readonly offset: number; readonly length: number; readonly index: number }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'all' };

export interface ApplyFixArgs {
  readonly uri: string;
  /** The document version the fix was offered for. */
  readonly version: number;
  readonly title: string;
  readonly fix: FixRef;
}

export interface ApplyFixResult {
  readonly applied: boolean;
  /** Why not, in the UI language. */
  readonly reason?: string;
}

interface Offer {
  readonly title: string;
  readonly kind: string;
  readonly ref: FixRef;
  readonly fix: Fix;
  readonly diagnostics: Diagnostic[];
  readonly preferred: boolean;
}

const lineIndentAt = (text: string, offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0] ?? '';
const indentUnitOf = (text: string) => /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';

export function registerCodeActions(context: ServerContext): void {
  const { connection, documents, service, store } = context;

  /** The fix that a reference names in an analysis (undefined when it is gone). */
  function resolve(analysis: Analysis, ref: FixRef): Fix | undefined {
    if (ref.kind === 'finding') {
      const finding = analysis.findings.find((f) => f.code === ref.code && f.offset === ref.offset && f.length === ref.length);
      return finding ? service.fixesOf(analysis, finding)[ref.index] : undefined;
    }
    if (ref.kind === 'code') return service.fixAllOfCode(analysis, ref.code);
    const result = service.fixAll(analysis);
    return result.edits.length > 0 ? { code: 'fix-all', title: fixAllTitle(), edits: result.edits, fixAll: true, preferred: false } : undefined;
  }

  const fixAllTitle = () => t(context, 'Fix all automatically fixable gpuplan problems');

  /** The plain edits of a fix for this client: snippets and insertions as their default text. */
  function editsOf(document: TextDocument, analysis: Analysis, fix: Fix): OffsetEdit[] | undefined {
    const text = document.getText();
    if (fix.edits) return [...fix.edits];
    if (fix.snippet)
      return [
        {
          offset: fix.snippet.offset,
          length: fix.snippet.length,
          newText: plainInsertion(fix.snippet.text, lineIndentAt(text, fix.snippet.offset), indentUnitOf(text)),
        },
      ];
    if (fix.insertSection) {
      const insertion = service.insertion(analysis, fix.insertSection.parentPath, fix.insertSection.key);
      if (insertion?.kind !== 'insert') return undefined;
      // The insertion's snippet is already indented for its place; tabs do not occur in it.
      return [{ offset: insertion.offset, length: 0, newText: plainInsertion(insertion.snippet, '', indentUnitOf(text)) }];
    }
    return undefined;
  }

  function workspaceEdit(document: TextDocument, edits: readonly OffsetEdit[]): WorkspaceEdit {
    const textEdits = edits.map((e) => toTextEdit(document, e));
    return context.client().documentChanges
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] }
      : { changes: { [document.uri]: textEdits } };
  }

  /** The code action (or command) that applies one offer, or undefined when this client cannot. */
  function actionOf(document: TextDocument, analysis: Analysis, offer: Offer): CodeAction | Command | undefined {
    const client = context.client();
    let command: Command | undefined;
    let edit: WorkspaceEdit | undefined;
    if (offer.fix.snippet && client.clientCommands.has(ClientCommands.applySnippet)) {
      const args: ApplySnippetArgs = {
        uri: document.uri,
        version: document.version,
        range: rangeOf(document, offer.fix.snippet.offset, offer.fix.snippet.length),
        snippet: offer.fix.snippet.text,
      };
      command = { title: offer.title, command: ClientCommands.applySnippet, arguments: [args] };
    } else if (offer.fix.insertSection && client.clientCommands.has(ClientCommands.insertSection)) {
      command = {
        title: offer.title,
        command: ClientCommands.insertSection,
        arguments: [document.uri, offer.fix.insertSection.parentPath, offer.fix.insertSection.key],
      };
    } else if (client.applyEdit) {
      const args: ApplyFixArgs = { uri: document.uri, version: document.version, title: offer.title, fix: offer.ref };
      command = { title: offer.title, command: APPLY_FIX_COMMAND, arguments: [args] };
    } else if (client.codeActionLiterals) {
      const edits = editsOf(document, analysis, offer.fix);
      if (!edits) return undefined;
      edit = workspaceEdit(document, edits);
    } else {
      return undefined;
    }
    if (!client.codeActionLiterals) return command;
    return {
      title: offer.title,
      kind: offer.kind,
      ...(offer.diagnostics.length ? { diagnostics: offer.diagnostics } : {}),
      ...(offer.preferred ? { isPreferred: true } : {}),
      ...(edit ? { edit } : {}),
      ...(command ? { command } : {}),
    };
  }

  connection.onCodeAction((params: CodeActionParams, token: CancellationToken): Array<CodeAction | Command> | null => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = store.analysisOf(document);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const offers: Offer[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      const start = document.offsetAt(params.range.start);
      const span = { offset: start, length: Math.max(0, document.offsetAt(params.range.end) - start) };
      const inRange = service.fixesAt(analysis, span);
      const echoed = new Set(params.context.diagnostics.filter((d) => d.source === 'gpuplan' && d.code !== undefined).map((d) => String(d.code)));
      const narrowed = inRange.filter(({ finding }) => echoed.has(finding.code));
      const fixes = narrowed.length > 0 ? narrowed : inRange;
      const diagnosticOf = new Map<Finding, Diagnostic>();
      const perFinding = new Map<Finding, number>();
      const fixAllOffered = new Set<string>();
      for (const { finding, fix } of fixes) {
        let diagnostic = diagnosticOf.get(finding);
        if (!diagnostic) diagnosticOf.set(finding, (diagnostic = shownDiagnostic(context, document, analysis, finding)));
        // fixesAt lists each finding's fixes in order: the count so far is this fix's index.
        const index = perFinding.get(finding) ?? 0;
        perFinding.set(finding, index + 1);
        offers.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          ref: { kind: 'finding', code: finding.code, offset: finding.offset, length: finding.length, index },
          fix,
          diagnostics: [diagnostic],
          preferred: fix.preferred,
        });
        // "Fix all of this kind" when more than one finding of the code has a combinable fix.
        if (fix.fixAll && !fixAllOffered.has(finding.code)) {
          fixAllOffered.add(finding.code);
          const all = service.fixAllOfCode(analysis, finding.code);
          if (all)
            offers.push({
              title: all.title,
              kind: CodeActionKind.QuickFix,
              ref: { kind: 'code', code: finding.code },
              fix: all,
              diagnostics: [],
              preferred: false,
            });
        }
      }
    }
    if (token.isCancellationRequested) return null;
    // Fix-all: asked for by kind (VS Code's Source Action, fix on save), and offered in the plain
    // list too, so editors without a source-action menu reach it. With the server command it is
    // computed when it is applied; otherwise now.
    const explicit = only?.some((kind) => kind === CodeActionKind.SourceFixAll || kind === CodeActionKind.Source) ?? false;
    const listed = !only && offers.length > 0;
    if (explicit || listed) {
      const client = context.client();
      const lazy = client.applyEdit;
      const fix: Fix | undefined = lazy
        ? analysis.findings.some((f) => service.fixesOf(analysis, f).some((x) => x.fixAll && x.preferred && x.edits?.length))
          ? { code: 'fix-all', title: fixAllTitle(), fixAll: true, preferred: false }
          : undefined
        : resolve(analysis, { kind: 'all' });
      if (fix) offers.push({ title: fixAllTitle(), kind: CodeActionKind.SourceFixAll, ref: { kind: 'all' }, fix, diagnostics: [], preferred: false });
    }
    const actions = offers.map((offer) => actionOf(document, analysis, offer)).filter((a): a is CodeAction | Command => a !== undefined);
    if (wants(CodeActionKind.QuickFix)) actions.push(...turnOffActions(params));
    return actions;
  });

  /**
   * "Turn off this rule" for each rule among the diagnostics the client sent, once per rule, last
   * in the light bulb: for a client that implements the command (it asks where to write it).
   */
  function turnOffActions(params: CodeActionParams): CodeAction[] {
    const client = context.client();
    if (!client.codeActionLiterals || !client.clientCommands.has(ClientCommands.turnOffRule)) return [];
    const seen = new Set<string>();
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const code = diagnostic.source === 'gpuplan' && diagnostic.code !== undefined ? String(diagnostic.code) : '';
      if (!isRuleCode(code) || seen.has(code)) continue;
      seen.add(code);
      const title = t(context, 'Turn off this rule ({0})', code);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: ClientCommands.turnOffRule, arguments: [code, params.textDocument.uri] },
      });
    }
    return actions;
  }

  connection.onExecuteCommand(async (params: ExecuteCommandParams): Promise<ApplyFixResult | null> => {
    if (params.command !== APPLY_FIX_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}.`);
    // From the client: checked before it is read as ApplyFixArgs.
    const raw = params.arguments?.[0] as { readonly [K in keyof ApplyFixArgs]?: unknown } | undefined;
    if (!raw || typeof raw.uri !== 'string' || typeof raw.version !== 'number' || typeof raw.fix !== 'object' || raw.fix === null) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${APPLY_FIX_COMMAND}: expected { uri, version, title, fix }.`);
    }
    const args = raw as ApplyFixArgs;
    const refuse = (reason: string): ApplyFixResult => {
      void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: reason });
      return { applied: false, reason };
    };
    const document = documents.get(args.uri);
    if (!document) return refuse(t(context, 'The plan is not open any more; the fix was not applied.'));
    if (document.version !== args.version)
      return refuse(t(context, 'The plan changed since this fix was offered, so it was not applied. Ask for the fixes again.'));
    const analysis = store.analysisOf(document);
    const fix = resolve(analysis, args.fix);
    const edits = fix ? editsOf(document, analysis, fix) : undefined;
    if (!fix || !edits || edits.length === 0) return refuse(t(context, 'This fix no longer applies to the plan; it was not applied.'));
    try {
      const result = await connection.workspace.applyEdit({ label: fix.title, edit: workspaceEdit(document, edits) });
      return result.applied ? { applied: true } : { applied: false, ...(result.failureReason ? { reason: result.failureReason } : {}) };
    } catch (error) {
      // The client declined (eglot asks the user first) or failed: nothing was changed.
      return { applied: false, reason: error instanceof Error ? error.message : String(error) };
    }
  });
}
