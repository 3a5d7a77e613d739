/** `staff-period-outside-schedule`: each 참여기간 of 붙임0 lies inside the project period (V-1). */
import { compareDates, dateMessage, formatDate, formatKoreanDate, parseDate } from '../dates';
import { replaceWithJson } from '../edit/fix';
import { asArray, asNonBlank, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { memo } from './memo';
import { projectMonths } from './plan-dates';
import { defineRule } from './rule';

export const staffPeriodOutsideSchedule = defineRule<{ readonly fix: string }>()({
  code: 'staff-period-outside-schedule',
  severity: 'warning',
  reads: 'structure',
  description: { en: "A person's participation period in 붙임0 lies outside the project period.", ko: '붙임0 참여기간이 수행기간 밖' },
  messages: {
    startsBefore: {
      en: '{0} starts participating on {1}, before the project period starts ({2}).',
      ko: '{0}의 참여 시작일 {1|이} 수행기간 시작일({2})보다 앞섭니다.',
    },
    endsAfter: {
      en: '{0} participates until {1}, after the project period ends ({2}).',
      ko: '{0}의 참여 종료일 {1|이} 수행기간 종료일({2})보다 뒤입니다.',
    },
    projectPeriod: { en: 'The project period.', ko: '수행기간' },
    fixStart: { en: 'Start on {0}', ko: '참여 시작일을 {0|으로} 바꾸기' },
    fixEnd: { en: 'End on {0}', ko: '참여 종료일을 {0|으로} 바꾸기' },
  },
  docs: {
    form: '붙임 0 투입 인력 현황 … 참여기간 (개월) MMDD~ MMDD (00) … ★ 본 사업 수행을 위해 투입되는 인력에 한하여 기입',
    formPlace: { en: 'form, 붙임0 투입 인력 현황; V-1 추진 일정', ko: '양식, 붙임0 투입 인력 현황; V-1 추진 일정' },
    checks: {
      en: '붙임0 lists the people who work on this project, for the time they work on it: each `staff[].period` starts no earlier and ends no later than `schedule.period`.',
      ko: '붙임0에는 본 사업에 투입되는 인력을 그 투입 기간과 함께 기재하므로, 각 `staff[].period`는 `schedule.period`의 수행기간보다 먼저 시작하거나 늦게 끝날 수 없습니다.',
    },
    fix: {
      en: "Move the participation period into the project period (quick fix: the project's start or end).",
      ko: '참여기간을 수행기간 안으로 옮기세요 (빠른 수정: 수행기간의 시작일이나 종료일).',
    },
    examples: {
      pass: { patch: { '/staff/1/period/end': '2026-08-31' } },
      fail: { patch: { '/staff/1/period/end': '2026-09-30' } },
      show: ['/schedule/period'],
    },
  },
  check({ doc, plan, message, report }) {
    const project = projectMonths(plan);
    if (!project) return;
    const projectPeriod = [related(doc, ['schedule', 'period'], message('projectPeriod'))];
    // The same for every row: a new project start can put a thousand rows before it at once.
    const fixStart = formatDate(project.start);
    const fixEnd = formatDate(project.end);
    const projectStart = dateMessage(fixStart);
    const projectEnd = dateMessage(fixEnd);
    // Rows mostly share their dates: each one read and worded once.
    const parsed = memo(parseDate);
    const dateOf = (value: unknown) => (typeof value === 'string' ? parsed(value) : undefined);
    const wording = memo(dateMessage);
    asArray(plan.staff).forEach((raw, index) => {
      const person = asObject(raw);
      const period = asObject(person?.period);
      if (!person || !period) return;
      const who = asNonBlank(person.name) ?? `#${index + 1}`;
      const start = dateOf(period.start);
      const end = dateOf(period.end);
      if (start && compareDates(start, project.start) < 0) {
        const path = ['staff', index, 'period', 'start'];
        report({
          at: valueSpan(doc, path),
          path,
          message: message('startsBefore', who, wording(String(period.start)), projectStart),
          data: { fix: fixStart },
          related: projectPeriod,
        });
      }
      if (end && compareDates(end, project.end) > 0) {
        const path = ['staff', index, 'period', 'end'];
        report({
          at: valueSpan(doc, path),
          path,
          message: message('endsAfter', who, wording(String(period.end)), projectEnd),
          data: { fix: fixEnd },
          related: projectPeriod,
        });
      }
    });
  },
  fixes(finding, { locale, title }) {
    const fix = finding.data?.fix;
    if (!fix) return [];
    return [
      {
        code: finding.code,
        title: title(finding.path?.[finding.path.length - 1] === 'start' ? 'fixStart' : 'fixEnd', locale === 'ko' ? formatKoreanDate(fix) : fix),
        edits: [replaceWithJson(finding, fix)],
        fixAll: true,
        preferred: true,
      },
    ];
  },
});
