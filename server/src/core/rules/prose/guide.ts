/**
 * Guide text left in a plan: the form's placeholders and marks (★, 000, YYYYMMDD …), the
 * placeholders gpuplan itself writes (〔대표자 성명〕, name@example.com …), and the form's guide
 * sentences, with or without their ★.
 */
import { FORM_GUIDE_SENTENCES, PROJECT_PLACEHOLDERS, TEMPLATE_GUIDE_PATTERNS } from '../../figures';
import { isDigit, isHangul, isLower, isUpper, isWhiteSpace } from './chars';
import { NO_HITS, type Hit } from './strings';

/**
 * The patterns as a single alternation with a capture group per pattern, so that a string is
 * scanned once whatever the number of patterns; the group that matched names it.
 */
function combine(patterns: readonly { readonly id: string; readonly pattern: RegExp }[]): { readonly regex: RegExp; readonly ids: readonly string[] } {
  return { regex: new RegExp(patterns.map((p) => `(${p.pattern.source})`).join('|'), 'gu'), ids: patterns.map((p) => p.id) };
}

/** What every sample number or date contains. */
const SAMPLE_VALUE = /1234-5678|0000-0000|123-45-67891|1900-01-01/;

/** The ids of gpuplan's own placeholders (their message says so). */
export const PROJECT_PLACEHOLDER_IDS: ReadonlySet<string> = new Set(PROJECT_PLACEHOLDERS.value.map((p) => p.id));

const FORM = combine(TEMPLATE_GUIDE_PATTERNS.value);
const PROJECT = combine(PROJECT_PLACEHOLDERS.value);
const FORM_MARKS = new RegExp(FORM.regex.source, 'u');
const BRACKETED_PLACEHOLDER = PROJECT_PLACEHOLDERS.value.find((p) => p.id === 'projectPlaceholder');
if (!BRACKETED_PLACEHOLDER) throw new Error('figures: PROJECT_PLACEHOLDERS has no "projectPlaceholder"');
const BRACKETED = new RegExp(BRACKETED_PLACEHOLDER.pattern.source, 'u');
/** The domain part of a sample address, read at an "@" (which is found much faster than any pattern). */
const SAMPLE_DOMAIN = /@(?:[A-Za-z0-9-]+\.)*(?:example\.(?:com|org|net)|[A-Za-z0-9-]+\.(?:example|test|invalid))(?![A-Za-z0-9.-])/uy;

function hasSampleDomain(text: string): boolean {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    SAMPLE_DOMAIN.lastIndex = at;
    if (SAMPLE_DOMAIN.test(text)) return true;
  }
  return false;
}

/**
 * Whether a text may hold a mark or placeholder anywhere: the form's marks as one pattern, and
 * gpuplan's placeholders by what each must contain (a "〔", an "@" before a sample domain, the
 * sample numbers). Never false where `guideHits` finds something; cheap on a whole plan, so a
 * plan without any is not walked string by string.
 */
export function guideTextAnywhere(text: string): boolean {
  return FORM_MARKS.test(text) || (text.includes('〔') && BRACKETED.test(text)) || hasSampleDomain(text) || SAMPLE_VALUE.test(text);
}

function scan(value: string, patterns: { readonly regex: RegExp; readonly ids: readonly string[] }, hits: Hit[]): void {
  patterns.regex.lastIndex = 0;
  for (let match = patterns.regex.exec(value); match; match = patterns.regex.exec(value)) {
    const groups: readonly (string | undefined)[] = match.slice(1); // the groups of the patterns that did not match are undefined
    hits.push({ start: match.index, text: match[0], kind: patterns.ids[groups.findIndex((group) => group !== undefined)] });
  }
}

/**
 * Every mark and placeholder in a string, in order: the form's marks, then gpuplan's
 * placeholders where the string may have one (the second pattern is slower and rarely needed);
 * a mark inside a placeholder ("〔000〕") is part of it.
 */
export function guideHits(value: string): readonly Hit[] {
  const hits: Hit[] = [];
  scan(value, FORM, hits);
  if (!value.includes('〔') && !value.includes('@') && !SAMPLE_VALUE.test(value)) return hits;
  const own: Hit[] = [];
  scan(value, PROJECT, own);
  if (own.length === 0) return hits;
  const inside = (h: Hit) => own.some((o) => h.start < o.start + o.text.length && o.start < h.start + h.text.length);
  return [...hits.filter((h) => !inside(h)), ...own].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// The form's guide sentences, compared after normalising: only Hangul, Latin letters (lower
// case) and digits count, so spacing, punctuation, brackets and a leading ★ do not matter.

/** The character a normalised text keeps for code `c`, or 0 if it drops it. */
export function normal(c: number): number {
  if (isHangul(c) || isLower(c) || isDigit(c)) return c;
  if (isUpper(c)) return c + 0x20;
  return 0;
}

/** A text normalised, with where each kept character was in the original. */
function normalise(text: string): { readonly codes: Int32Array; readonly at: Int32Array; readonly length: number } {
  const codes = new Int32Array(text.length);
  const at = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = normal(text.charCodeAt(i));
    if (c === 0) continue;
    codes[n] = c;
    at[n++] = i;
  }
  return { codes, at, length: n };
}

