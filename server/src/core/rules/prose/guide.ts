/** Guide text and placeholders of the form left in a string. */
import { TEMPLATE_GUIDE_PATTERNS } from '../../figures';
import type { Hit } from './strings';

/**
 * The patterns of one family as a single alternation with a capture group per pattern, so that
 * a string is scanned once whatever the number of patterns; the group that matched names it.
 */
function combine<T extends { readonly id: string; readonly pattern: RegExp }>(patterns: readonly T[]): { readonly regex: RegExp; readonly ids: readonly string[] } {
  return { regex: new RegExp(patterns.map((p) => `(${p.pattern.source})`).join('|'), 'gu'), ids: patterns.map((p) => p.id) };
}

const GUIDE = combine(TEMPLATE_GUIDE_PATTERNS.value);
export const GUIDE_ANYWHERE = new RegExp(GUIDE.regex.source, 'u');

export function guideHits(value: string): readonly Hit[] {
  const hits: Hit[] = [];
  GUIDE.regex.lastIndex = 0;
  for (let match = GUIDE.regex.exec(value); match; match = GUIDE.regex.exec(value)) {
    hits.push({ start: match.index, text: match[0], kind: GUIDE.ids[match.slice(1).findIndex((group) => group !== undefined)] });
  }
  return hits;
}
