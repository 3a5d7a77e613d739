/** Acronyms in prose, and the ones a text writes with their full name. */
import { isLowerOrHangul, isUpper, isWhiteSpace, isWordChar, touchesAcronym } from './chars';
import type { Hit } from './strings';

/** Acronyms so common in this form that nobody spells them out. Users may add more in settings. */
export const DEFAULT_ABBREVIATION_ALLOWLIST: readonly string[] = [
  'AI', 'GPU', 'CPU', 'NPU', 'API', 'URL', 'IT', 'ICT', 'SW', 'HW', 'DB', 'PDF', 'HWP', 'JSON', 'MIT', 'BSD', 'CC',
  'KCI', 'NTIS', 'KISS', 'CEO', 'CTO', 'PM', 'QA', 'UI', 'UX', 'ID', 'OS', 'PC', 'HBM', 'GB', 'TB', 'PB', 'MB', 'KB', 'NVIDIA',
];

const CAPITAL_PAIR = /[A-Z][A-Z]/;

/** Whether nothing at text[i] (before `to`) touches an acronym that ends there. */
const isFree = (text: string, i: number, to: number): boolean => i >= to || !touchesAcronym(text.charCodeAt(i));

/**
 * The acronyms of text[from, to), in order, as the pattern
 * `(?<![A-Za-z0-9&])([A-Z]{2,})s?(?![A-Za-z0-9&])` finds them in that slice: a run of two or
 * more capitals, maybe with a plural "s", touching no letter, digit or "&". Read with character
 * codes, no match objects; `visit` gets each one's offsets and may return true to stop. The
 * reading may begin later than `from` (where a first capital is known to be) with the same result.
 */
export function forEachAcronym(text: string, from: number, to: number, visit: (start: number, end: number) => boolean | void, begin = from): void {
  for (let i = begin; i < to; ) {
    if (!isUpper(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && isUpper(text.charCodeAt(end))) end++;
    if (end - i >= 2 && (i === from || !touchesAcronym(text.charCodeAt(i - 1))) && (isFree(text, end, to) || (text.charCodeAt(end) === 0x73 && isFree(text, end + 1, to)))) {
      if (visit(i, end)) return;
    }
    i = end;
  }
}

/**
 * The acronyms that the parenthetical text[open] = "(" … text[close] = ")" spells out, with the
 * word before it: `LLM(Large Language Model)` or `대규모 언어모델(LLM)`. Read in place, with
 * character codes; most parentheticals have no two capitals in a row, inside (the caller has
 * just read it) or just before, and end there.
 */
function addDefinitions(text: string, open: number, close: number, capitalPairInside: boolean, defined: Set<string>): void {
  // The word right before "(", read backwards: only its end matters, an acronym ending it
  // ("LLM(", "LLMs (") and whether there is a word at all.
  let end = open;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  const wordBefore = end > 0 && isWordChar(text.charCodeAt(end - 1));
  const last = wordBefore && text.charCodeAt(end - 1) === 0x73 ? end - 1 : end;
  let run = last;
  while (run > 0 && isUpper(text.charCodeAt(run - 1))) run--;
  const acronymBefore = last - run >= 2;
  if (!acronymBefore && !capitalPairInside) return;
  // The text inside, trimmed.
  let from = open + 1;
  let to = close;
  while (from < to && isWhiteSpace(text.charCodeAt(from))) from++;
  while (to > from && isWhiteSpace(text.charCodeAt(to - 1))) to--;
  // Only an acronym inside, "(LLM)" or "(LLMs)": the word before is its full name.
  const bare = to > from && text.charCodeAt(to - 1) === 0x73 ? to - 1 : to;
  let capitals = from;
  while (capitals < bare && isUpper(text.charCodeAt(capitals))) capitals++;
  if (capitals === bare && bare - from >= 2) {
    if (wordBefore) defined.add(text.slice(from, bare));
    return;
  }
  // Otherwise the inside is a full name (it has words) of the acronyms in it or just before it.
  let words = false;
  for (let i = from; i < to && !words; i++) words = isLowerOrHangul(text.charCodeAt(i));
  if (!words) return;
  forEachAcronym(text, from, to, (start, stop) => void defined.add(text.slice(start, stop)));
  if (acronymBefore) defined.add(text.slice(run, last));
}

/**
 * Acronyms written with their full name in `text`: every innermost parenthetical, as the
 * pattern `\(([^()]*)\)` would find them, read forward with character codes instead.
 * With `inJson`, `text` is a whole JSON text without escapes: a parenthetical may not cross a
 * double quote, so it lies within one string (JSON has no "(" outside strings).
 */
export function definedAcronyms(text: string, defined: Set<string>, inJson = false): Set<string> {
  for (let open = text.indexOf('('); open >= 0; ) {
    // Read up to what ends this parenthetical: ")" (innermost), "(" (not innermost: go on from
    // there), or in JSON text a quote (the string ends first: go on after it).
    let i = open + 1;
    let c = 0;
    let pair = false; // two capitals in a row inside
    for (let upper = false; i < text.length; i++) {
      c = text.charCodeAt(i);
      if (c === 0x29 || c === 0x28 || (c === 0x22 && inJson)) break;
      pair ||= upper && isUpper(c);
      upper = isUpper(c);
    }
    if (i >= text.length) break; // no ")" after this "(", so none after any later one either
    if (c === 0x28) {
      open = i;
      continue;
    }
    if (c === 0x29) addDefinitions(text, open, i, pair, defined);
    open = text.indexOf('(', i + 1);
  }
  return defined;
}

/**
 * The first acronym in `value` that is neither defined nor allowed nor already reported, or
 * undefined. No match object is kept unless it is reported.
 */
export function undefinedAcronym(value: string, known: (acronym: string) => boolean): Hit | undefined {
  const first = value.search(CAPITAL_PAIR);
  if (first < 0) return undefined;
  let hit: Hit | undefined;
  forEachAcronym(
    value,
    0,
    value.length,
    (start, end) => {
      const acronym = value.slice(start, end);
      if (known(acronym)) return false;
      hit = { start, text: acronym, kind: 'acronym' };
      return true;
    },
    first,
  );
  return hit;
}
