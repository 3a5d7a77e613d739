/** `achievement-recency`: the 주요 실적 of VI-3 are those of the last 3 years, as the form asks. */
import { dateMessage, monthMessage, parseMonth } from '../dates';
import { ACHIEVEMENT_YEARS } from '../figures';
import { asArray, asNonBlank, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { referenceDate } from './plan-dates';
import { defineRule } from './rule';

const shorten = (text: string): string => (text.length > 30 ? `${text.slice(0, 29)}…` : text);

export const achievementRecency = defineRule()({
  code: 'achievement-recency',
  severity: 'warning',
  reads: 'structure',
  description: { en: 'An achievement (주요 실적) is older than 3 years.', ko: '주요 실적이 최근 3년 이내가 아님' },
  messages: {
    old: {
      en: 'Achievement {0} ("{1}") dates from {2}, more than {3} years before {4} (the {5}): the form asks for the achievements of the last {3} years.',
      ko: '주요 실적 {0}번째 행("{1}")은 {2}의 실적으로, {5}({4}) 기준 최근 {3}년 이내가 아닙니다. 주요 실적은 최근 {3}년 이내의 것을 기재합니다.',
    },
    reference: { en: 'The date the plan is judged against.', ko: '기준일' },
    pledge: { en: 'pledge date', ko: '서약일' },
    schedule: { en: 'start of the project period', ko: '수행기간 시작일' },
  },
  docs: {
    form: '★ 최근 3년 이내 기업(기관)의 AI 연구개발 실적 및 오픈소스 공개이력을 표로 제시 ★ 최근 3년 이내 AI 연구개발 관련 수행한 국가-민간 R&D 과제, 논문, 특허, 기술이전, GPU 활용 연구성과 등 구체적으로 제시',
    formPlace: { en: 'form, VI-3 주요 실적', ko: '양식, VI-3 주요 실적' },
    checks: {
      en: `Each \`institution.achievements[].date\` lies within the ${ACHIEVEMENT_YEARS.value} years (${ACHIEVEMENT_YEARS.value * 12} months) before the plan's date. The plan's date is its own, not today's: the pledge date (\`pledge.date\`), or without it the start of the project period (\`schedule.period.start\`).`,
      ko: `\`institution.achievements[].date\`는 계획서 기준일 이전 ${ACHIEVEMENT_YEARS.value}년(${ACHIEVEMENT_YEARS.value * 12}개월) 안이어야 합니다. 기준일은 오늘 날짜가 아니라 계획서의 날짜입니다: 서약일(\`pledge.date\`), 없으면 수행기간 시작일(\`schedule.period.start\`).`,
    },
    fix: { en: 'Replace older achievements with recent ones, or remove them.', ko: '오래된 실적을 최근 실적으로 바꾸거나 빼세요.' },
    examples: {
      pass: { patch: { '/institution/achievements/5/date': '2024-09' } },
      fail: { patch: { '/institution/achievements/5/date': '2022-09' } },
      show: ['/pledge/date'],
    },
  },
  check({ doc, plan, message, report }) {
    const reference = referenceDate(plan);
    if (!reference) return;
    const years = ACHIEVEMENT_YEARS.value;
    asArray(asObject(plan.institution)?.achievements).forEach((raw, index) => {
      const row = asObject(raw);
      const month = parseMonth(row?.date);
      if (month === undefined || month >= reference.month - years * 12) return;
      const path = ['institution', 'achievements', index, 'date'];
      report({
        at: valueSpan(doc, path),
        path,
        message: message(
          'old',
          index + 1,
          shorten(asNonBlank(row?.title) ?? ''),
          monthMessage(month),
          years,
          dateMessage(reference.iso),
          message(reference.source),
        ),
        related: [related(doc, reference.path, message('reference'))],
      });
    });
  },
});
