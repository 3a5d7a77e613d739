/**
 * `government-project-recency`: 정부지원과제 수행실적 lists the projects of the last 5 years,
 * newest first, as the form asks.
 */
import { dateMessage, monthMessage } from '../dates';
import { GOVERNMENT_PROJECT_YEARS } from '../figures';
import { asArray, asNonBlank, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { monthPeriod, referenceDate } from './plan-dates';
import { defineRule } from './rule';

const shorten = (text: string): string => (text.length > 30 ? `${text.slice(0, 29)}…` : text);

export const governmentProjectRecency = defineRule()({
  code: 'government-project-recency',
  severity: 'warning',
  reads: 'structure',
  description: {
    en: 'A government project ended more than 5 years before the plan, or the projects are not listed newest first.',
    ko: '정부지원과제가 최근 5년 밖이거나 최근 실적부터 기재되지 않음',
  },
  messages: {
    old: {
      en: 'Government project {0} ("{1}") ended in {2}, more than {3} years before {4} (the {5}): the form asks for the projects of the last {3} years.',
      ko: '정부지원과제 {0}번째 행("{1}")은 {2}에 끝나 {5}({4}) 기준 최근 {3}년 밖입니다. 최근 {3}년간 신청중·수행중·완료한 과제만 기재합니다.',
    },
    order: {
      en: 'Government project {0} (from {1}) is more recent than project {2} (from {3}) above it: the form lists the most recent first.',
      ko: '정부지원과제 {0}번째 행({1}~)이 그 위 {2}번째 행({3}~)보다 최근입니다. 정부지원과제는 최근 실적부터 기재합니다.',
    },
    reference: { en: 'The date the plan is judged against.', ko: '기준일' },
    older: { en: 'The older project, listed first.', ko: '먼저 기재한 이전 과제' },
    pledge: { en: 'pledge date', ko: '서약일' },
    schedule: { en: 'start of the project period', ko: '수행기간 시작일' },
  },
  docs: {
    form: '★ 정부지원과제 수행실적 : - 총괄책임자 및 기관 실적 모두 포함, 최근 실적부터 기재 - 책임자가 최근 5년간 총괄책임자 또는 책임자로 신청중, 수행중, 완료한 과제 기재',
    formPlace: { en: 'form, VI-2 참여 인력 현황 — 총괄책임자', ko: '양식, VI-2 참여 인력 현황 — 총괄책임자' },
    checks: {
      en: `Each row of \`institution.leadResearcher.governmentProjects\` ends (\`period.end\`) within the ${GOVERNMENT_PROJECT_YEARS.value} years before the plan's date, and the rows go from the most recent start to the oldest. The plan's date is its own, not today's: the pledge date (\`pledge.date\`), or without it the start of the project period (\`schedule.period.start\`), so a plan gives the same findings on any day.`,
      ko: `\`institution.leadResearcher.governmentProjects\`의 각 행은 계획서 기준일 이전 ${GOVERNMENT_PROJECT_YEARS.value}년 안에 끝나야 하고(\`period.end\`), 시작이 최근인 과제부터 기재해야 합니다. 기준일은 오늘 날짜가 아니라 계획서의 날짜입니다: 서약일(\`pledge.date\`), 없으면 수행기간 시작일(\`schedule.period.start\`). 따라서 언제 검사해도 결과가 같습니다.`,
    },
    fix: { en: 'Remove projects older than 5 years, and list the most recent first.', ko: '5년보다 오래된 과제를 빼고, 최근 과제부터 기재하세요.' },
    examples: {
      pass: { patch: {} },
      fail: { patch: { '/institution/leadResearcher/governmentProjects/3/period': { start: '2019-05', end: '2020-11' } } },
      show: ['/pledge/date'],
    },
  },
  check({ doc, plan, message, report }) {
    const rows = asArray(asObject(asObject(plan.institution)?.leadResearcher)?.governmentProjects).map(asObject);
    const reference = referenceDate(plan);
    const years = GOVERNMENT_PROJECT_YEARS.value;
    let previous: { index: number; start: number } | undefined;
    rows.forEach((row, index) => {
      const period = monthPeriod(row?.period);
      if (!period) return;
      const at = (key: 'start' | 'end') => ['institution', 'leadResearcher', 'governmentProjects', index, 'period', key];
      if (reference && period.end < reference.month - years * 12) {
        report({
          at: valueSpan(doc, at('end')),
          path: at('end'),
          message: message(
            'old',
            index + 1,
            shorten(asNonBlank(row?.title) ?? ''),
            monthMessage(period.end),
            years,
            dateMessage(reference.iso),
            message(reference.source),
          ),
          related: [related(doc, reference.path, message('reference'))],
        });
      }
      if (previous && period.start > previous.start) {
        report({
          at: valueSpan(doc, at('start')),
          path: at('start'),
          message: message('order', index + 1, monthMessage(period.start), previous.index + 1, monthMessage(previous.start)),
          related: [related(doc, ['institution', 'leadResearcher', 'governmentProjects', previous.index, 'period', 'start'], message('older'))],
        });
        return;
      }
      previous = { index, start: period.start };
    });
  },
});