/**
 * Windows of K normalised characters, read every STEP characters of a string, find any run it
 * shares with a guide sentence that is at least K + STEP - 1 = 10 characters long: some window
 * of the string lies inside the run and is one of the guide's windows (all of them are indexed).
 * A window's hash is the polynomial Σ c·B^k mod 2^32, so the scan rolls it one character at a
 * time (two multiplications) and the index computes it directly: the same number.
 */
const K = 8;
const STEP = 3;
/** The shortest run that makes a finding: most of the sentence, and never fewer than 10 characters. */
const MIN_RUN = K + STEP - 1;
/** How many normalised characters of a guide sentence of `length` a string must have in one run to be reported. */
export const thresholdOf = (length: number): number => Math.min(length, Math.max(12, Math.ceil(0.6 * length)));

const B = 0x01000193;
/** B^K mod 2^32: what the character leaving a window of K weighs. */
const BK = Array.from({ length: K }).reduce<number>((x) => Math.imul(x, B), 1);
const windowHash = (codes: ArrayLike<number>, end: number): number => {
  let h = 0;
  for (let i = end - K; i < end; i++) h = (Math.imul(h, B) + codes[i]) | 0;
  return h;
};

const BITS = 1 << 20;
/** The bit of the filter a window hash sets. */
const bitOf = (h: number) => Math.imul(h, 0x9e3779b1) >>> 12;
/** Which window hashes occur in some guide sentence: a filter that almost every window fails. */
const seen = new Uint32Array(BITS >>> 5);
/** Where each window hash occurs: guide × 4096 + offset. */
const places = new Map<number, number[]>();
const guides = FORM_GUIDE_SENTENCES.value.map((g) => {
  const n = normalise(g.text);
  // What the sentence has before its first and after its last kept character ("(", "))").
  const lead = g.text.slice(0, n.at[0]).replace(/\s+/gu, '');
  const tail = g.text.slice(n.at[n.length - 1] + 1).replace(/\s+/gu, '');
  return { ...g, codes: n.codes.slice(0, n.length), threshold: thresholdOf(n.length), lead, tail };
});

guides.forEach((guide, g) => {
  if (guide.codes.length < MIN_RUN) throw new Error(`guide sentence too short to be told apart: ${guide.text}`);
  for (let end = K; end <= guide.codes.length; end++) {
    const h = windowHash(guide.codes, end);
    const list = places.get(h) ?? [];
    list.push(g * 4096 + end - K);
    places.set(h, list);
  }
});

/**
 * The filter holds the windows that tell a guide sentence from a plan's own text. A window found
 * in three or more guide sentences is the program's own vocabulary ("국가 AI컴퓨팅 자원을 활용"),
 * which plans write all the time: it is left out, so it does not send every such bullet to the
 * exact reading. Every guide keeps, in each of the STEP phases a scan may read it in, windows
 * of its own (checked here), so a guide sentence pasted whole is always found.
 */
const COMMON = 3;
const common = (h: number) => new Set((places.get(h) ?? []).map((place) => Math.floor(place / 4096))).size >= COMMON;
guides.forEach((guide) => {
  const phases = new Set<number>();
  for (let end = K; end <= guide.codes.length; end++) {
    const h = windowHash(guide.codes, end);
    if (common(h)) continue;
    phases.add((end - K) % STEP);
    const bit = bitOf(h);
    seen[bit >>> 5] |= 1 << (bit & 31);
  }
  if (phases.size < STEP) throw new Error(`guide sentence without windows of its own in every phase: ${guide.text}`);
});

/** The last K normalised characters of the scan (shared: the scan never runs twice at once). */
const ring = new Int32Array(K);

/** A guide sentence found in a string: where (in the string) and which. */
export interface SentenceHit extends Hit {
  readonly kind: 'guideSentence';
  /** Index in FORM_GUIDE_SENTENCES. */
  readonly guide: number;
}

/** The form's guide sentence number `index` and its place in the form. */
export const guideSentence = (index: number): { readonly place: string; readonly text: string } => FORM_GUIDE_SENTENCES.value[index];

/**
 * The form's guide sentences in a string, in order: each a run of the string's normalised text
 * that is at least 60% of a guide sentence (all of a short one) and at least 10 characters. The
 * string is read once, a window every 3 characters, with no allocation unless a window is one of
 * a guide's (rare): then it is normalised and the runs are read exactly.
 */
export function guideSentenceHits(value: string): readonly SentenceHit[] {
  if (value.length < MIN_RUN) return NO_HITS as readonly SentenceHit[];
  // The same strings come back analysis after analysis (every keystroke re-reads all prose):
  // looking a string up costs less than reading it (V8 hashes a string once, natively).
  const known = memo.get(value);
  if (known) return known;
  if (memo.size >= MEMO_SIZE) memo.clear();
  const hits = scanSentences(value);
  memo.set(value, hits);
  return hits;
}

