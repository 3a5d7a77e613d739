/** `vague-expression`: wording the form says evaluators read as "impossible", at the phrase. */
import { escapeSnippet } from '../edit/insertion';
import { defineRule } from './rule';
import { spannerAt } from './prose/strings';
import { firmForm, vagueHits, type VagueFamily, type VagueHit } from './prose/vague';

interface VagueData {
  readonly family: VagueFamily;
  readonly phrase: string;
  /** The firm form a quick fix writes ("도입함"), when one can be written grammatically. */
  readonly firm?: string;
}

/**
 * The placeholders the quick fix leaves after the firm form, in Korean whatever the UI language
 * (the plan is Korean): the deadline and the quantity the form asks for ("계량화").
 */
const DEADLINE = '〔기한〕';
const QUANTITY = '〔수량〕';
/** The firm form as the message and the fix title show it, and as the fix's snippet writes it. */
const shown = (firm: string) => `${firm}(${DEADLINE}까지, ${QUANTITY})`;
const snippetOf = (firm: string) => `${escapeSnippet(firm)}(\${1:${DEADLINE}}까지, \${2:${QUANTITY}})`;

/** Which guidance a phrase without a fix gets. */
function guidance(hit: VagueHit): 'guideMayDo' | 'guideGuess' | 'guidePossible' | 'guideConsidering' {
  const ending = hit.text.slice(hit.ending - hit.start);
  if (/것으로|다고|전망|예상/u.test(ending)) return 'guideGuess';
  if (hit.kind === 'mayDo') return 'guideMayDo';
  return hit.kind === 'possible' ? 'guidePossible' : 'guideConsidering';
}

