/**
 * Quick fixes and fix-all, computed from the server's own analysis of the current text: the
 * request's range selects the findings, and the client's diagnostics (when it sends them) only
 * narrow the choice to their codes.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import { t, type ServerContext } from '../context';
import { toCodeAction, toDiagnostic } from '../convert';

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params: CodeActionParams): CodeAction[] | null => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = context.store.analysisOf(document);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      const start = document.offsetAt(params.range.start);
      const span = { offset: start, length: document.offsetAt(params.range.end) - start };
      const echoed = params.context.diagnostics.filter((d) => d.source === 'gpuplan').map((d) => String(d.code));
      const fixes = context.service.fixesAt(analysis, span, echoed.length > 0 ? echoed : undefined);
      const diagnosticOf = new Map<object, Diagnostic>();
      const fixAllOffered = new Set<string>();
      for (const { finding, fix } of fixes) {
        let diagnostic = diagnosticOf.get(finding);
        if (!diagnostic) diagnosticOf.set(finding, (diagnostic = toDiagnostic(document, finding)));
        actions.push(toCodeAction(document, fix, [diagnostic]));
        // "Fix all of this kind" when more than one finding of the code has a combinable fix.
        if (fix.fixAll && !fixAllOffered.has(finding.code)) {
          fixAllOffered.add(finding.code);
          const all = context.service.fixAllOfCode(analysis, finding.code);
          if (all) actions.push(toCodeAction(document, all, []));
        }
      }
    }
    if (only?.some((kind) => kind === CodeActionKind.SourceFixAll || kind === CodeActionKind.Source)) {
      const result = context.service.fixAll(analysis);
      if (result.edits.length > 0) {
        const action = toCodeAction(document, { code: 'fix-all', title: t(context, 'Fix all automatically fixable gpuplan problems'), edits: result.edits, fixAll: true, preferred: false }, []);
        action.kind = CodeActionKind.SourceFixAll;
        actions.push(action);
      }
    }
    return actions;
  });
}
