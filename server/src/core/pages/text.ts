/**
 * How many lines a text takes at a given width, as the HTML export's browser breaks it: the
 * advance width of each character in the export's faces (serif body text, sans-serif headings and
 * tables), and greedy line breaking with the export's `word-break: keep-all` (Korean words are
 * not split; lines break at spaces, after a hyphen between letters, after a middle dot, around
 * brackets and slashes next to Hangul) and `overflow-wrap: anywhere` (a word longer than the line
 * is cut where it overflows).
 *
 * Widths are in em (the font size); the figures are in PAGE_ESTIMATE.faces. Measured against
 * Chromium's own line breaks on the calibration plans, 99.5% of paragraphs, bullets and table
 * cells get their exact line count (the rest are mostly URLs).
 */
import { PAGE_ESTIMATE, type FaceWidths } from '../figures';

export type Face = 'serif' | 'sans' | 'sansBold';

interface FaceTable {
  /** Widths of U+0000–U+007F in em (control characters 0). */
  readonly ascii: Float64Array;
  readonly hangul: number;
  readonly middleDot: number;
  readonly middleDotLatin: number;
  readonly doubleQuote: number;
  readonly singleQuote: number;
  readonly latin: number;
  readonly space: number;
}

function faceTable(face: FaceWidths): FaceTable {
  const ascii = new Float64Array(128);
  face.ascii.forEach((w, i) => (ascii[0x20 + i] = w / 1000));
  return {
    ascii,
    hangul: face.hangul / 1000,
    middleDot: face.middleDot / 1000,
    middleDotLatin: face.middleDotLatin / 1000,
    doubleQuote: face.doubleQuote / 1000,
    singleQuote: face.singleQuote / 1000,
    latin: face.latin / 1000,
    space: ascii[0x20],
  };
}

const FACES: Readonly<Record<Face, FaceTable>> = {
  serif: faceTable(PAGE_ESTIMATE.value.faces.serif),
  sans: faceTable(PAGE_ESTIMATE.value.faces.sans),
  sansBold: faceTable(PAGE_ESTIMATE.value.faces.sansBold),
};

/** The widest glyph of any face, in em: every character is at most this wide. */
export const WIDEST = Math.max(
  1,
  ...Object.values(FACES).map((f) => Math.max(...f.ascii, f.hangul, f.middleDot, f.middleDotLatin, f.doubleQuote, f.singleQuote, f.latin)),
);

const isHangul = (c: number): boolean => (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number): boolean => isAsciiAlnum(c) || isHangul(c);

/** The width of a character that is not ASCII or a Hangul syllable, given its neighbours. */
function otherWidth(face: FaceTable, c: number, before: number, after: number): number {
  if (isHangul(c)) return face.hangul;
  if (c === 0xb7) return isAsciiAlnum(before) || isAsciiAlnum(after) ? face.middleDotLatin : face.middleDot;
  if (c === 0x201c || c === 0x201d) return face.doubleQuote;
  if (c === 0x2018 || c === 0x2019) return face.singleQuote;
  if (c === 0xa0) return face.space;
  if (c === 0xd7 || c === 0xb1 || c === 0xf7) return 1; // × ± ÷ are full width in the CJK faces
  if (c < 0x1100) return face.latin;
  return 1;
}

const widthOf = (face: FaceTable, text: string, i: number): number => {
  const c = text.charCodeAt(i);
  if (c < 128) return face.ascii[c];
  if (c >= 0xac00 && c <= 0xd7a3) return face.hangul;
  return otherWidth(face, c, i > 0 ? text.charCodeAt(i - 1) : 0x20, i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20);
};

/**
 * Whether a line may break between the characters `a` and `b` (spaces, which always allow a
 * break, aside): after a hyphen between letters or digits, after a middle dot, after a slash
 * before Hangul, before an opening bracket after Hangul (or another wide character), after a
 * closing bracket before one. That is what Chromium does with `word-break: keep-all`.
 */
