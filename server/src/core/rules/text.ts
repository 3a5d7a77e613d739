/** Prose: vague wording, guide text left in, acronyms without their full name. */
import { stringSpanner } from '../json/scan';
import { type JsonPath } from '../json/tree';
import { TEMPLATE_GUIDE_PATTERNS, VAGUE_EXPRESSIONS } from '../figures';
import { msg } from '../l10n';
import type { RuleFamily } from './context';

/** Acronyms so common in this form that nobody spells them out. Users may add more in settings. */
export const DEFAULT_ABBREVIATION_ALLOWLIST: readonly string[] = [
  'AI', 'GPU', 'CPU', 'NPU', 'API', 'URL', 'IT', 'ICT', 'SW', 'HW', 'DB', 'PDF', 'HWP', 'JSON', 'MIT', 'BSD', 'CC',
  'KCI', 'NTIS', 'KISS', 'CEO', 'CTO', 'PM', 'QA', 'UI', 'UX', 'ID', 'OS', 'PC', 'HBM', 'GB', 'TB', 'PB', 'MB', 'KB', 'NVIDIA',
];

/** The firm form of a vague phrase, for the quick fix: "확장이 가능하다" → "확장한다". */
export function firmReplacement(family: string, phrase: string): string {
  switch (family) {
    case 'mayDo':
      return phrase.replace(/\s*(할|될)\s*수도\s*있.*$/u, (_m, verb: string) => (verb === '될' ? '된다' : '한다'));
    case 'possible':
      return phrase.replace(/\s*(?:이|가)?\s*가능.*$/u, '한다');
    default:
      return phrase.replace(/\s*(?:을|를)?\s*(?:고려|검토).*$/u, '한다');
  }
}

/** Calls `visit` for every string value (not keys), with its path; the root "$schema" is skipped. */
function forEachString(value: unknown, visit: (text: string, path: () => (string | number)[]) => void): void {
  const stack: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      visit(node, () => [...stack]);
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        stack.push(i);
        walk(node[i]);
        stack.pop();
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        if (stack.length === 0 && key === '$schema') continue;
        stack.push(key);
        walk((node as Record<string, unknown>)[key]);
        stack.pop();
      }
    }
  };
  walk(value);
}

/** A cheap test that rules a string out before any pattern runs on it. */
const MAY_BE_VAGUE = /수도|가능|고려|검토/;
const CAPITAL_PAIR = /[A-Z][A-Z]/;

/**
 * The patterns of one family as a single alternation with a capture group per pattern, so that
 * a string is scanned once whatever the number of patterns; the group that matched names it.
 */
function combine<T extends { readonly id: string; readonly pattern: RegExp }>(patterns: readonly T[]): { readonly regex: RegExp; readonly ids: readonly string[] } {
  return { regex: new RegExp(patterns.map((p) => `(${p.pattern.source})`).join('|'), 'gu'), ids: patterns.map((p) => p.id) };
}

const GUIDE = combine(TEMPLATE_GUIDE_PATTERNS.value);
const GUIDE_ANYWHERE = new RegExp(GUIDE.regex.source, 'u');

export interface Hit {
  readonly start: number;
  readonly text: string;
  readonly kind: string;
}

/** The result for most strings, shared rather than allocated each time. */
const NO_HITS: readonly Hit[] = Object.freeze([]);

