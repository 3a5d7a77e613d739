/** Character classes of the prose scans, by character code (no regular expression per character). */

export const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
export const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
/** `[A-Za-z]`. */
export const isLatin = (c: number): boolean => isUpper(c) || isLower(c);
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** A Hangul syllable, `[가-힣]`. */
export const isHangul = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
export const isLowerOrHangul = (c: number): boolean => isLower(c) || isHangul(c);
/** Latin letters and Hangul syllables: the characters of a name before "(". */
export const isWordChar = (c: number): boolean => isUpper(c) || isLowerOrHangul(c);
/** What may not touch an acronym on either side: a digit or "&" (H200, GSM8K, R&D, KT&G). */
export const touchesAcronym = (c: number): boolean => isDigit(c) || c === 0x26;
/** `\s`: white space and line terminators, the characters String.prototype.trim removes. */
export const isWhiteSpace = (c: number): boolean =>
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x20 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
/** `[가-힣A-Za-z0-9]`, the characters of VAGUE_LEADING_WORD. */
export const isLeadingWordChar = (c: number): boolean => isWordChar(c) || isDigit(c);