export const vagueExpression = defineRule<VagueData>()({
  code: 'vague-expression',
  severity: 'warning',
  reads: 'prose',
  description: {
    en: 'Vague wording that evaluators read as "impossible" (~할 수도 있다, ~이 가능하다, ~을 고려하고 있다, and their 개조식 endings).',
    ko: '선정평가에서 불가능으로 간주되는 모호한 표현 (~할 수도 있다, ~이 가능하다, ~을 고려하고 있다와 그 개조식 어미)',
  },
  messages: {
    firm: {
      en: 'Vague wording "{0}": evaluators read it as "impossible". Commit to what will be done, by when and how much, e.g. "{1}".',
      ko: '모호한 표현 "{0}": 선정평가에서 불가능한 것으로 간주됩니다. 무엇을 언제까지 얼마나 할지 "{1}"처럼 단정해 쓰세요.',
    },
    guideMayDo: {
      en: 'Vague wording "{0}": "~할 수 있음" (can, may) is read as "impossible" by evaluators. Decide what will be done and write it as "~함", with by when and how much.',
      ko: '모호한 표현 "{0}": "~할 수 있음"은 선정평가에서 불가능한 것으로 간주됩니다. 할 일을 정해 "~함"으로 쓰고, 언제까지 얼마나 할지 수치로 밝히세요.',
    },
    guideGuess: {
      en: 'Vague wording "{0}": a guess ("~것으로 예상됨/판단됨/보임") is read as "impossible" by evaluators. State the result firmly as "~함", with its basis and a target figure.',
      ko: '모호한 표현 "{0}": 추측("~것으로 예상됨/판단됨/보임")은 선정평가에서 불가능한 것으로 간주됩니다. 근거와 목표 수치를 들어 "~함"으로 단정해 쓰세요.',
    },
    guidePossible: {
      en: 'Vague wording "{0}": "~이 가능하다" is read as "impossible" by evaluators. Write what will actually be done as "~함", by when and how much.',
      ko: '모호한 표현 "{0}": "~이 가능하다"는 선정평가에서 불가능한 것으로 간주됩니다. 실제로 할 일을 언제까지 얼마나 할지 "~함"으로 쓰세요.',
    },
    guideConsidering: {
      en: 'Vague wording "{0}": something being considered ("~을 고려하고 있다", "검토 중/예정") is read as "impossible" by evaluators. Decide, and write only what will be done, by when and how much.',
      ko: '모호한 표현 "{0}": 고려·검토 중인 일("~을 고려하고 있다", "검토 중/예정")은 선정평가에서 불가능한 것으로 간주됩니다. 할지 정해, 하기로 한 일만 언제까지 얼마나 할지 쓰세요.',
    },
    fix: { en: 'Replace with a firm commitment: "{0}"', ko: '명확한 표현으로 바꾸기: "{0}"' },
  },
  docs: {
    form: '사업수행계획서의 내용은 명확한 용어를 사용해서 표현하며, ~를 추진 할 수도 있다, ~이 가능하다, ~을 고려하고 있다 등과 같은 모호한 표현은 선정평가 시 불가능한 것으로 간주하며, 계량화가 가능한 것은 계량화하여야 함',
    formPlace: { en: 'form, 작성요령 — 과제수행계획서 작성요령', ko: '양식, 작성요령 — 과제수행계획서 작성요령' },
    checks: {
      en: 'Every prose field (`Text`) is read for the three families of vague wording the form names and their 개조식 endings, and the phrase itself is marked: "~할 수(도) 있음" and guesses of the same meaning ("~것으로 예상됨/예측됨/판단됨/보임", "~할 전망"); "~이 가능함", "~가능", "가능하며", "가능하겠음", "가능해짐"; "~을 고려하고 있음", "고려 중", "검토 예정", "검토할 계획", "검토할 필요가 있음", and "~을 검토함" when what is weighed is a decision (도입, 적용 여부, 방안). Left alone: modifiers and purposes (재현 가능한, 할 수 있는, 가능하도록), nouns (사업화 가능성, 가능 여부, 검토 의견 반영률), negations (불가능, 할 수 없음), risks ("장애 시 지연될 수 있음"), review as a task ("검토 중 발견된 오류", "전문가 검토를 거친 뒤"), firm plans ("고도화할 예정임"), 기대됨 (the form\'s word for expected effects) and forecasts quoted with their source. Measured on a labelled corpus of plan sentences (test/fixtures/prose).',
      ko: '모든 서술 항목(`Text`)에서 양식이 예로 든 세 가지 모호한 표현과 그 개조식 어미를 찾아 해당 구절에 표시합니다: "~할 수(도) 있음"과 같은 뜻의 추측("~것으로 예상됨/예측됨/판단됨/보임", "~할 전망"); "~이 가능함", "~가능", "가능하며", "가능하겠음", "가능해짐"; "~을 고려하고 있음", "고려 중", "검토 예정", "검토할 계획", "검토할 필요가 있음", 그리고 저울질하는 대상이 결정(도입, 적용 여부, 방안)인 "~을 검토함". 관형·목적형(재현 가능한, 할 수 있는, 가능하도록), 명사(사업화 가능성, 가능 여부, 검토 의견 반영률), 부정(불가능, 할 수 없음), 위험 진술("장애 시 지연될 수 있음"), 과업으로서의 검토("검토 중 발견된 오류", "전문가 검토를 거친 뒤"), 확정 일정("고도화할 예정임"), 양식의 기대효과 용어인 "기대됨", 출처를 밝힌 전망 인용은 그대로 둡니다. 라벨을 단 계획서 문장 말뭉치(test/fixtures/prose)로 정확도를 잽니다.',
    },
    fix: {
      en: 'Say what will be done, by when and how much ("2026년 9월까지 서비스 3종에 적용함"). Where the phrase ends the sentence and its word is a verbal noun (도입, 확장, 지원 …), the quick fix writes the firm 개조식 form, "도입함(〔기한〕까지, 〔수량〕)", with Korean placeholders for the deadline and the quantity (in Korean whatever the UI language; a placeholder left unfilled is reported by template-guide-left). Elsewhere (고유어 verbs such as 줄이다, particles such as 도, connective endings, guesses) no edit would be correct Korean, and the message says what to write instead.',
      ko: '무엇을 언제까지 얼마나 할지 쓰세요("2026년 9월까지 서비스 3종에 적용함"). 구절이 문장 끝이고 그 낱말이 하다 명사(도입, 확장, 지원 등)이면 빠른 수정이 "도입함(〔기한〕까지, 〔수량〕)"처럼 단정형 개조식으로 바꾸고 기한과 수량을 쓸 한국어 자리표시를 남깁니다(UI 언어와 관계없이 한국어; 채우지 않은 자리표시는 template-guide-left가 알려 줍니다). 그 밖의 경우(줄이다 같은 고유어 동사, "도" 같은 보조사, 연결 어미, 추측)에는 바른 한국어로 고칠 수 없으므로 메시지가 쓸 말을 안내합니다.',
    },
    examples: {
      pass: { patch: { '/overview/necessity/2/items/2': '2026년 8월까지 공공기관 3곳에 서비스를 적용함' } },
      fail: { patch: { '/overview/necessity/2/items/2': '향후 공공기관으로 서비스 확장이 가능하다' } },
      show: ['/overview/necessity/2/text'],
    },
  },
  check({ doc, texts, message, report }) {
    for (const text of texts()) {
      const hits = vagueHits(text.value);
      if (hits.length === 0) continue;
      const path = text.path();
      const span = spannerAt(doc, path);
      for (const hit of hits) {
        const firm = firmForm(text.value, hit);
        report({
          at: span(hit.start, hit.start + hit.text.length),
          path,
          message: firm ? message('firm', hit.text, shown(firm)) : message(guidance(hit), hit.text),
          data: firm ? { family: hit.kind, phrase: hit.text, firm } : { family: hit.kind, phrase: hit.text },
        });
      }
    }
  },
  fixes(finding, { title }) {
    const firm = finding.data?.firm;
    if (!firm) return [];
    return [
      {
        code: finding.code,
        title: title('fix', shown(firm)),
        snippet: { offset: finding.offset, length: finding.length, text: snippetOf(firm) },
        fixAll: false,
        preferred: false,
      },
    ];
  },
});
