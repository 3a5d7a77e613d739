/**
 * Vague wording (form, 작성요령): where it is in a string, whether it really is vague there, and
 * the firm form a quick fix may write when it can be written grammatically.
 */
import { VAGUE_EXPRESSIONS } from '../../figures';
import { isLeadingWordChar, isWhiteSpace } from './chars';
import {
  CITES_SOURCE,
  CONNECTIVE,
  DECLINE_VERB,
  HARM_NOUN,
  HARM_VERB,
  NEGATED,
  QUALITY_NOUN,
  REMEDY_VERB,
  isDecision,
  isDroppable,
  isVerbalNoun,
  splitParticle,
} from './lexicon';
import { NO_HITS, type Hit } from './strings';

export type VagueFamily = (typeof VAGUE_EXPRESSIONS.value)[number]['id'];

/** A vague phrase: where it is, its family, and the ending the family's pattern matched. */
export interface VagueHit extends Hit {
  readonly kind: VagueFamily;
  /** Where the ending starts in the string (after the leading word). */
  readonly ending: number;
}

/** A cheap test that rules a string out before any pattern runs on it. */
const MAY_BE_VAGUE = /수\s*(?:도\s*)?있|가능|고려|검토|것으로|예상|전망|다고/;

/**
 * Each vague family as its ending (searched for) and its whole phrase (read from a known start).
 * The phrase pattern begins with an optional word, so searching with it tries every position of
 * the string; the ending is found much faster.
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
 * Every match of the families' patterns, exactly as `value.matchAll(family.pattern)` finds them:
 * the leftmost ending tells where the leftmost phrase starts, and the phrase pattern read from
 * there gives its extent (a test compares the two on generated strings). Not yet judged.
 */
export function vagueMatches(value: string): readonly VagueHit[] {
  if (!MAY_BE_VAGUE.test(value)) return NO_HITS as readonly VagueHit[];
  const hits: VagueHit[] = [];
  for (const family of VAGUE) {
    let floor = 0;
    family.ending.lastIndex = 0;
    for (let ending = family.ending.exec(value); ending; ending = family.ending.exec(value)) {
      family.phrase.lastIndex = phraseStart(value, ending.index, floor);
      const match = family.phrase.exec(value);
      if (!match) continue; // cannot happen: the ending alone is a match
      hits.push(hitOf(match, family.id));
      floor = family.phrase.lastIndex;
      family.ending.lastIndex = floor;
    }
  }
  return hits;
}

/** A match of a family's pattern as a hit: the phrase, and where its ending (group 1) starts. */
export const hitOf = (match: RegExpExecArray, kind: VagueFamily): VagueHit => ({
  start: match.index,
  text: match[0],
  kind,
  ending: match.index + match[0].length - match[1].length,
});

/** Where the clause around `at` starts: after the last . ; ! ? or line break before it. */
function clauseStart(value: string, at: number): number {
  let from = at;
  for (let c = value.charCodeAt(from - 1); from > 0 && c !== 0x2e && c !== 0x3b && c !== 0x21 && c !== 0x3f && c !== 0x0a; c = value.charCodeAt(from - 1))
    from--;
  return from;
}

/** Characters between words: white space, comma, middle dot, parentheses. */
const isWordGap = (c: number): boolean => isWhiteSpace(c) || c === 0x2c || c === 0xb7 || c === 0x28 || c === 0x29;

/** The words before `at` in the same clause, nearest first (at most `count`). */
function wordsBefore(value: string, at: number, count: number): string[] {
  const from = clauseStart(value, at);
  const words: string[] = [];
  let end = at;
  while (words.length < count) {
    while (end > from && isWordGap(value.charCodeAt(end - 1))) end--;
    if (end <= from) break;
    let start = end;
    while (start > from && !isWordGap(value.charCodeAt(start - 1))) start--;
    words.push(value.slice(start, end));
    end = start;
  }
  return words;
}

/** The word right before the ending, inside the phrase ("도입을" of "도입을 고려하고 있음"). */
const leadingWord = (hit: VagueHit, value: string): string => value.slice(hit.start, hit.ending).trim();

/**
 * What "고려·검토" weighs: the object or topic before it ("도입을", "적용 여부는"), looked for
 * over a few words (past a clause such as "결과를 보고"), else the word right before it.
 */
function weighed(value: string, hit: VagueHit): { stem: string; particle: string } {
  const words = wordsBefore(value, hit.ending, 6);
  for (let i = 0; i < words.length; i++) {
    if (CONNECTIVE.test(words[i])) {
      i++; // the object of the connective verb is not what is weighed
      continue;
    }
    const split = splitParticle(words[i]);
    if (['을', '를', '은', '는'].includes(split.particle)) return split;
  }
  return words.length > 0 ? splitParticle(words[0]) : { stem: '', particle: '' };
}

/** The verb a "~ㄹ 수 있음" phrase is about: the leading word with the ㄹ syllable ("떨어질"). */
function mayVerb(value: string, hit: VagueHit): string {
  const syllableEnd = hit.ending + 1;
  const word = value.slice(hit.start, syllableEnd).trim();
  return word.includes(' ') ? word.slice(word.lastIndexOf(' ') + 1) : word;
}

const CAN = /[가-힣]\s*수\s*(?:도\s*)?있/uy;
/** Whether a mayDo phrase is "~ㄹ 수(도) 있…" (not a guess such as "~것으로 예상됨"). */
function isMayDoCan(hit: VagueHit, value: string): boolean {
  CAN.lastIndex = hit.ending;
  return CAN.test(value);
}
/** A guess: "~것으로 예상됨", "~다고 판단됨", "~할 전망". */
const isGuess = (hit: VagueHit): boolean => /것으로|다고|전망/u.test(hit.text.slice(hit.ending - hit.start));