const memo = new Map<string, readonly SentenceHit[]>();
const MEMO_SIZE = 20_000;

function scanSentences(value: string): readonly SentenceHit[] {
  let h = 0;
  let n = 0; // normalised characters read
  let next = K; // the next n at which a window is looked up
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c >= 0xac00) {
      if (c > 0xd7a3) continue;
    } else if (c >= 0x61) {
      if (c > 0x7a) continue;
    } else if (c >= 0x41) {
      if (c > 0x5a) continue;
      c += 0x20;
    } else if (c < 0x30 || c > 0x39) {
      continue;
    }
    const slot = n & (K - 1);
    h = (Math.imul(h, B) + c - Math.imul(ring[slot], BK)) | 0;
    ring[slot] = c;
    if (++n === next) {
      next += STEP;
      const bit = bitOf(h);
      if ((seen[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        ring.fill(0);
        return readSentences(value);
      }
    }
  }
  ring.fill(0);
  return NO_HITS as readonly SentenceHit[];
}

/** The exact reading, once a window of the string is known to be one of a guide's. */
function readSentences(value: string): readonly SentenceHit[] {
  const text = normalise(value);
  const hits: SentenceHit[] = [];
  let from = 0; // normalised characters before `from` belong to a hit already
  for (let end = K; end <= text.length; end++) {
    if (end - K < from || (end - K) % STEP !== 0) continue; // the windows the scan reads
    const h = windowHash(text.codes, end);
    const list = places.get(h);
    if (!list) continue;
    let best: { guide: number; start: number; stop: number; whole: boolean } | undefined;
    for (const place of list) {
      const g = Math.floor(place / 4096);
      const offset = place % 4096;
      const codes = guides[g].codes;
      // The run the window belongs to, as long as the string and the guide agree.
      let start = end - K;
      let gStart = offset;
      let same = true;
      for (let j = 0; j < K && same; j++) same = text.codes[start + j] === codes[gStart + j];
      if (!same) continue;
      while (start > from && gStart > 0 && text.codes[start - 1] === codes[gStart - 1]) {
        start--;
        gStart--;
      }
      let stop = end;
      let gStop = offset + K;
      while (stop < text.length && gStop < codes.length && text.codes[stop] === codes[gStop]) {
        stop++;
        gStop++;
      }
      if (stop - start >= guides[g].threshold && (!best || stop - start > best.stop - best.start)) {
        best = { guide: g, start, stop, whole: gStart === 0 && gStop === codes.length };
      }
    }
    if (!best) continue;
    let startAt = text.at[best.start];
    let endAt = text.at[best.stop - 1] + 1;
    if (best.whole) {
      // The sentence's own brackets and punctuation around it are part of it.
      const { lead, tail } = guides[best.guide];
      for (let j = lead.length - 1; j >= 0; j--) {
        const at = skipSpaces(value, startAt, -1) - 1;
        if (value[at] !== lead[j]) break;
        startAt = at;
      }
      for (const c of tail) {
        const at = skipSpaces(value, endAt, 1);
        if (value[at] !== c) break;
        endAt = at + 1;
      }
    }
    // A guide sentence in brackets ("(현재 사용중인 … 기술)") is deleted with them.
    const open = skipSpaces(value, startAt, -1);
    const close = skipSpaces(value, endAt, 1);
    if (value[open - 1] === '(' && value[close] === ')') {
      startAt = open - 1;
      endAt = close + 1;
    }
    hits.push({ start: startAt, text: value.slice(startAt, endAt), kind: 'guideSentence', guide: best.guide });
    from = best.stop;
    end = best.stop + K - 1;
  }
  return hits;
}

/** From `at`, past white space backwards (`step` -1: the index after the last space) or forwards. */
function skipSpaces(value: string, at: number, step: 1 | -1): number {
  let i = at;
  if (step < 0) while (i > 0 && isWhiteSpace(value.charCodeAt(i - 1))) i--;
  else while (i < value.length && isWhiteSpace(value.charCodeAt(i))) i++;
  return i;
}

/**
 * The guide findings of a prose string: its marks and placeholders and its guide sentences,
 * one finding per guide sentence (its ★ before it, and any mark inside it, are part of it).
 */
export function proseGuideHits(value: string, marks: readonly Hit[]): readonly Hit[] {
  const sentences = guideSentenceHits(value);
  if (sentences.length === 0) return marks;
  const hits: Hit[] = [];
  const merged = sentences.map((s) => ({ ...s }));
  for (const mark of marks) {
    const end = mark.start + mark.text.length;
    const inside = merged.find((s) => mark.start >= s.start && end <= s.start + s.text.length);
    if (inside) continue;
    // A ★ (and white space, brackets) right before a sentence: the sentence starts there.
    const next = mark.kind === 'star' ? merged.find((s) => s.start >= end && /^[\s(]*$/u.test(value.slice(end, s.start))) : undefined;
    if (next) {
      next.text = value.slice(mark.start, next.start + next.text.length);
      next.start = mark.start;
      continue;
    }
    hits.push(mark);
  }
  return [...hits, ...merged].sort((a, b) => a.start - b.start);
}
