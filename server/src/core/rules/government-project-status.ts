/** `government-project-status`: the 진행현황 of a government project agrees with its dates. */
import { dateMessage, monthMessage } from '../dates';
import { replaceWithJson } from '../edit/fix';
import { perLocale, type Message } from '../l10n';
import { asArray, asObject } from '../plan/read';
import type { ProjectStatus } from '../plan/types';
import { related, valueSpan } from './place';
import { monthPeriod, referenceDate } from './plan-dates';
import { defineRule } from './rule';

/** The form's words for the statuses: "진행현황은 "완료", "수행중", "신청중"중 택일". */
const STATUS: Readonly<Record<ProjectStatus, Message>> = {
  completed: perLocale('completed (완료)', '완료'),
  ongoing: perLocale('ongoing (수행중)', '수행중'),
  applied: perLocale('applied (신청중)', '신청중'),
};

const isStatus = (value: unknown): value is ProjectStatus => value === 'completed' || value === 'ongoing' || value === 'applied';

export const governmentProjectStatus = defineRule<{ readonly expected: ProjectStatus }>()({
  code: 'government-project-status',
  severity: 'warning',
  reads: 'structure',
  description: { en: "A government project's status (진행현황) disagrees with its period.", ko: '정부지원과제 진행현황이 수행기간과 맞지 않음' },
  messages: {
    completed: {
      en: 'Government project {0} is {1}, but it runs until {2}, after {3} (the {4}): it is {5}.',
      ko: '정부지원과제 {0}번째 행의 진행현황은 "{1}"인데, 수행기간이 {4}({3}) 이후인 {2}까지이므로 "{5}"입니다.',
    },
    notStarted: {
      en: 'Government project {0} is {1}, but it starts in {2}, after {3} (the {4}): it is {5}.',
      ko: '정부지원과제 {0}번째 행의 진행현황은 "{1}"인데, {4}({3}) 이후인 {2}에 시작하므로 "{5}"입니다.',
    },
    ended: {
      en: 'Government project {0} is {1}, but it ended in {2}, before {3} (the {4}): it is {5}.',
      ko: '정부지원과제 {0}번째 행의 진행현황은 "{1}"인데, {4}({3}) 이전인 {2}에 끝났으므로 "{5}"입니다.',
    },
    started: {
      en: 'Government project {0} is {1}, but it started in {2}, before {3} (the {4}): if it was selected it is {5}.',
      ko: '정부지원과제 {0}번째 행의 진행현황은 "{1}"인데, {4}({3}) 이전인 {2}에 이미 시작했으므로 선정되었다면 "{5}"입니다.',
    },
    reference: { en: 'The date the plan is judged against.', ko: '기준일' },
    pledge: { en: 'pledge date', ko: '서약일' },
    schedule: { en: 'start of the project period', ko: '수행기간 시작일' },
    fix: { en: 'Change to {0}', ko: '{0|으로} 바꾸기' },
  },
  docs: {
    form: '진행현황 … ★ 진행현황은 "완료", "수행중", "신청중"중 택일 … 책임자가 최근 5년간 총괄책임자 또는 책임자로 신청중, 수행중, 완료한 과제 기재',
    formPlace: { en: 'form, VI-2 참여 인력 현황 — 총괄책임자', ko: '양식, VI-2 참여 인력 현황 — 총괄책임자' },
    checks: {
      en: "On the plan's date, a project that has ended (its last month is before that month) is 완료 (`completed`), one under way is 수행중 (`ongoing`), and one that has not started is 신청중 (`applied`) or, if already selected, 수행중 only once it starts. The plan's date is its own, not today's: the pledge date (`pledge.date`), or without it the start of the project period (`schedule.period.start`).",
      ko: '계획서 기준일에 이미 끝난 과제(마지막 달이 기준일이 속한 달보다 앞섬)는 "완료"(`completed`), 진행 중인 과제는 "수행중"(`ongoing`), 아직 시작하지 않은 과제는 "신청중"(`applied`)입니다. 기준일은 오늘 날짜가 아니라 계획서의 날짜입니다: 서약일(`pledge.date`), 없으면 수행기간 시작일(`schedule.period.start`).',
    },
    fix: {
      en: 'Set the status the dates give (quick fix), or correct the period.',
      ko: '수행기간에 맞는 진행현황으로 바꾸거나(빠른 수정), 수행기간을 바로잡으세요.',
    },
    examples: {
      pass: { patch: {} },
      fail: { patch: { '/institution/leadResearcher/governmentProjects/1/status': 'completed' } },
      show: ['/pledge/date'],
    },
  },
  check({ doc, plan, message, report }) {
    const reference = referenceDate(plan);
    if (!reference) return;
    const month = reference.month;
    const when = [dateMessage(reference.iso), message(reference.source)] as const;
    asArray(asObject(asObject(plan.institution)?.leadResearcher)?.governmentProjects).forEach((raw, index) => {
      const row = asObject(raw);
      const period = monthPeriod(row?.period);
      const status = row?.status;
      if (!period || period.end < period.start || !isStatus(status)) return;
      let problem: { key: 'completed' | 'notStarted' | 'ended' | 'started'; at: number; expected: ProjectStatus } | undefined;
      if (status === 'completed' && period.end > month)
        problem =
          period.start > month ? { key: 'notStarted', at: period.start, expected: 'applied' } : { key: 'completed', at: period.end, expected: 'ongoing' };
      else if (status === 'ongoing' && period.end < month) problem = { key: 'ended', at: period.end, expected: 'completed' };
      else if (status === 'ongoing' && period.start > month) problem = { key: 'notStarted', at: period.start, expected: 'applied' };
      else if (status === 'applied' && period.end < month) problem = { key: 'ended', at: period.end, expected: 'completed' };
      else if (status === 'applied' && period.start < month) problem = { key: 'started', at: period.start, expected: 'ongoing' };
      if (!problem) return;
      const path = ['institution', 'leadResearcher', 'governmentProjects', index, 'status'];
      report({
        at: valueSpan(doc, path),
        path,
        message: message(problem.key, index + 1, STATUS[status], monthMessage(problem.at), when[0], when[1], STATUS[problem.expected]),
        data: { expected: problem.expected },
        related: [related(doc, reference.path, message('reference'))],
      });
    });
  },
  fixes(finding, { locale, title }) {
    const expected = finding.data?.expected;
    if (!expected) return [];
    const label = locale === 'ko' ? `"${STATUS[expected].ko ?? expected}"` : STATUS[expected].template;
    return [{ code: finding.code, title: title('fix', label), edits: [replaceWithJson(finding, expected)], fixAll: true, preferred: true }];
  },
});
