/** Acronyms in prose, and the ones a text writes with their full name. */
import { KNOWN_ACRONYMS } from '../../figures';
import { isDigit, isHangul, isLatin, isLower, isUpper, isWhiteSpace, touchesAcronym } from './chars';
import type { Hit } from './strings';

/** Acronyms that need no full name (figures.ts, KNOWN_ACRONYMS). Users may add more in settings. */
export const DEFAULT_ABBREVIATION_ALLOWLIST: readonly string[] = Object.values(KNOWN_ACRONYMS).flatMap((list) => list.value);

/**
 * A capital, at most one lower-case letter, a capital: every acronym has two capitals this close
 * (an acronym has no run of two lower-case letters after a capital), so a text without this
 * has none.
 */
export const CAPITALS = /[A-Z][a-z]?[A-Z]/;

/**
 * Whether the letters text[from, to) read as an acronym: two or more capitals, and no word in
 * them — no capital followed by two lower-case letters, no three lower-case letters first.
 * LLM, LoRA, QLoRA, MoE, PoC, mAP, vLLM are; PyTorch, GitHub, MLOps, SigLIP, DBpia are not.
 */
export function isAcronymWord(text: string, from: number, to: number): boolean {
  let capitals = 0;
  let lowers = 0; // lower-case letters in a row
  for (let i = from; i < to; i++) {
    if (isUpper(text.charCodeAt(i))) {
      capitals++;
      lowers = 0;
    } else if (++lowers >= (capitals === 0 ? 3 : 2)) {
      return false;
    }
  }
  return capitals >= 2;
}

/** The end of the run of Latin letters that starts at `from` (before `to`). */
function letterRunEnd(text: string, from: number, to: number): number {
  let end = from;
  while (end < to && isLatin(text.charCodeAt(end))) end++;
  return end;
}

/** Whether the letter run [start, end) of text[from, to) is an acronym word that touches no digit or "&". */
function isAcronymAt(text: string, start: number, end: number, from: number, to: number): boolean {
  if (start > from && touchesAcronym(text.charCodeAt(start - 1))) return false;
  if (end < to && touchesAcronym(text.charCodeAt(end))) return false;
  return isAcronymWord(text, start, end);
}

/**
 * The acronyms of text[from, to), in order. An acronym is a run of Latin letters that reads as
 * one (`isAcronymWord`) and touches no digit or "&"; acronyms joined by "-" are one
 * ("MIMIC-CXR", "CC-BY-NC"); a plural "s" after a capital is not part of it ("LLMs" → LLM).
 * Read with character codes, no match objects; `visit` gets each one's offsets and may return
 * true to stop. The reading may begin later than `from`, inside or after the letters before the
 * first acronym (where `CAPITALS` first matches), with the same result.
 */
export function forEachAcronym(text: string, from: number, to: number, visit: (start: number, end: number) => boolean | undefined, begin = from): void {
  let i = begin;
  while (i > from && isLatin(text.charCodeAt(i - 1))) i--; // back to the start of a run of letters
  while (i < to) {
    if (!isLatin(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = letterRunEnd(text, i, to);
    if (!isAcronymAt(text, i, end, from, to)) {
      i = end;
      continue;
    }
    const start = i;
    // Further acronyms joined by "-".
    while (end + 1 < to && text.charCodeAt(end) === 0x2d && isLatin(text.charCodeAt(end + 1))) {
      const next = letterRunEnd(text, end + 1, to);
      if (!isAcronymAt(text, end + 1, next, from, to)) break;
      end = next;
    }
    const last = end - 1 > start && text.charCodeAt(end - 1) === 0x73 && isUpper(text.charCodeAt(end - 2)) ? end - 1 : end;
    if (visit(start, last)) return;
    i = end;
  }
}

/** Whether a full name is in text[from, to): a Hangul syllable, or two lower-case Latin letters in a row. */
function hasWords(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isHangul(c) || (isLower(c) && i + 1 < to && isLower(text.charCodeAt(i + 1)))) return true;
  }
  return false;
}

const addAll = (text: string, from: number, to: number, defined: Set<string>) => {
  forEachAcronym(text, from, to, (start, end) => void defined.add(text.slice(start, end)));
};

/** Whether `CAPITALS` matches in text[from, to): two capitals with at most one lower-case letter between. */
function hasCapitals(text: string, from: number, to: number): boolean {
  for (let i = from, last = -9; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isUpper(c)) {
      if (i - last <= 2 && (i - last === 1 || isLower(text.charCodeAt(i - 1)))) return true;
      last = i;
    }
  }
  return false;
}

/** The start of the run of letters, digits and "-" that ends at `end` ("GPT-4o" before "("). */
function tokenStart(text: string, end: number): number {
  let start = end;
  for (let c = text.charCodeAt(start - 1); start > 0 && (isLatin(c) || isDigit(c) || c === 0x2d); c = text.charCodeAt(start - 1)) start--;
  return start;
}

/**
 * The acronyms that the parenthetical text[open] = "(" … text[close] = ")" spells out, with the
 * word before it: `LLM(Large Language Model)`, `GPT-4o(OpenAI의 언어모델)`, `대규모 언어모델(LLM)`,
 * `검색 증강 생성(RAG, Retrieval-Augmented Generation)`. Read in place, with character codes;
 * most parentheticals have no acronym inside (the caller has just read that) or just before.
 */