const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLowerOrHangul = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xac00 && c <= 0xd7a3);
/** Latin letters and Hangul syllables: the characters of a name before "(". */
const isWordChar = (c: number): boolean => isUpper(c) || isLowerOrHangul(c);
/** What may not touch an acronym: `[A-Za-z0-9&]`. */
const touchesAcronym = (c: number): boolean => isUpper(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x26;
/** `\s`: white space and line terminators, the characters String.prototype.trim removes. */
const isWhiteSpace = (c: number): boolean =>
  (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * Each vague family as its ending (searched for) and its whole phrase (read from a known start).
 * The phrase pattern begins with an optional word, so searching with it tries every position of
 * the string; the ending begins with the vague verb itself and is found much faster.
 */
const VAGUE = VAGUE_EXPRESSIONS.value.map((family) => ({
  id: family.id,
  ending: new RegExp(family.ending.source, 'gu'),
  phrase: new RegExp(family.pattern.source, 'uy'),
}));

/** `[가-힣A-Za-z0-9]`, the characters of VAGUE_LEADING_WORD. */
const isLeadingWordChar = (c: number): boolean => isWordChar(c) || (c >= 0x30 && c <= 0x39);

/**
 * Where the phrase around an ending at `at` begins: before the ending, one optional white-space
 * character after a run of word characters (VAGUE_LEADING_WORD), never before `floor`. No
 * earlier start can match, since any match from an earlier start would have its ending inside
 * that same run of word characters.
 */
function phraseStart(value: string, at: number, floor: number): number {
  let start = at;
  if (start - 1 > floor && isLeadingWordChar(value.charCodeAt(start - 2)) && isWhiteSpace(value.charCodeAt(start - 1))) start--;
  while (start > floor && isLeadingWordChar(value.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * Every vague phrase in a string, exactly as `value.matchAll(family.pattern)` would find them:
 * the leftmost ending tells where the leftmost phrase starts, and the phrase pattern read from
 * there gives its extent (a test compares the two on generated strings).
 */
export function vagueHits(value: string): readonly Hit[] {
  if (!MAY_BE_VAGUE.test(value)) return NO_HITS;
  const hits: Hit[] = [];
  for (const family of VAGUE) {
    let floor = 0;
    family.ending.lastIndex = 0;
    for (let ending = family.ending.exec(value); ending; ending = family.ending.exec(value)) {
      family.phrase.lastIndex = phraseStart(value, ending.index, floor);
      const match = family.phrase.exec(value);
      if (!match) continue; // cannot happen: the ending alone is a match
      const phrase = match[0].trim();
      hits.push({ start: match.index + match[0].indexOf(phrase), text: phrase, kind: family.id });
      floor = family.phrase.lastIndex;
      family.ending.lastIndex = floor;
    }
  }
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start) : hits;
}

function guideHits(value: string): readonly Hit[] {
  const hits: Hit[] = [];
  GUIDE.regex.lastIndex = 0;
  for (let match = GUIDE.regex.exec(value); match; match = GUIDE.regex.exec(value)) {
    hits.push({ start: match.index, text: match[0], kind: GUIDE.ids[match.slice(1).findIndex((group) => group !== undefined)] });
  }
  return hits;
}

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
function undefinedAcronym(value: string, known: (acronym: string) => boolean): Hit | undefined {
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

const TITLE = { path: (): JsonPath => ['projectTitle'] };

export const textRules: RuleFamily = {
  id: 'text',
  codes: ['vague-expression', 'template-guide-left', 'abbreviation-undefined'],
  run({ doc, plan, texts, options, report }) {
    const prose = texts();
    // One lookup of the string per string, however many hits it has.
    const spanner = (path: JsonPath) => {
      const node = doc.spanAt(path);
      return node ? stringSpanner(doc.text, node) : () => ({ offset: 0, length: 0 });
    };

    for (const text of prose) {
      const hits = vagueHits(text.value);
      if (hits.length === 0) continue;
      const path = text.path();
      const span = spanner(path);
      for (const hit of hits) {
        const replacement = firmReplacement(hit.kind, hit.text);
        report({
          code: 'vague-expression',
          ...span(hit.start, hit.start + hit.text.length),
          path,
          message: msg('Vague wording "{0}": evaluators read it as "impossible". Write a firm, quantified commitment instead, e.g. "{1}".', hit.text, replacement),
          data: { family: hit.kind, phrase: hit.text, replacement },
        });
      }
    }

    // In a parsed JSON text without a backslash, every string stands as it is: one pass over the
    // whole text tells that no string has guide text, and finds every definition, without
    // visiting strings. (A text with syntax errors or duplicate keys holds more than the value.)
    const plain = doc.syntaxErrors.length === 0 && doc.duplicates.length === 0 && !doc.text.includes('\\');
    const clean = plain && !GUIDE_ANYWHERE.test(doc.text);
    const defined = clean ? definedAcronyms(doc.text, new Set(), true) : new Set<string>();
    if (!clean) forEachString(plan, (value, pathOf) => {
      if (value.includes('(')) definedAcronyms(value, defined);
      const hits = guideHits(value);
      if (hits.length === 0) return;
      const path = pathOf();
      const span = spanner(path);
      for (const hit of hits) {
        report({
          code: 'template-guide-left',
          ...span(hit.start, hit.start + hit.text.length),
          path,
          message: msg('Guide text of the form is left in: "{0}". Delete it, or replace the placeholder with the real value.', hit.text),
          data: { kind: hit.kind, text: hit.text },
        });
      }
    });

    // Each acronym is reported once, where it first appears: the title, then the prose in order.
    const reported = new Set<string>();
    const known = (acronym: string) => defined.has(acronym) || reported.has(acronym) || options.abbreviationAllowlist.has(acronym);
    const check = (value: string, place: { path(): JsonPath }) => {
      for (let hit = undefinedAcronym(value, known); hit; hit = undefinedAcronym(value, known)) {
        reported.add(hit.text);
        const path = place.path();
        report({
          code: 'abbreviation-undefined',
          ...spanner(path)(hit.start, hit.start + hit.text.length),
          path,
          message: msg('"{0}" is never written with its full name. Spell it out once, e.g. "{0}(Full Name)", as the form asks (약어는 풀네임도 함께 표기).', hit.text),
          data: { acronym: hit.text },
        });
      }
    };
    if (typeof plan.projectTitle === 'string') check(plan.projectTitle, TITLE);
    for (const text of prose) check(text.value, text);
  },
};
