/**
 * The prose scans read strings with character codes and targeted searches instead of running
 * every pattern over every position. These tests hold them to the plain regex definitions they
 * replace, on generated strings built from the fragments that matter to each pattern.
 */
import * as assert from 'node:assert/strict';
import { FORM_GUIDE_SENTENCES, PROJECT_PLACEHOLDERS, TEMPLATE_GUIDE_PATTERNS, VAGUE_EXPRESSIONS } from '../../server/src/core/figures';
import { CAPITALS, definedAcronyms, forEachAcronym } from '../../server/src/core/rules/prose/acronyms';
import { guideHits, guideSentenceHits, guideTextAnywhere, normal, thresholdOf } from '../../server/src/core/rules/prose/guide';
import { hitOf, judge, vagueHits, vagueMatches, type VagueHit } from '../../server/src/core/rules/prose/vague';
import { mulberry32 } from '../support/random';

/** The plain definition: every match of every family's whole-phrase pattern, by position. */
function vagueByRegex(value: string): VagueHit[] {
  const hits: VagueHit[] = [];
  if (!/수\s*(?:도\s*)?있|가능|고려|검토|것으로|예상|전망|다고/.test(value)) return hits;
  for (const family of VAGUE_EXPRESSIONS.value) {
    for (const match of value.matchAll(family.pattern)) hits.push(hitOf(match, family.id));
  }
  return hits;
}

const byPlace = (hits: readonly VagueHit[]) => [...hits].sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));