function addDefinitions(text: string, open: number, close: number, capitalsInside: boolean, defined: Set<string>): void {
  // The word right before "(", after spaces.
  let end = open;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  const before = end > 0 ? text.charCodeAt(end - 1) : 0;
  const wordBefore = isLatin(before) || isHangul(before) || isDigit(before);
  const token = wordBefore ? tokenStart(text, end) : end;
  const acronymBefore = end - token >= 2 && hasCapitals(text, token, end);
  if (!acronymBefore && !capitalsInside) return;
  // The text inside, trimmed.
  let from = open + 1;
  let to = close;
  while (from < to && isWhiteSpace(text.charCodeAt(from))) from++;
  while (to > from && isWhiteSpace(text.charCodeAt(to - 1))) to--;
  // Only an acronym inside, "(LLM)" or "(LoRA)": the words before are its full name.
  let count = 0;
  let onlyStart = -1;
  let onlyEnd = -1;
  forEachAcronym(text, from, to, (start, stop) => {
    count++;
    onlyStart = start;
    onlyEnd = stop;
    return false; // read them all
  });
  if (count === 1 && onlyStart === from && (onlyEnd === to || (onlyEnd === to - 1 && text.charCodeAt(to - 1) === 0x73))) {
    if (wordBefore) defined.add(text.slice(onlyStart, onlyEnd));
    return;
  }
  // Otherwise the inside is a full name (it has words) of the acronyms in it and just before it.
  if (!hasWords(text, from, to)) return;
  addAll(text, from, to, defined);
  if (acronymBefore) addAll(text, token, end, defined);
}

/** The UTF-16 code units of `text` (what charCodeAt reads; these marks are each one unit). */
function charCodes(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

/** Characters that may stand before a term defined as "X: full name": a list mark or a separator. */
const TERM_MARKS = new Set(charCodes('※*·•-–—,;([○□▶◦●■★☆◎▷►'));

/**
 * "X: full name" at the colon text[colon]: an acronym right before it that begins the string or
 * follows a list mark ("※ PEFT: Parameter-Efficient Fine-Tuning", "QLoRA: 4비트 양자화 …"),
 * and words after it (up to the next , ; ) or quote).
 */
function addColonDefinition(text: string, colon: number, defined: Set<string>, inJson: boolean): void {
  let end = colon;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  if (end === 0 || !isLatin(text.charCodeAt(end - 1))) return;
  let start = end;
  for (let c = text.charCodeAt(start - 1); start > 0 && (isLatin(c) || c === 0x2d); c = text.charCodeAt(start - 1)) start--;
  let term: [number, number] | undefined;
  forEachAcronym(text, start, end, (s, e) => void (term = [s, e]));
  if (!term || term[0] !== start || term[1] !== end) return;
  let mark = start;
  while (mark > 0 && isWhiteSpace(text.charCodeAt(mark - 1))) mark--;
  const c = mark > 0 ? text.charCodeAt(mark - 1) : 0;
  if (!(mark === 0 || TERM_MARKS.has(c) || (inJson && c === 0x22))) return;
  let stop = colon + 1;
  for (let d = text.charCodeAt(stop); stop < text.length && d !== 0x2c && d !== 0x3b && d !== 0x29 && d !== 0x22 && d !== 0x0a; d = text.charCodeAt(stop))
    stop++;
  if (hasWords(text, colon + 1, stop)) defined.add(text.slice(start, end));
}

/**
 * Acronyms written with their full name in `text`: every innermost parenthetical, as the
 * pattern `\(([^()]*)\)` would find them, and every "X: full name", read forward with character
 * codes. With `inJson`, `text` is a whole JSON text without escapes: a parenthetical may not
 * cross a double quote, so it lies within one string (JSON has no "(" outside strings), and a
 * string's opening quote counts as its start.
 */
export function definedAcronyms(text: string, defined: Set<string>, inJson = false): Set<string> {
  for (let open = text.indexOf('('); open >= 0;) {
    // Read up to what ends this parenthetical: ")" (innermost), "(" (not innermost: go on from
    // there), or in JSON text a quote (the string ends first: go on after it).
    let i = open + 1;
    let c = 0;
    let capitals = false; // two capitals close together inside
    for (let last = -9; i < text.length; i++) {
      c = text.charCodeAt(i);
      if (c === 0x29 || c === 0x28 || (c === 0x22 && inJson)) break;
      if (isUpper(c)) {
        capitals ||= i - last <= 2;
        last = i;
      }
    }
    if (i >= text.length) break; // no ")" after this "(", so none after any later one either
    if (c === 0x28) {
      open = i;
      continue;
    }
    if (c === 0x29) addDefinitions(text, open, i, capitals, defined);
    open = text.indexOf('(', i + 1);
  }
  // "X: full name": most colons (all of JSON's own) have no letter right before them.
  for (const mark of [':', '：']) {
    for (let colon = text.indexOf(mark); colon >= 0; colon = text.indexOf(mark, colon + 1)) {
      let end = colon;
      while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
      if (end > 0 && isLatin(text.charCodeAt(end - 1))) addColonDefinition(text, colon, defined, inJson);
    }
  }
  return defined;
}

/**
 * The first acronym in `value` that is neither defined nor allowed nor already reported, or
 * undefined. An acronym joined to the Hangul before it is part of a name (포스코DX, 삼성SDS);
 * one made of known acronyms ("CC-BY-NC") is known. No match object is kept unless reported.
 */
export function undefinedAcronym(value: string, known: (acronym: string) => boolean): Hit | undefined {
  const first = value.search(CAPITALS);
  if (first < 0) return undefined;
  let hit: Hit | undefined;
  forEachAcronym(
    value,
    0,
    value.length,
    (start, end) => {
      if (start > 0 && isHangul(value.charCodeAt(start - 1))) return false;
      const acronym = value.slice(start, end);
      if (known(acronym) || (acronym.includes('-') && acronym.split('-').every(known))) return false;
      hit = { start, text: acronym, kind: 'acronym' };
      return true;
    },
    first,
  );
  return hit;
}
