/**
 * Korean particles (조사) that depend on the sound the word before them ends with: 은/는, 이/가,
 * 을/를, 과/와, 으로/로, 이어야/여야 and the like. Messages write `{0|을}` and get "서버를" or
 * "기간을"; never the generic "을(를)" or "(으)로" of a form letter.
 *
 * The final sound is read from the last Hangul syllable, or from how Korean readers say the last
 * digit, Latin letter or word: "32" (삼십이) takes 를, "B200" (비이백) takes 을, "LLM" (엘엘엠)
 * takes 을, "2026.09." (구월) takes 을.
 */

/** Each particle as [after a final consonant, after a vowel]. 으로/로 has a third case: ㄹ. */
const PARTICLES: ReadonlyArray<readonly [string, string]> = [
  ['은', '는'],
  ['이', '가'],
  ['을', '를'],
  ['과', '와'],
  ['으로', '로'],
  ['으로서', '로서'],
  ['으로써', '로써'],
  ['이어야', '여야'],
  ['이다', '다'],
  ['이며', '며'],
  ['이고', '고'],
  ['이나', '나'],
  ['이라', '라'],
  ['이라고', '라고'],
  ['이라는', '라는'],
  ['이지만', '지만'],
  ['이었', '였'],
  ['아', '야'],
  ['이에요', '예요'],
  ['입니다', '입니다'],
];

const BY_NAME = new Map<string, readonly [string, string]>();
for (const pair of PARTICLES) {
  BY_NAME.set(pair[0], pair);
  BY_NAME.set(pair[1], pair);
}

export type FinalSound = 'consonant' | 'rieul' | 'vowel';

/** The final consonant (종성) index of a Hangul syllable: 0 none, 8 ㄹ. */
const jongseong = (code: number): number => (code - 0xac00) % 28;

/** How the digits 0–9 sound at the end of a number read in Korean (영 일 이 삼 사 오 육 칠 팔 구). */
const DIGIT: readonly FinalSound[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];

/** Latin letters as Korean says their names: 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 … */
const LETTER: Readonly<Record<string, FinalSound>> = {
  a: 'vowel',
  b: 'vowel',
  c: 'vowel',
  d: 'vowel',
  e: 'vowel',
  f: 'vowel',
  g: 'vowel',
  h: 'vowel',
  i: 'vowel',
  j: 'vowel',
  k: 'vowel',
  l: 'rieul',
  m: 'consonant',
  n: 'consonant',
  o: 'vowel',
  p: 'vowel',
  q: 'vowel',
  r: 'rieul',
  s: 'vowel',
  t: 'vowel',
  u: 'vowel',
  v: 'vowel',
  w: 'vowel',
  x: 'vowel',
  y: 'vowel',
  z: 'vowel',
};

/** What does not sound: closing quotes and brackets, full stops after a date, spaces. */
const SILENT = /[\s"'”’」』)\]}>›»]+$/u;

/**
 * The sound a word ends with, as a Korean reader says it. Words in Latin lower case are read as
 * English loanwords ("servers" 서버스, "model" 모델, "team" 팀); capitals as letter names.
 */
export function finalSound(word: string): FinalSound {
  let text = withoutNestedGroup(word.replace(SILENT, ''), word);
  // "2026.09." and "2026.09.01.": read as 월 or 일, which end in ㄹ.
  if (/\d\.$/.test(text)) return 'rieul';
  text = text.replace(/[.,;:!?…·%‰]+$/u, (tail) => (tail.includes('%') ? '%' : ''));
  if (text.endsWith('%')) return 'vowel'; // 퍼센트
  const last = text.charCodeAt(text.length - 1);
  if (Number.isNaN(last)) return 'vowel';
  if (last >= 0xac00 && last <= 0xd7a3) {
    const jong = jongseong(last);
    return jong === 0 ? 'vowel' : jong === 8 ? 'rieul' : 'consonant';
  }
  if (last >= 0x30 && last <= 0x39) return numberSound(text);
  const tail = /[A-Za-z]+$/.exec(text)?.[0];
  if (tail) {
    if (tail === tail.toUpperCase()) return LETTER[tail[tail.length - 1].toLowerCase()];
    return englishWordSound(tail.toLowerCase());
  }
  return 'vowel';
}

/**
 * A label in parentheses that ends in a parenthesis of its own — `"commercialization" (기술·사업화
 * 가능성(해당 시))` — is read up to the word before the inner parenthesis ("가능성"), as Korean
 * attaches a particle to the word before a parenthetical note.
 */
function withoutNestedGroup(stripped: string, word: string): string {
  const closers = word.replace(/[\s"'”’」』\]}>›»]+$/u, '').match(/\)+$/u)?.[0].length ?? 0;
  if (closers < 2) return stripped;
  let text = word.replace(/[\s"'”’」』\]}>›»]+$/u, '').slice(0, -1);
  // Remove the inner group: from its "(" to the end.
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) {
      text = text.slice(0, i);
      break;
    }
  }
  return text.replace(SILENT, '');
}

/** A number's last spoken unit: 10 십, 100 백, 1000 천, 10000 만; else its last digit. */
function numberSound(text: string): FinalSound {
  const digits = /[\d,]+$/.exec(text)?.[0].replace(/,/g, '') ?? '';
  const last = Number(digits[digits.length - 1]);
  if (last !== 0 || /^0+$/.test(digits)) return DIGIT[last];
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  // 십 (ㅂ), 백 (ㄱ), 천 (ㄴ), 만 (ㄴ); beyond, 십만 백만 천만 억 (ㄱ)…: all end in a consonant.
  return zeros >= 1 ? 'consonant' : DIGIT[last];
}

/**
 * English loanwords as Korean writes them: a final l is ㄹ (모델, 타이틀), m n ng k p b are 받침
 * (팀, 플랜, 북, 앱), also before a silent e (네임, 라인, 타입); r, s, t, d and the rest end in a
 * vowel (서버, 먼스, 데이트, 코드).
 */
function englishWordSound(word: string): FinalSound {
  if (/(?:l|le)$/.test(word)) return 'rieul';
  if (/(?:m|n|ng|ck|k|p|b)$/.test(word) || /[aeiouy](?:m|n|p)e$/.test(word)) return 'consonant';
  return 'vowel';
}

/** The form of `particle` (either form may be named: "을" or "를") that follows `word`. */
export function particle(word: string, name: string): string {
  const pair = BY_NAME.get(name);
  if (!pair) return name;
  const sound = finalSound(word);
  if (pair[0].startsWith('으로')) return sound === 'consonant' ? pair[0] : pair[1];
  return sound === 'vowel' ? pair[1] : pair[0];
}

/** `word` with its particle attached: withParticle("서버", "을") → "서버를". */
export const withParticle = (word: string, name: string): string => word + particle(word, name);

/** Whether `name` is a particle this module knows. */
export const isParticle = (name: string): boolean => BY_NAME.has(name);
