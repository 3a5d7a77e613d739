/** Prose: vague wording, guide text left in, acronyms without their full name. */
import { stringSpanner, type JsonPath } from '../document';
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
const MAY_HAVE_ACRONYM = /[A-Z][A-Z]/;

/**
 * The patterns of one family as a single alternation with a capture group per pattern, so that
 * a string is scanned once whatever the number of patterns; the group that matched names it.
 */
function combine<T extends { readonly id: string; readonly pattern: RegExp }>(patterns: readonly T[]): { readonly regex: RegExp; readonly ids: readonly string[] } {
  return { regex: new RegExp(patterns.map((p) => `(${p.pattern.source})`).join('|'), 'gu'), ids: patterns.map((p) => p.id) };
}

const GUIDE = combine(TEMPLATE_GUIDE_PATTERNS.value);
const GUIDE_ANYWHERE = new RegExp(GUIDE.regex.source, 'u');

interface Hit {
  readonly start: number;
  readonly text: string;
  readonly kind: string;
}

/**
 * What the scans found in one string. Strings repeat between keystrokes (only the edited one
 * changes), so results are kept by string value in a bounded two-generation memo.
 */
interface Scan {
  vague?: readonly Hit[];
  guide?: readonly Hit[];
  acronyms?: readonly Hit[];
  definitions?: readonly string[];
}

const MEMO_LIMIT = 50_000;
let memo = new Map<string, Scan>();
let previous = new Map<string, Scan>();

function scanOf(value: string): Scan {
  let scan = memo.get(value);
  if (scan) return scan;
  scan = previous.get(value) ?? {};
  if (memo.size >= MEMO_LIMIT) {
    previous = memo;
    memo = new Map();
  }
  memo.set(value, scan);
  return scan;
}

/** Forgets every memoised scan (for benchmarks that measure a cold start). */
export function clearTextMemo(): void {
  memo = new Map();
  previous = new Map();
}

function vagueHits(value: string): readonly Hit[] {
  const hits: Hit[] = [];
  if (!MAY_BE_VAGUE.test(value)) return hits;
  for (const family of VAGUE_EXPRESSIONS.value) {
    for (const match of value.matchAll(family.pattern)) {
      const phrase = match[0].trim();
      hits.push({ start: (match.index ?? 0) + match[0].indexOf(phrase), text: phrase, kind: family.id });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function guideHits(value: string): readonly Hit[] {
  const hits: Hit[] = [];
  GUIDE.regex.lastIndex = 0;
  for (let match = GUIDE.regex.exec(value); match; match = GUIDE.regex.exec(value)) {
    hits.push({ start: match.index, text: match[0], kind: GUIDE.ids[match.slice(1).findIndex((group) => group !== undefined)] });
  }
  return hits;
}

function acronymHits(value: string): readonly Hit[] {
  if (!MAY_HAVE_ACRONYM.test(value)) return [];
  return [...value.matchAll(ACRONYM)].map((m) => ({ start: m.index ?? 0, text: m[1], kind: 'acronym' }));
}

const ACRONYM = /(?<![A-Za-z0-9&])([A-Z]{2,})s?(?![A-Za-z0-9&])/gu;
const PARENTHETICAL = /\(([^()]*)\)/gu;
/** A parenthetical within one string of a JSON text without escapes (JSON has no "(" outside strings). */
const PARENTHETICAL_IN_TEXT = /\(([^()"]*)\)/gu;
const HAS_WORDS = /[a-z가-힣]/u;

/** Latin letters and Hangul syllables: the characters of a name before "(". */
const isWordChar = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xac00 && c <= 0xd7a3);

/** Acronyms written with their full name somewhere: `LLM(Large Language Model)` or `대규모 언어모델(LLM)`. */
function definedAcronyms(texts: readonly string[], parenthetical: RegExp = PARENTHETICAL): Set<string> {
  const defined = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(parenthetical)) {
      const inside = match[1].trim();
      // The word right before "(", read backwards without copying the text.
      let end = match.index ?? 0;
      while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
      let start = end;
      while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
      const before = text.slice(start, end);
      if (/^[A-Z]{2,}s?$/.test(inside)) {
        if (before.length > 0) defined.add(inside.replace(/s$/, ''));
        continue;
      }
      if (!HAS_WORDS.test(inside)) continue;
      for (const acronym of inside.matchAll(ACRONYM)) defined.add(acronym[1]);
      const preceding = /^(?:.*?[^A-Z])?([A-Z]{2,})s?$/.exec(before);
      if (preceding) defined.add(preceding[1]);
    }
  }
  return defined;
}

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
      const scan = scanOf(text.value);
      const hits = (scan.vague ??= vagueHits(text.value));
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

    // Without a backslash the text holds every string as it is: one pass over the whole text
    // tells that no string has guide text, and finds every definition, without visiting strings.
    const plain = !doc.text.includes('\\');
    const clean = plain && !GUIDE_ANYWHERE.test(doc.text);
    const defined = clean ? definedAcronyms([doc.text], PARENTHETICAL_IN_TEXT) : new Set<string>();
    if (!clean) forEachString(plan, (value, pathOf) => {
      const scan = scanOf(value);
      for (const acronym of (scan.definitions ??= value.includes('(') ? [...definedAcronyms([value])] : [])) defined.add(acronym);
      const hits = (scan.guide ??= guideHits(value));
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

    const scanned: Array<{ value: string; path(): JsonPath }> = [
      ...(typeof plan.projectTitle === 'string' ? [{ value: plan.projectTitle, path: () => ['projectTitle'] }] : []),
      ...prose,
    ];
    const reported = new Set<string>();
    for (const text of scanned) {
      const scan = scanOf(text.value);
      for (const hit of (scan.acronyms ??= acronymHits(text.value))) {
        if (defined.has(hit.text) || reported.has(hit.text) || options.abbreviationAllowlist.has(hit.text)) continue;
        reported.add(hit.text);
        const path = text.path();
        report({
          code: 'abbreviation-undefined',
          ...spanner(path)(hit.start, hit.start + hit.text.length),
          path,
          message: msg('"{0}" is never written with its full name. Spell it out once, e.g. "{0}(Full Name)", as the form asks (약어는 풀네임도 함께 표기).', hit.text),
          data: { acronym: hit.text },
        });
      }
    }
  },
};