/** The plain definition of an acronym: runs of letters read with patterns, joined by "-", a plural "s" dropped. */
function acronymsByRegex(text: string): Array<[number, number]> {
  const runs = [...text.matchAll(/[A-Za-z]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const isAcronym = (r: { start: number; end: number; word: string }) =>
    /[A-Z].*[A-Z]/.test(r.word) && !/^[a-z]{3,}|[A-Z][a-z]{2,}/.test(r.word) && !/[0-9&]/.test(text[r.start - 1] ?? '') && !/[0-9&]/.test(text[r.end] ?? '');
  const out: Array<[number, number]> = [];
  for (let i = 0; i < runs.length; i++) {
    if (!isAcronym(runs[i])) continue;
    let j = i;
    while (j + 1 < runs.length && runs[j + 1].start === runs[j].end + 1 && text[runs[j].end] === '-' && isAcronym(runs[j + 1])) j++;
    const end = /[A-Z]s$/.test(runs[j].word) && runs[j].end - 1 > runs[i].start ? runs[j].end - 1 : runs[j].end;
    out.push([runs[i].start, end]);
    i = j;
  }
  return out;
}

const acronymTexts = (text: string) => acronymsByRegex(text).map(([s, e]) => text.slice(s, e));

/** The plain definition: each innermost parenthetical with the word before it, and each "X: full name", read with patterns. */
function definitionsByRegex(text: string, inJson: boolean): Set<string> {
  const defined = new Set<string>();
  const words = (s: string) => /[가-힣]|[a-z]{2}/u.test(s);
  for (const match of text.matchAll(inJson ? /\(([^()"]*)\)/gu : /\(([^()]*)\)/gu)) {
    const inside = match[1].trim();
    const before = text.slice(0, match.index).replace(/ +$/, '');
    const wordBefore = /[A-Za-z가-힣0-9]$/u.test(before);
    const token = wordBefore ? /[A-Za-z0-9-]*$/.exec(before)![0] : '';
    const found = acronymsByRegex(inside);
    if (found.length === 1 && found[0][0] === 0 && (found[0][1] === inside.length || (found[0][1] === inside.length - 1 && inside.endsWith('s')))) {
      if (wordBefore) defined.add(inside.slice(found[0][0], found[0][1]));
      continue;
    }
    if (!words(inside)) continue;
    for (const a of acronymTexts(inside)) defined.add(a);
    for (const a of acronymTexts(token)) defined.add(a);
  }
  for (const match of text.matchAll(/[:：]/g)) {
    const head = /([A-Za-z-]+) *$/.exec(text.slice(0, match.index));
    if (!head) continue;
    const term = head[1];
    const found = acronymsByRegex(term);
    if (found.length !== 1 || found[0][0] !== 0 || found[0][1] !== term.length) continue;
    const lead = text.slice(0, head.index).replace(/\s+$/u, '');
    if (!(lead === '' || /[※*·•\-–—,;([○□▶◦●■★☆◎▷►]$/u.test(lead) || (inJson && lead.endsWith('"')))) continue;
    if (words(/^[^,;)"\n]*/.exec(text.slice(match.index + 1))![0])) defined.add(term);
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
  '가능',
  '하다',
  '함',
  '합니다',
  '불',
  '할',
  '될',
  '줄일',
  ' ',
  '  ',
  '\u3000',
  '\t',
  '수',
  '수도',
  '있다',
  '있음',
  '있을',
  '있으며',
  '있어',
  ' 것',
  '것',
  '이다',
  '임',
  '고려',
  '검토',
  '중',
  '중이다',
  '중인',
  '하고',
  '있습니다',
  '해질',
  '해짐',
  '하며',
  '한',
  '성',
  '하도록',
  ' 여부',
  '으로',
  ' 예상',
  '예상됨',
  '판단됨',
  '보임',
  '기대',
  '된다',
  '전망',
  ' 예정',
  '계획',
  '것으로 ',
  '다고 ',
  '확장',
  '도입을 ',
  '확산도 ',
  '이',
  'A',
  'b',
  '7',
  '.',
  ',',
  '(',
  ')',
  '연구',
  'GPU',
  '가능하다',
  '검토 중',
  '할 수도 있다',
  '할 수 있음',
  '검토 중 발견',
  '결과는 ',
  '보고 ',
  '2027년 ',
  '오류가 ',
  '발생할',
  '못할',
  '(출처: 기관)',
  '줄어들',
  '확장이 가능함',
  '고려하고 있음',
  '검토 예정',
  '될 수도 있음',
  '증가할 것으로 예상됨',
  '가능할 전망',
  '지원 검토 중',
];

const ACRONYM_FRAGMENTS = [
  '(',
  ')',
  ' (',
  '( ',
  ' )',
  'LLM',
  'LLMs',
  'GPU',
  'A',
  'B',
  's',
  'S',
  'ss',
  'x',
  'o',
  '9',
  '&',
  ' ',
  '\u3000',
  '\u00a0',
  '-',
  '"',
  ':',
  ' : ',
  '：',
  '※ ',
  ', ',
  ';',
  '대규모 언어모델',
  '모델',
  'Large Language Model',
  'Korean',
  '예: ',
  'API와 SDK',
  'KMMLU',
  '2B',
  'GPUs',
  '·',
  'LoRA',
  'QLoRA',
  'MoE',
  'PoC',
  'mAP',
  'vLLM',
  'PyTorch',
  'SigLIP',
  'MLOps',
  'MIMIC-CXR',
  'CC-BY-NC',
  'GPT-4o',
  'H200',
  'R&D',
  'Parameter-Efficient Fine-Tuning',
  '4비트 양자화',
  '포스코DX',
  '(LLM)',
  '(GPUs)',
  '( SFT )',
  '(Large Language Model)',
  '(API와 SDK)',
  'LLM(',
  'KBL (',
  '언어모델(',
  'RAGs(검색 증강)',
  '(8x7B)',
  'PEFT: ',
  '- MoE: ',
];

describe('prose scans', () => {
  it('find exactly the vague phrases the whole-phrase patterns find, and judge them alike (4,000 generated strings)', () => {
    let found = 0;
    let kept = 0;
    for (const value of generate(VAGUE_FRAGMENTS, 7, 4000, 12)) {
      const matches = vagueMatches(value);
      const expected = vagueByRegex(value);
      assert.deepEqual(byPlace(matches), byPlace(expected), JSON.stringify(value));
      assert.deepEqual(vagueHits(value), judge(value, expected), JSON.stringify(value));
      found += matches.length;
      kept += vagueHits(value).length;
    }
    assert.ok(found > 1000, `only ${found} phrases in the generated strings`);
    assert.ok(kept > 500 && kept < found, `${kept} of ${found} phrases judged vague`);
  });

  it("find every vague phrase of the form's examples", () => {
    for (const family of VAGUE_EXPRESSIONS.value) {
      const value = `본 과제는 ${family.example.replace('~', '시장 확대')}. 그리고 ${family.example.replace('~', '추가 모델 공개')}`;
      const hits = vagueHits(value);
      assert.deepEqual(byPlace(vagueMatches(value)), byPlace(vagueByRegex(value)));
      assert.equal(hits.length, 2, value);
      assert.ok(hits.every((h) => h.kind === family.id));
    }
  });

  it('read the same acronym definitions as the patterns, in strings and in JSON text (6,000 generated strings)', () => {
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

  it('find exactly the acronyms the patterns find, from the start or from the first capitals (6,000 generated strings)', () => {
    let found = 0;
    for (const value of generate(ACRONYM_FRAGMENTS, 13, 6000, 10)) {
      const expected = acronymsByRegex(value);
      const read = (begin: number) => {
        const spans: number[][] = [];
        forEachAcronym(value, 0, value.length, (start, end) => void spans.push([start, end]), begin);
        return spans;
      };
      assert.deepEqual(read(0), expected, JSON.stringify(value));
      const first = value.search(CAPITALS);
      if (first >= 0) assert.deepEqual(read(first), expected, JSON.stringify(value));
      else assert.deepEqual(expected, [], `${JSON.stringify(value)}: an acronym without two close capitals`);
      found += expected.length;
    }
    assert.ok(found > 3000, `only ${found} acronyms in the generated strings`);
  });

  it("read the definitions written every way the form's readers write them", () => {
    const defined = definedAcronyms(
      '대규모 언어모델(LLM), KBL(Korean Benchmark for Legal), 미세조정 (SFTs), 자원(A100 80GB 4장), API(애플리케이션 인터페이스), ' +
        '저랭크 적응(LoRA, Low-Rank Adaptation), GPT-4o(OpenAI의 언어모델), MoE(8x7B), MIMIC-CXR(흉부 X선 데이터셋)',
      new Set(),
    );
    assert.deepEqual([...defined].sort(), ['API', 'GPT', 'KBL', 'LLM', 'LoRA', 'MIMIC-CXR', 'SFT']);
    assert.deepEqual([...definedAcronyms('※ PEFT: Parameter-Efficient Fine-Tuning', new Set())], ['PEFT']);
    assert.deepEqual([...definedAcronyms('QLoRA: 4비트 양자화 모델에 LoRA를 적용하는 기법', new Set())], ['QLoRA']);
    assert.deepEqual([...definedAcronyms('결과: RAG: 3단계', new Set())], []);
    assert.deepEqual([...definedAcronyms('비율 RAG: 30%', new Set())], []);
  });

  it('read acronyms as initials, not names with capitals in them', () => {
    const read = (text: string) => acronymTexts(text);
    assert.deepEqual(read('LoRA QLoRA MoE PoC mAP vLLM nMAE CoRL ViT-L LLMs GPUs'), [
      'LoRA',
      'QLoRA',
      'MoE',
      'PoC',
      'mAP',
      'vLLM',
      'nMAE',
      'CoRL',
      'ViT',
      'LLM',
      'GPU',
    ]);
    assert.deepEqual(read('PyTorch GitHub HuggingFace MLOps SigLIP DBpia NeurIPS KsponSpeech DocVQA XGBoost H200 GSM8K R&D KT&G'), []);
    assert.deepEqual(read('MIMIC-CXR CC-BY-NC-SA GPT-4o HAE-RAE Bench'), ['MIMIC-CXR', 'CC-BY-NC-SA', 'GPT', 'HAE-RAE']);
  });

  it('find a guide sentence exactly where a brute-force comparison finds a long enough common run (3,000 generated strings)', () => {
    // Code units, as the scan reads them (normal() drops surrogates either way).
    const norm = (text: string) => Array.from({ length: text.length }, (_, i) => normal(text.charCodeAt(i))).filter((c) => c !== 0);
    const guides = FORM_GUIDE_SENTENCES.value.map((g) => norm(g.text));
    /** The longest run the string shares with each guide, by dynamic programming. */
    const longestRuns = (codes: number[]) =>
      guides.map((guide) => {
        let best = 0;
        let prev = new Array<number>(guide.length + 1).fill(0);
        for (const c of codes) {
          const row = new Array<number>(guide.length + 1).fill(0);
          for (let j = 0; j < guide.length; j++) if (c === guide[j]) best = Math.max(best, (row[j + 1] = prev[j] + 1));
          prev = row;
        }
        return best;
      });
    // Fragments: pieces of guide sentences cut anywhere, and plan words.
    const next = mulberry32(17);
    const pieces: string[] = [];
    for (const { text } of FORM_GUIDE_SENTENCES.value) {
      const a = Math.floor(next() * text.length);
      pieces.push(text.slice(a, a + 4 + Math.floor(next() * 30)), text);
    }
    const fragments = [...pieces, ' ', '  ', '★ ', ', ', '국가 AI컴퓨팅 자원을 활용하여 ', '법률 특화 모델을 개발함', 'GPU 16장', '(', ')', '·'];
    let found = 0;
    for (const value of generate(fragments, 19, 3000, 4)) {
      const runs = longestRuns(norm(value));
      const expected = runs.some((run, g) => run >= thresholdOf(guides[g].length));
      const hits = guideSentenceHits(value);
      assert.equal(hits.length > 0, expected, JSON.stringify(value));
      for (const hit of hits) {
        const codes = norm(hit.text).join(',');
        assert.ok(guides[hit.guide].join(',').includes(codes), `${JSON.stringify(hit.text)} is a run of guide ${hit.guide}`);
        assert.ok(norm(hit.text).length >= thresholdOf(guides[hit.guide].length));
      }
      found += hits.length;
    }
    assert.ok(found > 1000, `only ${found} guide sentences in the generated strings`);
  });

  it('find the marks and placeholders each pattern finds, and tell from a whole text that there are none (4,000 generated strings)', () => {
    const all = (patterns: ReadonlyArray<{ id: string; pattern: RegExp }>, value: string) =>
      [...value.matchAll(new RegExp(patterns.map((p) => `(${p.pattern.source})`).join('|'), 'gu'))].map((m) => ({
        start: m.index,
        text: m[0],
        // A group that did not take part is undefined (RegExpMatchArray's type says string).
        kind: patterns[(m.slice(1) as Array<string | undefined>).findIndex((g) => g !== undefined)].id,
      }));
    const fragments = [
      '★',
      '작성요령',
      '작성 요령',
      '000',
      '00%',
      '3,200,000',
      'YYYYMMDD',
      'yyyy.mm.',
      'ㅇㅇㅇ',
      '( )',
      '해당시 작성',
      '사업자등록증상 주소',
      '〔대표자 성명〕',
      '〔',
      '〕',
      'name@example.com',
      'kim@lab.co.kr',
      'a@b.test',
      '@',
      '02-1234-5678',
      '010-0000-0000',
      '123-45-67891',
      '1900-01-01',
      '2026-01-01',
      ' ',
      '본 과제',
      '"',
      'x',
      '9',
      '-',
      '.',
    ];
    let found = 0;
    for (const value of generate(fragments, 23, 4000, 8)) {
      const project = all(PROJECT_PLACEHOLDERS.value, value);
      const form = all(TEMPLATE_GUIDE_PATTERNS.value, value).filter(
        (h) => !project.some((o) => h.start < o.start + o.text.length && o.start < h.start + h.text.length),
      );
      const expected = [...form, ...project].sort((a, b) => a.start - b.start);
      assert.deepEqual(guideHits(value), expected, JSON.stringify(value));
      if (expected.length > 0) assert.ok(guideTextAnywhere(value), JSON.stringify(value));
      found += expected.length;
    }
    assert.ok(found > 4000, `only ${found} marks in the generated strings`);
  });
});
