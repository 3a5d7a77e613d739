/**
 * Writing a GPU request (type, servers, months) into a plan as one minimal edit. A declared
 * 민간부담금 (gpuPlan.copayment) is rewritten with the figures of the new request, so the file
 * stays consistent. Used by the cost preview's what-if "apply" button.
 */
import { applyEdits as applyJsonEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { computeCost } from '../cost';
import { nodeAt } from '../json/tree';
import { parseDocument, type ParsedDocument } from '../json/parse';
import type { OffsetEdit } from '../fixes';
import type { GpuType, Plan } from '../plan/types';
import { indentUnit } from './insertion';

export interface GpuRequestValues {
  readonly type: GpuType;
  readonly servers: number;
  readonly months: number;
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(before: string, after: string): OffsetEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, newText: after.slice(start, endAfter) };
}

export function gpuRequestEdit(doc: ParsedDocument, request: GpuRequestValues): OffsetEdit | undefined {
  if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value) || doc.syntaxErrors.length > 0) return undefined;
  const unit = indentUnit(doc.text);
  const formattingOptions: FormattingOptions = { insertSpaces: !unit.includes('\t'), tabSize: unit.includes('\t') ? 1 : unit.length, eol: doc.text.includes('\r\n') ? '\r\n' : '\n' };
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
