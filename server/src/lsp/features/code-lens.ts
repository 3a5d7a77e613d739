/** The amount at `gpu` and at `gpuPlan.copayment`, e.g. 민간부담금 38,400,000원 (H200 3,200,000원 × 2대 × 6개월). */
import { SHOW_COST_PREVIEW_COMMAND } from '../../../../shared/src/protocol';
import type { ServerContext } from '../context';
import { rangeOf } from '../convert';

export function registerCodeLens(context: ServerContext): void {
  context.connection.onCodeLens((params) => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document) return null;
    return context.service.codeLenses(context.store.analysisOf(document), context.locale()).map((lens) => ({
      range: rangeOf(document, lens.offset, lens.length),
      command: { title: lens.title, command: SHOW_COST_PREVIEW_COMMAND, arguments: [document.uri] },
    }));
  });
}
