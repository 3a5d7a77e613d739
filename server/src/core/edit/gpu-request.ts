/**
 * Writing a GPU request (type, servers, months) into a plan as one minimal edit. A declared
 * 민간부담금 (gpuPlan.copayment) is rewritten with the figures of the new request, so the file
 * stays consistent. Used by the cost preview's what-if "apply" button.
 */
import { applyEdits as applyJsonEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { computeCost } from '../cost/cost';
import { nodeAt } from '../json/tree';
import { parseDocument, type ParsedDocument } from '../json/parse';
import { minimalEdit, type OffsetEdit } from './fix';
import type { GpuType, Plan } from '../plan/types';
import { indentUnit } from './insertion';

export interface GpuRequestValues {
  readonly type: GpuType;
  readonly servers: number;
  readonly months: number;
}

export function gpuRequestEdit(doc: ParsedDocument, request: GpuRequestValues): OffsetEdit | undefined {
  if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value) || doc.syntaxErrors.length > 0) return undefined;
  const unit = indentUnit(doc.text);
  const formattingOptions: FormattingOptions = {
    insertSpaces: !unit.includes('\t'),
    tabSize: unit.includes('\t') ? 1 : unit.length,
    eol: doc.text.includes('\r\n') ? '\r\n' : '\n',
  };
  let text = doc.text;
  const set = (path: (string | number)[], value: unknown) => {
    text = applyJsonEdits(text, modify(text, path, value, { formattingOptions }));
  };
  set(['gpu', 'type'], request.type);
  set(['gpu', 'servers'], request.servers);
  set(['gpu', 'months'], request.months);
  if (nodeAt(doc.root, ['gpuPlan', 'copayment'])?.type === 'object') {
    const cost = computeCost(parseDocument(text).value as Plan);
    if (cost.complete) {
      set(['gpuPlan', 'copayment', 'unitPriceWon'], cost.unitPriceWon);
      set(['gpuPlan', 'copayment', 'servers'], cost.servers);
      set(['gpuPlan', 'copayment', 'months'], cost.months);
      set(['gpuPlan', 'copayment', 'totalWon'], cost.baseWon);
    }
  }
  return text === doc.text ? undefined : minimalEdit(doc.text, text);
}
