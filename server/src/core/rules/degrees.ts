/** Degrees as the form writes them (figures: DEGREES): recognising, ranking and suggesting them. */
import { DEGREES } from '../figures';

const RANKED = [...DEGREES.value.ranks].sort((a, b) => b.degree.length - a.degree.length);

/**
 * A degree of the form's kind: 박사, 석사, 학사 or 전문학사, with its field or kind before it
 * (공학박사, 법학전문석사) and 수료, 과정, 재학 or 졸업 after it (박사수료, 박사 과정).
 */
const DEGREE = new RegExp(`^[가-힣]*(?:${RANKED.map((r) => r.degree).join('|')})(?:\\s?(?:수료|과정|재학|졸업))?$`, 'u');

/** The rank of a degree (박사 highest), or undefined when the text is not one. */
export function degreeRank(text: string): number | undefined {
  const value = text.trim();
  if (!DEGREE.test(value)) return undefined;
  const base = value.replace(/\s?(?:수료|과정|재학|졸업)$/u, '');
  return RANKED.find((r) => base.endsWith(r.degree))?.rank;
}

/** Whether the text is a degree the form writes, or the form's way of saying there is none. */
export const isFormDegree = (text: string): boolean => degreeRank(text) !== undefined || DEGREES.value.none.includes(text.trim());

/** English degree names and abbreviations, with the Korean degree the form writes for them. */
const ENGLISH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:ph\.?\s?d\.?|d\.?\s?phil\.?|doctor(?:ate)?(?:\s+of\s+.+)?|dr\.?)$/iu, '박사'],
  [/^(?:m\.?\s?s\.?c?\.?|m\.?\s?a\.?|m\.?\s?eng\.?|m\.?\s?b\.?\s?a\.?|master(?:'s)?(?:\s+(?:degree|of\s+.+))?|석사학위)$/iu, '석사'],
  [/^(?:b\.?\s?s\.?c?\.?|b\.?\s?a\.?|b\.?\s?eng\.?|bachelor(?:'s)?(?:\s+(?:degree|of\s+.+))?|학사학위)$/iu, '학사'],
  [/^(?:associate(?:'s)?(?:\s+degree)?|전문학사학위)$/iu, '전문학사'],
  [/^박사학위$/u, '박사'],
];

/** The form's degree for a degree written another way ("Ph.D." → 박사), if it is one. */
export function suggestDegree(text: string): string | undefined {
  const value = text.trim();
  return ENGLISH.find(([pattern]) => pattern.test(value))?.[1];
}

/**
 * A degree written with its major in the form's shape ("석사(경영학)"), split into the two; the
 * form's 학위(전공) column is printed from `degree` and `major`, so each holds its own part.
 */
export function splitDegreeAndMajor(text: string): { readonly degree: string; readonly major: string } | undefined {
  const match = /^(.+?)\s*[(（]\s*(.+?)\s*[)）]$/u.exec(text.trim());
  if (!match) return undefined;
  const degree = match[1];
  return isFormDegree(degree) || suggestDegree(degree) ? { degree: suggestDegree(degree) ?? degree, major: match[2] } : undefined;
}
