/** `abbreviation-undefined`: an acronym is never written with its full name. */
import { escapeSnippet } from '../edit/insertion';
import type { JsonPath } from '../json/tree';
import { defineRule } from './rule';
import { definedAcronyms, undefinedAcronym } from './prose/acronyms';
import { forEachString, isPlainText, spannerAt } from './prose/strings';

const TITLE = { path: (): JsonPath => ['projectTitle'] };

/** The placeholder the fix leaves for the full name: Korean whatever the UI language (the plan is Korean). */
const FULL_NAME = '〔풀네임〕';

export const abbreviationUndefined = defineRule<{ readonly acronym: string }>()({
  code: 'abbreviation-undefined',
  severity: 'information',
  reads: 'prose',
  description: { en: 'An acronym is never written with its full name.', ko: '풀네임 없이 쓰인 약어' },
  messages: {
    undefined: {
      en: '"{0}" is never written with its full name. Spell it out once, e.g. "{0}(Full Name)", as the form asks (약어는 풀네임도 함께 표기).',
      ko: '"{0}"의 풀네임이 한 번도 나오지 않습니다. 양식 요구(약어는 풀네임도 함께 표기)에 따라 "{0}(풀네임)"처럼 한 번은 풀어 쓰세요.',
    },
    fix: { en: 'Write the full name after "{0}"', ko: '"{0}" 뒤에 풀네임 쓰기' },
  },
  docs: {
    form: '쉽게 이해할 수 있도록 전문용어는 주석처리 (약어는 풀네임도 함께 표기)',
    formPlace: { en: 'form, 작성요령 — 과제수행계획서 작성요령', ko: '양식, 작성요령 — 과제수행계획서 작성요령' },
    checks: {
      en: 'An acronym must appear at least once with its full name, before or after its first use: "LLM(Large Language Model)", "대규모 언어모델(LLM)", "검색 증강 생성(RAG, Retrieval-Augmented Generation)", or "PEFT: Parameter-Efficient Fine-Tuning" at the start of a bullet. An acronym is a word of two or more capitals that reads as initials, all capitals (RAG, KMMLU) or mixed case without a word in it (LoRA, QLoRA, MoE, PoC, mAP); names that merely contain capitals (PyTorch, GitHub, MLOps), words touching a digit or "&" (H200, GSM8K, R&D) and acronyms joined to the Hangul before them (포스코DX) are not. It is reported once, where it first appears. No full name is needed for the form\'s own words (CC-BY, KCI, NTIS, KOLAS, NIPA…), the ten conferences it lists (CVPR … NAACL), licence names, company names (SK텔레콤, LG전자, NHN, KT), public bodies and universities, well-known units (GB, TFLOPS) and common acronyms (AI, GPU, API, CT) — lists kept with their sources in figures.ts — and those of the `gpuplan.abbreviations.allowlist` setting. Measured on a labelled corpus of plan sentences (test/fixtures/prose).',
      ko: '약어는 처음 쓰기 전이든 뒤든 한 번은 풀네임과 함께 써야 합니다: "LLM(Large Language Model)", "대규모 언어모델(LLM)", "검색 증강 생성(RAG, Retrieval-Augmented Generation)", 또는 항목 첫머리의 "PEFT: Parameter-Efficient Fine-Tuning". 약어는 머리글자로 읽히는 대문자 두 개 이상의 낱말로, 모두 대문자(RAG, KMMLU)이거나 단어가 섞이지 않은 대소문자 혼합(LoRA, QLoRA, MoE, PoC, mAP)입니다. 대문자가 들어 있을 뿐인 이름(PyTorch, GitHub, MLOps), 숫자나 "&"에 붙은 낱말(H200, GSM8K, R&D), 앞의 한글에 붙은 약어(포스코DX)는 약어로 보지 않습니다. 처음 나온 곳에 한 번만 알려 줍니다. 양식 자체의 용어(CC-BY, KCI, NTIS, KOLAS, NIPA 등), 양식이 든 10대 학회(CVPR … NAACL), 라이선스 이름, 회사 이름(SK텔레콤, LG전자, NHN, KT), 공공기관·대학, 잘 알려진 단위(GB, TFLOPS)와 흔한 약어(AI, GPU, API, CT)는 figures.ts에 출처와 함께 둔 목록에 따라, `gpuplan.abbreviations.allowlist` 설정의 약어는 설정에 따라 풀네임이 필요 없습니다. 라벨을 단 계획서 문장 말뭉치(test/fixtures/prose)로 정확도를 잽니다.',
    },
    fix: {
      en: 'Write the full name in parentheses where the acronym first appears, or anywhere else in the plan. The quick fix writes "LoRA(〔풀네임〕)" with a Korean placeholder to complete (an unfilled one is reported by template-guide-left), or add the acronym to the allowlist.',
      ko: '약어가 처음 나온 곳이나 계획서의 다른 곳에 괄호로 풀네임을 쓰세요. 빠른 수정은 "LoRA(〔풀네임〕)"처럼 채울 한국어 자리표시를 남깁니다(채우지 않으면 template-guide-left가 알려 줍니다). 허용 목록에 추가해도 됩니다.',
    },
    examples: {
      pass: { patch: { '/overview/necessity/2/items/2': '조문·판례 간 인용 관계를 담은 지식 그래프 신경망(GNN, Graph Neural Network) 학습' } },
      fail: { patch: { '/overview/necessity/2/items/2': '조문·판례 간 인용 관계를 담은 GNN 학습' } },
      show: ['/overview/necessity/2/text'],
    },
  },
  check({ doc, plan, texts, options, message, report }) {
    // In a plain JSON text one pass over the whole text finds every definition.
    const defined = new Set<string>();
    if (isPlainText(doc)) definedAcronyms(doc.text, defined, true);
    else
      forEachString(plan, (value) => {
        if (value.includes('(') || value.includes(':') || value.includes('：')) definedAcronyms(value, defined);
      });
    // Each acronym is reported once, where it first appears: the title, then the prose in order.
    const reported = new Set<string>();
    const known = (acronym: string) => defined.has(acronym) || reported.has(acronym) || options.abbreviationAllowlist.has(acronym);
    const check = (value: string, place: { path(): JsonPath }) => {
      for (let hit = undefinedAcronym(value, known); hit; hit = undefinedAcronym(value, known)) {
        reported.add(hit.text);
        const path = place.path();
        report({ ...spannerAt(doc, path)(hit.start, hit.start + hit.text.length), path, message: message('undefined', hit.text), data: { acronym: hit.text } });
      }
    };
    if (typeof plan.projectTitle === 'string') check(plan.projectTitle, TITLE);
    for (const text of texts()) check(text.value, text);
  },
  fixes(finding, { title }) {
    const acronym = finding.data?.acronym ?? '';
    return [
      {
        code: finding.code,
        title: title('fix', acronym),
        snippet: { offset: finding.offset, length: finding.length, text: `${escapeSnippet(acronym)}(\${1:${FULL_NAME}})` },
        fixAll: false,
        preferred: false,
      },
    ];
  },
});
