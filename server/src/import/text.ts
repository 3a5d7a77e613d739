/**
 * The form's 개조식 text back into a `Text`: each line's marker (1) 가) ㅇ - · and their variants:
 * 1. (1) ① 가. (가) □ ○ ◦ • ▪ ▶ * ※ …) says where it stands in the ladder. The ladder is recovered
 * the way a reader does it: the first kind of marker met is level 1, a new kind under it one level
 * deeper, a kind met before goes back to its level. So "ㅇ … / - …" reads as levels 1–2 as well as
 * "1) … / 가) … / ㅇ …" reads as 1–3.
 *
 * A line without a marker is, in a PDF (read line by line), the rest of the line before it; in the
 * other formats (read paragraph by paragraph) an item of its own at the level of the one before.
 * A part written with no markers at all is a plain paragraph (a string).
 */
import type { Bullet, Text } from '../core/plan/types';

export type MarkerKind =
  | 'num)'
  | '(num)'
  | 'num.'
  | 'hangul)'
  | '(hangul)'
  | 'hangul.'
  | 'circled'
  | 'square'
  | 'circle'
  | 'dash'
  | 'dot'
  | 'arrow'
  | 'diamond'
  | 'asterisk'
  | 'reference';

interface MarkerPattern {
  readonly kind: MarkerKind;
  readonly pattern: RegExp;
}

/** Markers at the start of a line, most specific first. The mark itself is group 0; a space (or the end) must follow. */
const MARKERS: readonly MarkerPattern[] = [
  { kind: '(num)', pattern: /^[(（]\d{1,2}[)）](?=\s|$)/ },
  { kind: 'num)', pattern: /^\d{1,2}[)）>](?=\s|$)/ },
  { kind: 'num.', pattern: /^\d{1,2}\.(?=\s)/ },
  { kind: '(hangul)', pattern: /^[(（][가-힣][)）](?=\s|$)/ },
  { kind: 'hangul)', pattern: /^[가나다라마바사아자차카타파하][0-9]?[)）>](?=\s|$)/ },
  { kind: 'hangul.', pattern: /^[가나다라마바사아자차카타파하]\.(?=\s)/ },
  { kind: 'circled', pattern: /^[\u2460-\u2473\u3260-\u327b](?=\s|$)?/ },
  { kind: 'square', pattern: /^[□☐■◻◼▢▣](?=\s|$)/ },
  { kind: 'circle', pattern: /^[○◦ㅇ◯●⚬](?=\s|$)/ },
  { kind: 'dash', pattern: /^[-–—‐−](?=\s|$)/ },
  { kind: 'dot', pattern: /^[·∙•ㆍ・‧](?=\s|$)/ },
  { kind: 'arrow', pattern: /^[▶▷►➢➤→⇒](?=\s|$)/ },
  { kind: 'diamond', pattern: /^[◆◇▪▫◈](?=\s|$)/ },
  { kind: 'asterisk', pattern: /^\*(?=\s|$)/ },
  { kind: 'reference', pattern: /^※(?=\s|$)?/ },
];

export interface Marked {
  readonly kind?: MarkerKind;
  readonly marker?: string;
  readonly text: string;
}

/** The marker of a line (if any) and its text without it. */
export function splitMarker(line: string): Marked {
  const trimmed = line.trim();
  for (const { kind, pattern } of MARKERS) {
    const match = pattern.exec(trimmed);
    if (match) return { kind, marker: match[0], text: trimmed.slice(match[0].length).trim() };
  }
  return { text: trimmed };
}

/** A line that holds nothing but a marker: an empty bullet of the form's skeleton ("○", "-"). */
export const isBareMarker = (line: string): boolean => {
  const m = splitMarker(line);
  return m.kind !== undefined && m.text === '';
};

const LATIN_OR_DIGIT_END = /[A-Za-z0-9)\]%]$/;
const HANGUL_START = /^[가-힣]/;

/**
 * Two lines of a PDF, where the page broke one line of text. The break was at a space, except
 * after a hyphen or slash and, possibly, between a Latin letter or digit and Hangul ("GPU|시간"),
 * which the rest of the document decides: the joined word is written elsewhere, or it is not.
 */
export function joinLines(before: string, after: string, corpus?: string): string {
  if (before === '') return after;
  if (after === '') return before;
  if (/[-/·]$/.test(before) && !/\s[-/]$/.test(before)) return before + after;
  if (LATIN_OR_DIGIT_END.test(before) && HANGUL_START.test(after) && corpus) {
    const left = /(\S+)$/.exec(before)?.[1] ?? '';
    const right = /^([가-힣]+)/.exec(after)?.[1] ?? '';
    const joined = left + right;
    const spaced = `${left} ${right}`;
    const count = (needle: string) => (needle ? corpus.split(needle).length - 1 : 0);
    if (count(joined) > count(spaced)) return before + after;
  }
  return `${before} ${after}`;
}

interface Node {
  text: string;
  items: Node[];
  level: number;
}

export interface TextOptions {
  /** Lines of a PDF: an unmarked line continues the one before. */
  readonly continuation?: boolean;
  /** All text of the document, to decide how broken lines join (`joinLines`). */
  readonly corpus?: string;
  readonly maxLevel?: number;
}

/** Lines of a part of the form as a `Text`: bullets when they carry markers, else a paragraph. */
export function linesToText(lines: readonly string[], options: TextOptions = {}): Text | undefined {
  const maxLevel = options.maxLevel ?? 5;
  const roots: Node[] = [];
  const path: Node[] = [];
  const stack: MarkerKind[] = [];
  let anyMarker = false;
  let last: Node | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || isBareMarker(line)) continue;
    const { kind, text } = splitMarker(line);
    if (kind === undefined) {
      if (last && options.continuation) {
        last.text = joinLines(last.text, text, options.corpus);
        continue;
      }
      const level = last ? last.level : 1;
      const node: Node = { text, items: [], level };
      attach(node, level);
      continue;
    }
    anyMarker = true;
    const at = stack.indexOf(kind);
    if (at >= 0) stack.length = at + 1;
    else stack.push(kind);
    const level = Math.min(stack.length, maxLevel);
    attach({ text, items: [], level }, level);
  }

  function attach(node: Node, level: number): void {
    while (path.length >= level) path.pop();
    const parent = path[path.length - 1] as Node | undefined;
    if (parent) parent.items.push(node);
    else roots.push(node);
    // A level skipped (a first item at level 2) hangs under the last item, or starts at the top.
    node.level = path.length + 1;
    path.push(node);
    last = node;
  }

  if (roots.length === 0) return undefined;
  if (!anyMarker && roots.every((r) => r.items.length === 0)) return roots.map((r) => r.text).join('\n');
  const toBullet = (node: Node): Bullet => (node.items.length > 0 ? { text: node.text, items: node.items.map(toBullet) } : node.text);
  return roots.map(toBullet);
}

/** The lines of a `Text`, for comparing words (every string in it, in order). */
export function textStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textStrings);
  if (typeof value === 'object' && value !== null) {
    const v = value as { text?: unknown; items?: unknown };
    return [...textStrings(v.text), ...textStrings(v.items)];
  }
  return [];
}
