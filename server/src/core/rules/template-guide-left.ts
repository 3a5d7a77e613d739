/** `template-guide-left`: guide text or a placeholder of the form, or of gpuplan itself, is left in the plan. */
import type { ParsedDocument } from '../json/parse';
import type { JsonPath } from '../json/tree';
import { defineRule } from './rule';
import { PROJECT_PLACEHOLDER_IDS, guideHits, guideSentence, guideSentenceHits, guideTextAnywhere, proseGuideHits } from './prose/guide';
import type { Hit } from './prose/strings';
import { forEachString, isPlainText, spannerAt } from './prose/strings';

interface GuideData {
  readonly kind: string;
  readonly text: string;
}

/** A long guide sentence is quoted by its start in a message. */
const quote = (text: string) => (text.length > 40 ? `${text.slice(0, 38).trimEnd()}…` : text);

export const templateGuideLeft = defineRule<GuideData>()({
  code: 'template-guide-left',
  severity: 'warning',
  reads: 'prose',
  description: {
    en: "Guide text or a placeholder is left in: the form's guide sentences (with or without ★), its marks (★, 작성요령, 000, 00%, YYYYMMDD, yyyy.mm, ㅇㅇㅇ…) and the placeholders gpuplan writes (〔대표자 성명〕, name@example.com…).",
    ko: '작성 가이드나 자리표시가 남아 있음: 양식의 작성 가이드 문장(★ 유무와 관계없이), 표시(★, 작성요령, 000, 00%, YYYYMMDD, yyyy.mm, ㅇㅇㅇ …)와 gpuplan이 넣은 자리표시(〔대표자 성명〕, name@example.com …)',
  },
  messages: {
    left: {
      en: 'Guide text of the form is left in: "{0}". Delete it, or replace the placeholder with the real value.',
      ko: '양식의 작성 가이드가 남아 있습니다: "{0}". 지우거나 실제 값으로 바꾸세요.',
    },
    sentence: {
      en: 'A guide sentence of the form ({1}) is left in: "{0}". Delete it and write what the plan itself does.',
      ko: '양식({1})의 작성 가이드 문장이 남아 있습니다: "{0}". 지우고 계획서의 실제 내용을 쓰세요.',
    },
    placeholder: {
      en: 'A placeholder that gpuplan inserted is left in: "{0}". Write the real content in its place.',
      ko: 'gpuplan이 넣은 자리표시가 남아 있습니다: "{0}". 그 자리에 실제 내용을 쓰세요.',
    },
    sample: {
      en: 'The sample value that gpuplan inserted is left in: "{0}". Write the real value.',
      ko: 'gpuplan이 넣은 예시 값이 남아 있습니다: "{0}". 실제 값으로 바꾸세요.',
    },
    fixStar: { en: 'Remove the guide mark "★"', ko: '작성 가이드 표시 "★" 지우기' },
    fixSentence: { en: 'Delete the guide sentence', ko: '작성 가이드 문장 지우기' },
  },
  docs: {
    form: '본 작성요령 및 양식 내 유의사항 문구(파란색 텍스트)는 제출 전 삭제 … 문서내 작성된 작성 가이드는 최종 제출시 삭제 요망 … ※ 작성 완료 후 요령은 삭제할 것',
    formPlace: { en: 'form, 작성요령 — 공통; 요약서 작성 요령', ko: '양식, 작성요령 — 공통; 요약서 작성 요령' },
    checks: {
      en: 'Every string of the plan is read for what the form writes as guidance or placeholder: the ★ of its guide lines, "작성요령", 000 and 00%, YYYYMMDD and yyyy.mm, ㅇㅇㅇ and △△△, "해당시 작성", "사업자등록증상 주소", empty parentheses; and for the placeholders gpuplan itself writes in its snippets, Insert Section and New Plan: text between 〔 〕 ("〔대표자 성명〕", and the quick fixes\' "〔기한〕", "〔수량〕", "〔풀네임〕") and the sample values name@example.com (any reserved example domain), 02-1234-5678, 123-45-67891 and 1900-01-01. Every prose field is also compared with the form\'s guide sentences (every ★ line and its continuation, the 요약서 guide lines and the 작성요령 sentences, listed in figures.ts): spacing, punctuation and brackets aside, a run of at least 60% of a sentence (all of a short one) is reported, with or without its ★, as one finding.',
      ko: '계획서의 모든 문자열에서 양식이 안내나 자리표시로 쓴 것을 찾습니다: 작성 가이드의 ★, "작성요령", 000과 00%, YYYYMMDD와 yyyy.mm, ㅇㅇㅇ와 △△△, "해당시 작성", "사업자등록증상 주소", 빈 괄호. gpuplan이 스니펫, 섹션 삽입, 새 계획서에 넣는 자리표시도 찾습니다: 〔 〕 안의 글("〔대표자 성명〕", 빠른 수정이 남기는 "〔기한〕", "〔수량〕", "〔풀네임〕")과 예시 값 name@example.com(예약된 예시 도메인 모두), 02-1234-5678, 123-45-67891, 1900-01-01. 또 모든 서술 항목을 양식의 작성 가이드 문장(★ 줄과 이어지는 괄호 줄, 요약서 안내, 작성요령 문장; figures.ts에 목록)과 비교합니다. 띄어쓰기·문장부호·괄호를 빼고 한 문장의 60% 이상(짧은 문장은 전부)이 그대로 있으면 ★가 있든 없든 한 건으로 알려 줍니다.',
    },
    fix: {
      en: 'Delete the guide text, or write the real value in place of the placeholder. A "★" and a guide sentence have a quick fix that deletes them.',
      ko: '가이드 문구를 지우거나 자리표시에 실제 값을 쓰세요. "★"와 작성 가이드 문장은 빠른 수정으로 지울 수 있습니다.',
    },
    examples: {
      pass: { patch: { '/mainContent/execution/status/0/text': '주요 과업 진척률(현 모델개발 단계 35%)' } },
      fail: { patch: { '/mainContent/execution/status/0/text': '★ 현재까지 완료된 주요 과업 진척률 기재' } },
    },
  },
  check({ doc, plan, texts, message, report }) {
    const reportHits = (hits: readonly Hit[], path: JsonPath) => {
      const span = spannerAt(doc, path);
      for (const hit of hits) {
        const at = span(hit.start, hit.start + hit.text.length);
        if (hit.kind === 'guideSentence') {
          const { place } = guideSentence((hit as Hit & { guide: number }).guide);
          report({ at, path, message: message('sentence', quote(hit.text), place), data: { kind: hit.kind, text: hit.text } });
        } else {
          const key = !PROJECT_PLACEHOLDER_IDS.has(hit.kind) ? 'left' : hit.kind === 'projectPlaceholder' ? 'placeholder' : 'sample';
          report({ at, path, message: message(key, hit.text), data: { kind: hit.kind, text: hit.text } });
        }
      }
    };
    // The form's guide sentences, in prose: strings by value, so that the walk below finds them.
    const sentences = new Map<string, true>();
    for (const text of texts()) if (guideSentenceHits(text.value).length > 0) sentences.set(text.value, true);
    // In a plain JSON text one pass over the whole text tells that no string has a mark or placeholder.
    if (isPlainText(doc) && !guideTextAnywhere(doc.text)) {
      if (sentences.size === 0) return;
      for (const text of texts()) if (sentences.has(text.value)) reportHits(proseGuideHits(text.value, []), text.path());
      return;
    }
    const prose =
      sentences.size > 0
        ? new Set(
            texts()
              .filter((t) => sentences.has(t.value))
              .map((t) => t.path().join('\u0000')),
          )
        : undefined;
    forEachString(plan, (value, pathOf) => {
      const marks = guideHits(value);
      const path = marks.length > 0 || sentences.has(value) ? pathOf() : undefined;
      if (!path) return;
      const hits = prose?.has(path.join('\u0000')) ? proseGuideHits(value, marks) : marks;
      if (hits.length > 0) reportHits(hits, path);
    });
  },
  fixes(finding, { doc, title }) {
    const kind = finding.data?.kind;
    if (kind !== 'star' && kind !== 'guideSentence') return [];
    const fixTitle = title(kind === 'star' ? 'fixStar' : 'fixSentence');
    // A bullet that is nothing but guide text goes as a whole (an empty bullet would be a new
    // problem): both the mark's and the sentence's fix then remove the same element.
    const bullet = wholeBulletRemoval(doc, finding);
    if (bullet) return [{ code: finding.code, title: fixTitle, edits: [bullet], fixAll: true, preferred: true }];
    let start = finding.offset;
    let end = finding.offset + finding.length;
    if (kind === 'star') {
      // Remove the mark and the space after it.
      if (doc.text[end] === ' ') end++;
    } else {
      // Remove the sentence and the spaces after it (or, at the end of the string, before it).
      while (doc.text[end] === ' ') end++;
      if (doc.text[end] === '"') while (doc.text[start - 1] === ' ') start--;
    }
    return [{ code: finding.code, title: fixTitle, edits: [{ offset: start, length: end - start, newText: '' }], fixAll: true, preferred: true }];
  },
});