function breakBetween(a: number, b: number, beforeA: number): boolean {
  if (a === 0x2d /* - */) return isAlnum(beforeA) && isAlnum(b);
  if (a === 0x2f /* / */) return b >= 0x1100;
  if (a === 0xb7 /* · */) return true;
  if (b === 0x28 /* ( */ || b === 0x5b /* [ */) return a >= 0x1100;
  if (a === 0x29 /* ) */ || a === 0x5d /* ] */) return b >= 0x1100;
  return false;
}

/**
 * Lines of `text` in a box `widthEm` wide (in em of the face), breaking greedily as the browser
 * does. An empty text takes one line (the export writes an empty paragraph, or "해당 없음").
 * This runs over every character of a plan's prose, so it is one tight loop with a fast path
 * for Hangul syllables, and places words inline.
 */
export function lineCount(text: string, widthEm: number, face: Face): number {
  const f = FACES[face];
  const n = text.length;
  const width = widthEm > 1 ? widthEm : 1;
  // Whatever its characters, a text this short fits on one line.
  if (n * WIDEST <= width) return 1;
  const ascii = f.ascii;
  const hangul = f.hangul;
  let lines = 1;
  let line = 0; // width of the current line, without a trailing space
  let gap = 0; // the space before the word being read, if the line goes on with it
  let word = 0; // width of the word being read
  let wordStart = 0;
  let previous = 0x20;
  for (let i = 0; i <= n; i++) {
    let c: number;
    let w: number;
    if (i < n) {
      c = text.charCodeAt(i);
      if (c >= 0xac00 && c <= 0xd7a3) {
        // Hangul: the common case. A line may break before it only after - / · ) ]; none within a
        // run of Hangul, which is read in one go.
        if (previous >= 0xac00 || previous === 0x20 || !breakBetween(previous, c, i > 1 ? text.charCodeAt(i - 2) : 0x20)) {
          if (word === 0) wordStart = i;
          let end = i + 1;
          while (end < n) {
            const d = text.charCodeAt(end);
            if (d < 0xac00 || d > 0xd7a3) break;
            end++;
          }
          word += (end - i) * hangul;
          previous = text.charCodeAt(end - 1);
          i = end - 1;
          continue;
        }
        w = hangul;
      } else if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
        if (previous === 0x20) continue;
        w = -1;
      } else {
        w = c < 128 ? ascii[c] : otherWidth(f, c, previous, i + 1 < n ? text.charCodeAt(i + 1) : 0x20);
        if (previous === 0x20 || !breakBetween(previous, c, i > 1 ? text.charCodeAt(i - 2) : 0x20)) {
          if (word === 0) wordStart = i;
          word += w;
          previous = c;
          continue;
        }
      }
    } else {
      c = 0x20;
      w = -1;
    }
    // A break opportunity before c (or the end): place the word read so far on this line if it
    // fits, else on the next; a word longer than a line is cut where it overflows.
    if (word > 0) {
      if (line > 0 && line + gap + word <= width) line += gap + word;
      else {
        if (line > 0) lines++;
        if (word <= width) line = word;
        else {
          const cut = cutWord(f, text, width, wordStart, i);
          lines += Math.floor(cut / CUT);
          line = cut % CUT;
        }
      }
    }
    if (w < 0) {
      gap = f.space;
      word = 0;
      previous = 0x20;
    } else {
      gap = 0;
      wordStart = i;
      word = w;
      previous = c;
    }
  }
  return lines;
}

/** `cutWord` returns the lines it adds × CUT + the width left on its last line (less than CUT em). */
const CUT = 1 << 20;

/** Cuts a word longer than the line (`text` from `start` to `end`) after the last character that fits, again and again. */
function cutWord(f: FaceTable, text: string, width: number, start: number, end: number): number {
  let added = 0;
  let rest = 0;
  for (let k = start; k < end; k++) {
    const cw = widthOf(f, text, k);
    if (rest > 0 && rest + cw > width) {
      added++;
      rest = 0;
    }
    rest += cw;
  }
  return added * CUT + Math.min(rest, CUT - 1);
}
