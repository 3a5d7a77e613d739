/** Vague wording (form, 작성요령): where it is in a string, and the firm form for the quick fix. */
import { VAGUE_EXPRESSIONS } from '../../figures';
import { isLeadingWordChar, isWhiteSpace } from './chars';
import { NO_HITS, type Hit } from './strings';

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

/** A cheap test that rules a string out before any pattern runs on it. */
const MAY_BE_VAGUE = /수도|가능|고려|검토/;

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
