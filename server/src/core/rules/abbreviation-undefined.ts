/** `abbreviation-undefined`: an acronym is never written with its full name. */
import { escapeSnippet } from '../edit/insertion';
import type { JsonPath } from '../json/tree';
import { defineRule } from './rule';
import { definedAcronyms, undefinedAcronym } from './prose/acronyms';
import { forEachString, isPlainText, spannerAt } from './prose/strings';

const TITLE = { path: (): JsonPath => ['projectTitle'] };

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
    placeholder: { en: 'Full Name', ko: '풀네임' },
  },
  docs: {
    form: '쉽게 이해할 수 있도록 전문용어는 주석처리 (약어는 풀네임도 함께 표기)',
    formPlace: { en: 'form, 작성요령 — 과제수행계획서 작성요령', ko: '양식, 작성요령 — 과제수행계획서 작성요령' },
    checks: {
      en: 'An acronym of two or more capitals must appear at least once with its full name, in either order: "LLM(Large Language Model)" or "대규모 언어모델(LLM)". It is reported once, where it first appears. Common acronyms (AI, GPU, API…) and those of the `gpuplan.abbreviations.allowlist` setting need no full name.',
      ko: '두 글자 이상 대문자 약어는 한 번 이상 풀네임과 함께 써야 합니다. 순서는 "LLM(Large Language Model)"도 "대규모 언어모델(LLM)"도 됩니다. 처음 나온 곳에 한 번만 알려 주며, 흔한 약어(AI, GPU, API 등)와 `gpuplan.abbreviations.allowlist` 설정의 약어는 풀네임이 필요 없습니다.',
    },
    fix: { en: 'Write the full name in parentheses where the acronym first appears (quick fix), or add it to the allowlist.', ko: '약어가 처음 나온 곳에 괄호로 풀네임을 쓰거나(빠른 수정), 허용 목록에 추가하세요.' },
    examples: {
      pass: { patch: { '/overview/necessity/2/items/2': '조문·판례 간 인용 관계를 담은 지식 그래프(KG, Knowledge Graph) 구축' } },
      fail: { patch: { '/overview/necessity/2/items/2': '조문·판례 간 인용 관계를 담은 KG 구축' } },
      show: ['/overview/necessity/2/text'],
    },
  },
  check({ doc, plan, texts, options, message, report }) {
    // In a plain JSON text one pass over the whole text finds every definition.
    const defined = new Set<string>();
    if (isPlainText(doc)) definedAcronyms(doc.text, defined, true);
    else forEachString(plan, (value) => void (value.includes('(') && definedAcronyms(value, defined)));
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
        snippet: { offset: finding.offset, length: finding.length, text: `${escapeSnippet(acronym)}(\${1:${escapeSnippet(title('placeholder'))}})` },
        fixAll: false,
        preferred: false,
      },
    ];
  },
});