/**
 * Whether a matched phrase is vague where it stands. Not vague: a risk ("유출될 수 있음"), a
 * negation ("탐지하지 못할 수 있음"), a forecast quoted with its source, review of something as a
 * task ("결과는 현장 전문가 검토 예정", "품질을 검토함").
 */
export function isVague(value: string, hit: VagueHit): boolean {
  switch (hit.kind) {
    case 'mayDo': {
      if (isMayDoCan(hit, value)) {
        const verb = mayVerb(value, hit);
        if (NEGATED.test(verb.slice(0, -1)) || NEGATED.test(wordsBefore(value, hit.start, 1)[0] ?? '')) return false;
        if (HARM_VERB.test(verb)) return false;
        const clause = value.slice(clauseStart(value, hit.start), hit.start);
        if (HARM_NOUN.test(clause) && !REMEDY_VERB.test(verb)) return false;
        if (QUALITY_NOUN.test(clause) && DECLINE_VERB.test(verb)) return false;
        return true;
      }
      return !CITES_SOURCE.test(value);
    }
    case 'possible': {
      if (isGuess(hit) && CITES_SOURCE.test(value)) return false;
      const { stem } = splitParticle(leadingWord(hit, value));
      return !/^(?:발생|지연|유출|노출|악용|침해|중단|누락|오작동|실패)$/u.test(stem);
    }
    case 'considering': {
      const rest = value.slice(hit.ending);
      const consider = rest.startsWith('고려');
      const settled = /^(?:고려|검토)\s*(?:함|한다|합니다|하겠음|하겠다|하겠습니다)/u.test(rest);
      if (consider && !settled) return true; // 고려하고 있음, 고려 중, 고려 예정: always an intention
      const { stem, particle } = weighed(value, hit);
      if (isDecision(stem)) return true;
      // An object or topic that is not a decision is what is reviewed: review as a task.
      if (particle !== '' || settled) return false;
      // "검토 중/예정" after a time or a clause ("2027년 검토 예정", "범위로 검토 예정",
      // "수요에 따라 검토 예정"): an intention; after a plain noun ("전문가 검토 예정"): who reviews.
      return /(?:년|월|후|이후|이전|내|중에|에|로|으로|고|여|서|면|라|며)$/u.test(stem) || /\d/u.test(stem);
    }
  }
}

/**
 * Every vague phrase of a string, in order: the families' matches that are vague where they
 * stand, without overlaps (the earlier, then the longer, is kept: "가능할 것으로 예상됨" is one).
 */
export function vagueHits(value: string): readonly VagueHit[] {
  const matches = vagueMatches(value);
  if (matches.length === 0) return NO_HITS as readonly VagueHit[];
  return judge(value, matches);
}

/** The vague ones of a string's matches, in order, without overlaps. */
export function judge(value: string, matches: readonly VagueHit[]): readonly VagueHit[] {
  if (matches.length === 1) return isVague(value, matches[0]) ? matches : (NO_HITS as readonly VagueHit[]);
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.text.length - a.text.length);
  const kept: VagueHit[] = [];
  let end = -1;
  for (const hit of sorted) {
    if (hit.start < end) continue;
    if (!isVague(value, hit)) continue;
    kept.push(hit);
    end = hit.start + hit.text.length;
  }
  return kept;
}

/** Endings a firm "~함" can replace: the phrase is the predicate that ends the sentence. */
const REPLACEABLE: Readonly<Record<VagueFamily, RegExp>> = {
  possible: /^가능(?:하다|함|합니다|해짐|해진다|해집니다|할\s*것(?:임|이다|입니다)?)?$/u,
  mayDo: /^[할될]\s*수\s*(?:도\s*)?있(?:다|음|습니다|을\s*것(?:임|이다|입니다)?)$/u,
  considering: /^(?:고려|검토)\s*(?:하고\s*있(?:다|음|습니다)|중(?:이다|임|입니다)?|(?:할\s*)?(?:예정|계획)(?:이다|임|입니다)?|함|한다|합니다)$/u,
};

/**
 * The firm form a quick fix may write in place of the phrase, or undefined where none is
 * grammatical: the phrase ends the sentence, its word is a verbal noun, and dropping its
 * particle keeps the meaning. "확장이 가능함" → "확장함", "확장될 수 있음" → "확장됨",
 * "도입을 고려하고 있음" → "도입함"; none for "확산도 가능함" (도), "줄일 수 있음" (not a
 * 하다-verb), "가능하며" (the sentence goes on) or a guess ("~것으로 예상됨").
 */
export function firmForm(value: string, hit: VagueHit): string | undefined {
  const after = value.slice(hit.start + hit.text.length);
  if (!/^\s*(?:$|[.。;](?:\s|$))/u.test(after)) return undefined;
  const ending = value.slice(hit.ending, hit.start + hit.text.length);
  if (!REPLACEABLE[hit.kind].test(ending)) return undefined;
  const word = leadingWord(hit, value);
  // A connective ("결과를 보고 검토 예정") is a verb, never the noun of the firm form ("보고함").
  if (word === '' || CONNECTIVE.test(word)) return undefined;
  if (hit.kind === 'mayDo') {
    // "확장할 수 있음": the word before the ending is the verbal noun of 확장하다.
    const passive = ending.startsWith('될');
    // "고려할 수 있음" → "고려함" would be vague still.
    return isVerbalNoun(word) && !/(?:고려|검토)$/u.test(word) ? `${word}${passive ? '됨' : '함'}` : undefined;
  }
  const { stem, particle } = splitParticle(word);
  if (!isDroppable(particle) || !isVerbalNoun(stem)) return undefined;
  return `${stem}함`;
}