/**
 * The edit that removes a whole array item (with its comma) when its string holds only guide
 * marks and guide sentences; undefined for anything else.
 */
function wholeBulletRemoval(
  doc: ParsedDocument,
  finding: { readonly path?: JsonPath; readonly offset: number },
): { offset: number; length: number; newText: string } | undefined {
  const path = finding.path;
  if (!path || typeof path[path.length - 1] !== 'number') return undefined;
  const node = doc.spanAt(path);
  const parent = doc.spanAt(path.slice(0, -1));
  if (!node || !parent) return undefined;
  const raw = doc.text.slice(node.offset + 1, node.offset + node.length - 1);
  if (raw.includes('\\')) return undefined;
  let rest = raw.replace(/★/g, '');
  for (const hit of guideSentenceHits(rest)) rest = rest.replace(hit.text, '');
  if (rest.trim().length > 0) return undefined;
  // The comma and white space before the item, or (for the first item) after it.
  let start = node.offset;
  let end = node.offset + node.length;
  let before = start;
  while (before > parent.offset && /\s/.test(doc.text[before - 1])) before--;
  if (doc.text[before - 1] === ',') {
    start = before - 1;
  } else {
    let after = end;
    while (after < parent.offset + parent.length && /\s/.test(doc.text[after])) after++;
    if (doc.text[after] === ',') {
      end = after + 1;
      while (/[ \t]/.test(doc.text[end])) end++;
    }
  }
  return { offset: start, length: end - start, newText: '' };
}
