/**
 * The prose scans read strings with character codes and targeted searches instead of running
 * every pattern over every position. These tests hold them to the plain regex definitions they
 * replace, on generated strings built from the fragments that matter to each pattern.
 */
import * as assert from 'node:assert/strict';
import { VAGUE_EXPRESSIONS } from '../../server/src/core/figures';
import { definedAcronyms, forEachAcronym } from '../../server/src/core/rules/prose/acronyms';
import { vagueHits } from '../../server/src/core/rules/prose/vague';
import { mulberry32 } from '../support/random';

/** The plain definition: every match of every family's whole-phrase pattern, trimmed, by position. */
function vagueByRegex(value: string): Array<{ start: number; text: string; kind: string }> {
  const hits: Array<{ start: number; text: string; kind: string }> = [];
  if (!/수도|가능|고려|검토/.test(value)) return hits;
  for (const family of VAGUE_EXPRESSIONS.value) {
    for (const match of value.matchAll(family.pattern)) {
      const phrase = match[0].trim();
      hits.push({ start: match.index + match[0].indexOf(phrase), text: phrase, kind: family.id });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const ACRONYM = /(?<![A-Za-z0-9&])([A-Z]{2,})s?(?![A-Za-z0-9&])/gu;

/** The plain definition: each innermost parenthetical and the word before it, read with patterns. */
function definitionsByRegex(text: string, inJson: boolean): Set<string> {
  const defined = new Set<string>();
  for (const match of text.matchAll(inJson ? /\(([^()"]*)\)/gu : /\(([^()]*)\)/gu)) {
    const inside = match[1].trim();
    const wordBefore = /[A-Za-z가-힣]*$/u.exec(text.slice(0, match.index).replace(/ +$/, ''))![0];
    if (/^[A-Z]{2,}s?$/.test(inside)) {
      if (wordBefore.length > 0) defined.add(inside.replace(/s$/, ''));
      continue;
    }
    if (!/[a-z가-힣]/u.test(inside)) continue;
    for (const acronym of inside.matchAll(ACRONYM)) defined.add(acronym[1]);
    const preceding = /^(?:.*?[^A-Z])?([A-Z]{2,})s?$/.exec(wordBefore);
    if (preceding) defined.add(preceding[1]);
  }
  return defined;
}

function generate(fragments: readonly string[], seed: number, count: number, maxParts: number): string[] {
  const next = mulberry32(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let value = '';
    const parts = 1 + Math.floor(next() * maxParts);
    for (let p = 0; p < parts; p++) value += fragments[Math.floor(next() * fragments.length)];
    out.push(value);
  }
  return out;
}

const VAGUE_FRAGMENTS = [
  '가능', '하다', '함', '합니다', '불', '할', '될', ' ', '  ', '\u3000', '\t', '수도', '있다', '있음', '있을', ' 것', '것', '이다', '임',
  '고려', '검토', '중', '중이다', '하고', '있습니다', '해질', '으로', ' 예상', '기대', '된다', '확장', '이', 'A', 'b', '7', '.', ',', '(',
  '연구', 'GPU', '가능하다', '검토 중', '할 수도 있다',
];

const ACRONYM_FRAGMENTS = [
  '(', ')', ' (', '( ', ' )', 'LLM', 'LLMs', 'GPU', 'A', 'B', 's', 'S', 'ss', 'x', '9', '&', ' ', '\u3000', '\u00a0', '-', '"',
  '대규모 언어모델', '모델', 'Large Language Model', 'Korean', '예: ', 'API와 SDK', 'KMMLU', '2B', 'GPUs', '·',
  '(LLM)', '(GPUs)', '( SFT )', '(Large Language Model)', '(API와 SDK)', 'LLM(', 'KBL (', '언어모델(', 'RAGs(검색 증강)',
];

describe('prose scans', () => {
  it('find exactly the vague phrases the whole-phrase patterns find (4,000 generated strings)', () => {
    let found = 0;
    for (const value of generate(VAGUE_FRAGMENTS, 7, 4000, 12)) {
      const hits = vagueHits(value);
      assert.deepEqual(hits, vagueByRegex(value), JSON.stringify(value));
      found += hits.length;
    }
    assert.ok(found > 1000, `only ${found} phrases in the generated strings`);
  });

  it('find every vague phrase of the fixtures and of the form\'s examples', () => {
    for (const family of VAGUE_EXPRESSIONS.value) {
      const value = `본 과제는 ${family.example.replace('~', '시장 확대')}. 그리고 ${family.example.replace('~', '추가 모델 공개')}`;
      const hits = vagueHits(value);
      assert.deepEqual(hits, vagueByRegex(value));
      assert.equal(hits.length, 2, value);
      assert.ok(hits.every((h) => h.kind === family.id));
    }
  });

  it('read the same acronym definitions as the parenthetical patterns, in strings and in JSON text (6,000 generated strings)', () => {
    let found = 0;
    for (const value of generate(ACRONYM_FRAGMENTS, 11, 6000, 14)) {
      for (const inJson of [false, true]) {
        const defined = [...definedAcronyms(value, new Set(), inJson)].sort();
        assert.deepEqual(defined, [...definitionsByRegex(value, inJson)].sort(), `${JSON.stringify(value)} inJson=${inJson}`);
        found += defined.length;
      }
    }
    assert.ok(found > 1000, `only ${found} definitions in the generated strings`);
  });

  it('find exactly the acronyms the acronym pattern finds, from the start or from the first capitals (6,000 generated strings)', () => {
    let found = 0;
    for (const value of generate(ACRONYM_FRAGMENTS, 13, 6000, 10)) {
      const expected = [...value.matchAll(ACRONYM)].map((m) => [m.index, m.index + m[1].length]);
      const read = (begin: number) => {
        const spans: number[][] = [];
        forEachAcronym(value, 0, value.length, (start, end) => void spans.push([start, end]), begin);
        return spans;
      };
      assert.deepEqual(read(0), expected, JSON.stringify(value));
      const first = value.search(/[A-Z][A-Z]/);
      if (first >= 0) assert.deepEqual(read(first), expected, JSON.stringify(value));
      found += expected.length;
    }
    assert.ok(found > 3000, `only ${found} acronyms in the generated strings`);
  });

  it('read the definitions written both ways', () => {
    const defined = definedAcronyms('대규모 언어모델(LLM), KBL(Korean Benchmark for Legal), 미세조정 (SFTs), 자원(A100 80GB 4장), API(애플리케이션 인터페이스)', new Set());
    assert.deepEqual([...defined].sort(), ['API', 'KBL', 'LLM', 'SFT']);
  });
});
