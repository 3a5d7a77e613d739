/**
 * Comparing an acknowledgement (사사 문구) with the official sentence of the form.
 *
 * Both texts are normalised first: full-width forms become their ASCII forms (NFKC: （ → (),
 * quotes of every kind are dropped (" “ ” ' ‘ ’ 「 」 『 』 《 》 〈 〉 « »), square and lenticular
 * brackets become parentheses, white space is dropped and Latin letters are compared in lower
 * case. The official sentence may stand anywhere in the field — a label before it ("사사 문구:"),
 * a translation after it — and "(과제번호)" may be replaced by a concrete project number
 * ("(과제번호 제2026-GPU-012호)", "(RS-2026-00123456)"). When the sentence is not there, the field
 * is aligned with it (edit distance with free ends) and the first differing part is reported in
 * the words of both texts.
 */
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_PROJECT_NUMBER } from '../../figures';

interface Normalised {
  /** The normalised characters. */
  readonly text: string;
  /** For each normalised character, the index of the character of the original it comes from. */
  readonly at: readonly number[];
}

const DROPPED = /[\s"'`´“”‘’‚„「」『』《》〈〉«»‹›〝〞]|\u200b|\u200c|\u200d|\ufeff/u;
const OPENING = /[[{〔【〖]/u;
const CLOSING = /[\]}〕】〗]/u;

/** The normalised text and where each of its characters comes from. */
export function normalise(original: string): Normalised {
  let text = '';
  const at: number[] = [];
  let index = 0;
  for (const char of original) {
    for (const piece of char.normalize('NFKC')) {
      if (DROPPED.test(piece)) continue;
      const mapped = OPENING.test(piece) ? '(' : CLOSING.test(piece) ? ')' : piece.toLowerCase();
      text += mapped;
      at.push(index);
    }
    index += char.length;
  }
  return { text, at };
}

/** The official sentence without its project-number placeholder: "이 성과는 … 수행된 연구임". */
export const OFFICIAL_CORE = ACKNOWLEDGEMENT.value.slice(0, ACKNOWLEDGEMENT.value.lastIndexOf(ACKNOWLEDGEMENT_PROJECT_NUMBER)).trimEnd();
const CORE = normalise(OFFICIAL_CORE);

/** What may follow the core: a full stop, then "(과제번호)" or a concrete number in its place. */
const PROJECT_NUMBER = /^[.。]?(?:\(과제번호\)|\((?:과제번호[:：]?)?제?[0-9a-z][0-9a-z\-_./]*호?\)|과제번호[:：]?제?[0-9a-z][0-9a-z\-_./]*호?)/u;

/** A part where the field and the official sentence differ, in the words of each. */
export interface Difference {
  /** The words of the field there ("" when the field leaves them out). */
  readonly written: string;
  /** The words of the official sentence there ("" when the field adds them). */
  readonly official: string;
}

export type AcknowledgementCheck =
  | { readonly kind: 'official' }
  /** The sentence is there but "(과제번호)" (or a number) does not follow it. */
  | { readonly kind: 'noProjectNumber'; readonly coreEnd: number }
  /** The field resembles the sentence: where it starts and ends in the field, and what differs. */
  | { readonly kind: 'differs'; readonly start: number; readonly end: number; readonly differences: readonly Difference[]; readonly hasProjectNumber: boolean }
  /** Nothing in the field resembles the official sentence. */
  | { readonly kind: 'unrelated' };

/** Fields longer than this (normalised) are compared on their first part only. */
const MAX_ALIGNED = 4000;

/** Compares a field with the official acknowledgement sentence. */
export function checkAcknowledgement(field: string): AcknowledgementCheck {
  const written = normalise(field);
  const found = written.text.indexOf(CORE.text);
  if (found >= 0) {
    const after = found + CORE.text.length;
    if (PROJECT_NUMBER.test(written.text.slice(after))) return { kind: 'official' };
    return { kind: 'noProjectNumber', coreEnd: endOf(written, after - 1, field) };
  }
  const alignment = align(CORE.text, written.text.slice(0, MAX_ALIGNED));
  if (!alignment || alignment.cost > CORE.text.length / 2) return { kind: 'unrelated' };
  const differences = chunks(alignment.ops).map((chunk) => difference(chunk, written, field));
  const start = written.at[alignment.start] ?? 0;
  const end = endOf(written, alignment.end - 1, field);
  return { kind: 'differs', start, end, differences, hasProjectNumber: PROJECT_NUMBER.test(written.text.slice(alignment.end)) };
}

/** The index after the original character that normalised character `i` comes from. */
function endOf(written: Normalised, i: number, field: string): number {
  if (i < 0 || i >= written.at.length) return field.length;
  const index = written.at[i];
  const code = field.codePointAt(index) ?? 0;
  return index + (code > 0xffff ? 2 : 1);
}

type Op = { readonly kind: 'same' | 'change' | 'extra' | 'missing'; readonly p: number; readonly t: number };

/**
 * Aligns the official core `p` with a part of `t`: edit distance where the part of `t` may start
 * and end anywhere (a label before, a translation after cost nothing).
 */
function align(p: string, t: string): { cost: number; start: number; end: number; ops: Op[] } | undefined {
  const n = p.length;
  const m = t.length;
  if (n === 0 || m === 0) return undefined;
  const width = m + 1;
  const cost = new Uint16Array((n + 1) * width);
  for (let i = 1; i <= n; i++) cost[i * width] = i;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diagonal = cost[(i - 1) * width + j - 1] + (p[i - 1] === t[j - 1] ? 0 : 1);
      const up = cost[(i - 1) * width + j] + 1; // the field leaves out p[i - 1]
      const left = cost[i * width + j - 1] + 1; // the field adds t[j - 1]
      cost[i * width + j] = Math.min(diagonal, up, left);
    }
  }
  let end = 0;
  for (let j = 1; j <= m; j++) if (cost[n * width + j] < cost[n * width + end]) end = j;
  const ops: Op[] = [];
  let [i, j] = [n, end];
  while (i > 0) {
    const here = cost[i * width + j];
    if (j > 0 && here === cost[(i - 1) * width + j - 1] + (p[i - 1] === t[j - 1] ? 0 : 1)) {
      ops.push({ kind: p[i - 1] === t[j - 1] ? 'same' : 'change', p: i - 1, t: j - 1 });
      i--;
      j--;
    } else if (here === cost[(i - 1) * width + j] + 1) {
      ops.push({ kind: 'missing', p: i - 1, t: j });
      i--;
    } else {
      ops.push({ kind: 'extra', p: i, t: j - 1 });
      j--;
    }
  }
  ops.reverse();
  return { cost: cost[n * width + end], start: j, end, ops };
}

