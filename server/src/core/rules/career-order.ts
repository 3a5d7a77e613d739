/** `career-order`: the lead researcher's 해당분야 경력 is listed newest first, as the form asks. */
import { monthMessage } from '../dates';
import { asArray, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { monthPeriod } from './plan-dates';
import { defineRule } from './rule';

export const careerOrder = defineRule()({
  code: 'career-order',
  severity: 'warning',
  reads: 'structure',
  description: { en: "The lead researcher's career is not listed newest first.", ko: '총괄책임자 경력이 최근 순이 아님' },
  messages: {
    order: {
      en: 'Career row {0} (from {1}) is newer than row {2} (from {3}) above it: the form lists careers newest first.',
      ko: '경력 {0}번째 행({1}~)이 그 위 {2}번째 행({3}~)보다 최근입니다. 경력은 최근 순으로 기재합니다.',
    },
    older: { en: 'The older career, listed first.', ko: '먼저 기재한 이전 경력' },
  },
  docs: {
    form: '★ 학력: 박사, 석사, 학사학위 순으로 기재, 경력: 최근 순으로 기재',
    formPlace: { en: 'form, VI-2 참여 인력 현황 — 총괄책임자', ko: '양식, VI-2 참여 인력 현황 — 총괄책임자' },
    checks: {
      en: 'The rows of `institution.leadResearcher.career` go from the most recent to the oldest: each row starts no later than the row above it (rows that start in the same month: the one that ends later first).',
      ko: '`institution.leadResearcher.career`의 행은 최근 경력부터 기재합니다. 각 행의 시작은 바로 위 행보다 늦을 수 없습니다(같은 달에 시작하면 나중에 끝나는 행이 먼저).',
    },
    fix: { en: 'Reorder the rows: the most recent first.', ko: '최근 경력부터 오도록 행의 순서를 바꾸세요.' },
    examples: {
      pass: { patch: {} },
      fail: { patch: { '/institution/leadResearcher/career/1/period': { start: '2022-03', end: '2023-02' } } },
      show: ['/institution/leadResearcher/career'],
    },
  },
  check({ doc, plan, message, report }) {
    const rows = asArray(asObject(asObject(plan.institution)?.leadResearcher)?.career).map((raw) => monthPeriod(asObject(raw)?.period));
    let previous: { index: number; start: number; end: number } | undefined;
    rows.forEach((period, index) => {
      if (!period) return;
      if (previous && (period.start > previous.start || (period.start === previous.start && period.end > previous.end))) {
        const path = ['institution', 'leadResearcher', 'career', index, 'period'];
        report({
          at: valueSpan(doc, path),
          path,
          message: message('order', index + 1, monthMessage(period.start), previous.index + 1, monthMessage(previous.start)),
          related: [related(doc, ['institution', 'leadResearcher', 'career', previous.index, 'period'], message('older'))],
        });
        return;
      }
      previous = { index, ...period };
    });
  },
});
