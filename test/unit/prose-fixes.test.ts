/**
 * The prose rules' quick fixes and messages, in both UI languages: the edit is Korean whatever
 * the language (the plan is Korean); where no grammatical rewrite exists there is no edit, and
 * the message says what to write instead.
 */
import * as assert from 'node:assert/strict';
import type { Finding, Locale } from '../../server/src/core';
import { service } from '../support/service';
import { expandSnippet } from '../support/snippets';

const planWith = (...bullets: string[]) => JSON.stringify({ overview: { necessity: bullets } }, null, 2);

function findingsOf(text: string, code: string, locale: Locale) {
  const analysis = service.analyze(text, { locale });
  return analysis.findings.filter((f) => f.code === code).map((finding: Finding) => ({ finding, fixes: service.fixesOf(analysis, finding) }));
}

/** The bullet after applying a fix, its snippet placeholders left as inserted. */
function applied(text: string, found: { finding: Finding; fixes: ReturnType<typeof service.fixesOf> }): string {
  const snippet = found.fixes[0].snippet!;
  const fixed = text.slice(0, snippet.offset) + expandSnippet(snippet.text) + text.slice(snippet.offset + snippet.length);
  return (JSON.parse(fixed) as { overview: { necessity: string[] } }).overview.necessity[0];
}

describe('vague-expression: fixes that write correct Korean, or none', () => {
  const cases: Array<[string, string]> = [
    ['RAG 도입을 고려하고 있음', 'RAG 도입함(〔기한〕까지, 〔수량〕)'],
    ['해외 서비스로 확장이 가능하다', '해외 서비스로 확장함(〔기한〕까지, 〔수량〕)'],
    ['향후 상용화를 추진할 수도 있다', '향후 상용화를 추진함(〔기한〕까지, 〔수량〕)'],
    ['다국어 지원 검토 중', '다국어 지원함(〔기한〕까지, 〔수량〕)'],
    ['타 기관으로 확산될 수 있음', '타 기관으로 확산됨(〔기한〕까지, 〔수량〕)'],
    ['의료진이 근거 문장을 확인 가능', '의료진이 근거 문장을 확인함(〔기한〕까지, 〔수량〕)'],
  ];
  for (const [bullet, expected] of cases) {
    it(`"${bullet}" → "${expected}", the same edit in Korean and English`, () => {
      const text = planWith(bullet);
      for (const locale of ['ko', 'en'] as const) {
        const [found] = findingsOf(text, 'vague-expression', locale);
        assert.equal(found.fixes.length, 1, locale);
        assert.equal(applied(text, found), expected, locale);
        assert.doesNotMatch(found.fixes[0].snippet!.text, /[A-Za-z]/, `${locale}: no Latin placeholder words`);
        assert.match(found.fixes[0].title, locale === 'ko' ? /^명확한 표현으로 바꾸기: "/ : /^Replace with a firm commitment: "/);
        assert.ok(found.finding.message.includes(expected.slice(expected.lastIndexOf(' ') + 1)), `${locale}: the message shows the firm form`);
      }
    });
  }

  const guidance: Array<[string, RegExp, RegExp]> = [
    ['타 플랜트로의 확산도 가능함', /"~이 가능하다"는/, /"~이 가능하다" is read/],
    ['추론 비용을 절반으로 줄일 수 있음', /"~할 수 있음"은/, /"~할 수 있음" \(can, may\)/],
    ['판독이 가능하며 10초 안에 결과를 제공함', /"~이 가능하다"는/, /"~이 가능하다" is read/],
    ['수율이 0.5%p 향상될 것으로 보임', /추측\(/, /a guess \(/],
    ['공개하는 방안을 검토 중', /고려·검토 중인 일/, /something being considered/],
  ];
  for (const [bullet, ko, en] of guidance) {
    it(`"${bullet}": no edit ("확산도함" or "줄임" would be wrong), guidance in the message`, () => {
      const text = planWith(bullet);
      for (const [locale, pattern] of [
        ['ko', ko],
        ['en', en],
      ] as const) {
        const [found] = findingsOf(text, 'vague-expression', locale);
        assert.deepEqual(found.fixes, [], locale);
        assert.match(found.finding.message, pattern, locale);
      }
    });
  }

  it('never offers a fix after a negation, and does not report one', () => {
    for (const bullet of ['도입을 고려하지 않음', '현재 자원으로는 학습할 수 없음', '소규모 건축물은 탐지하지 못할 수 있음', '실시간 처리는 불가능함']) {
      assert.deepEqual(
        findingsOf(planWith(bullet), 'vague-expression', 'ko').map((f) => f.finding.message),
        [],
        bullet,
      );
    }
  });
});

describe('abbreviation-undefined: the fix writes a Korean placeholder in both languages', () => {
  it('"LoRA" → "LoRA(〔풀네임〕)", and the message names the acronym', () => {
    const text = planWith('LoRA로 도메인 적응 학습을 수행함');
    for (const locale of ['ko', 'en'] as const) {
      const [found] = findingsOf(text, 'abbreviation-undefined', locale);
      assert.equal(applied(text, found), 'LoRA(〔풀네임〕)로 도메인 적응 학습을 수행함', locale);
      assert.ok(found.finding.message.includes('"LoRA"'), locale);
      assert.match(found.fixes[0].title, locale === 'ko' ? /"LoRA" 뒤에 풀네임 쓰기/ : /Write the full name after "LoRA"/);
    }
  });
});

describe('template-guide-left: messages in both languages', () => {
  it('names the place in the form of a guide sentence, and says gpuplan put a placeholder there', () => {
    const text = JSON.stringify(
      { projectTitle: '〔연구개발과제 명칭〕', overview: { necessity: ['국가 AI컴퓨팅 자원이 왜 필요한지 추진배경과 당위성을 기술'] } },
      null,
      2,
    );
    const ko = findingsOf(text, 'template-guide-left', 'ko').map((f) => f.finding.message);
    const en = findingsOf(text, 'template-guide-left', 'en').map((f) => f.finding.message);
    assert.deepEqual(ko, [
      'gpuplan이 넣은 자리표시가 남아 있습니다: "〔연구개발과제 명칭〕". 그 자리에 실제 내용을 쓰세요.',
      '양식(I-2 지원 필요성)의 작성 가이드 문장이 남아 있습니다: "국가 AI컴퓨팅 자원이 왜 필요한지 추진배경과 당위성을 기술". 지우고 계획서의 실제 내용을 쓰세요.',
    ]);
    assert.deepEqual(en, [
      'A placeholder that gpuplan inserted is left in: "〔연구개발과제 명칭〕". Write the real content in its place.',
      'A guide sentence of the form (I-2 지원 필요성) is left in: "국가 AI컴퓨팅 자원이 왜 필요한지 추진배경과 당위성을 기술". Delete it and write what the plan itself does.',
    ]);
  });
});