/** Runs of differing operations; runs with at most two matching characters between them are one. */
function chunks(ops: readonly Op[]): Op[][] {
  const result: Op[][] = [];
  let current: Op[] = [];
  let same = 0;
  for (const op of ops) {
    if (op.kind === 'same') {
      same++;
      if (current.length > 0) current.push(op);
      continue;
    }
    if (current.length > 0 && same > 2) {
      result.push(trim(current));
      current = [];
    }
    same = 0;
    current.push(op);
  }
  if (current.length > 0) result.push(trim(current));
  return result;
}

const trim = (chunk: Op[]): Op[] => {
  let last = chunk.length - 1;
  while (last > 0 && chunk[last].kind === 'same') last--;
  return chunk.slice(0, last + 1);
};

/** The words around a differing run, in the field and in the official sentence. */
function difference(chunk: readonly Op[], written: Normalised, field: string): Difference {
  const first = chunk[0];
  const last = chunk[chunk.length - 1];
  // Official side: the characters of p the run touches, or the point where the field adds text.
  const pFrom = first.p;
  const pTo = Math.max(last.kind === 'extra' ? last.p : last.p + 1, pFrom);
  const tFrom = first.t;
  const tTo = Math.max(last.kind === 'missing' ? last.t : last.t + 1, tFrom);
  return {
    official: words(OFFICIAL_CORE, CORE, pFrom, pTo),
    written: words(field, written, tFrom, tTo),
  };
}

/** The whole words of `original` that hold normalised characters [from, to) (or touch the point `from`). */
function words(original: string, normalised: Normalised, from: number, to: number): string {
  const startChar = normalised.at[Math.min(from, normalised.at.length - 1)] ?? original.length;
  const endChar = to > from ? (normalised.at[to - 1] ?? original.length - 1) + 1 : startChar;
  let start = Math.min(startChar, original.length);
  let end = Math.min(Math.max(endChar, start), original.length);
  while (start > 0 && !/\s/u.test(original[start - 1])) start--;
  while (end < original.length && !/\s/u.test(original[end])) end++;
  return original.slice(start, end).trim();
}
