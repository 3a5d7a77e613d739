/** `employees-total-mismatch`: 종업원수 정규직 + 비정규직 = 합계. */
import { replaceWithJson } from '../edit/fix';
import { asInteger, asObject } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const employeesTotalMismatch = defineRule<{ readonly expected: number }>()({
  code: 'employees-total-mismatch',
  severity: 'warning',
  reads: 'structure',
  description: { en: 'Regular + non-regular employees differ from the total.', ko: '정규직 + 비정규직이 종업원 합계와 다름' },
  messages: {
    differs: {
      en: 'Total employees is {0}, but regular ({1}) + non-regular ({2}) = {3}.',
      ko: '종업원 합계가 {0}명이지만 정규직({1}명) + 비정규직({2}명) = {3}명입니다.',
    },
    regular: { en: 'Regular employees.', ko: '정규직' },
    nonRegular: { en: 'Non-regular employees.', ko: '비정규직' },
    fix: { en: 'Write the computed total {0}', ko: '계산한 합계 {0}명으로 바꾸기' },
  },
  docs: {
    form: '종업원수 (명) 정규직 / 비정규직 / 합계',
    formPlace: { en: 'form, VI-1 신청기관 현황', ko: '양식, VI-1 신청기관 현황' },
    checks: { en: 'The total of 종업원수 is the sum of regular and non-regular employees.', ko: '종업원수 합계는 정규직과 비정규직의 합입니다.' },
    fix: {
      en: 'Write the sum as the total (quick fix), or correct one of the counts.',
      ko: '합계를 두 수의 합으로 바꾸거나(빠른 수정), 인원수 하나를 바로잡으세요.',
    },
    examples: { pass: { patch: { '/applicant/employees/total': 21 } }, fail: { patch: { '/applicant/employees/total': 22 } }, show: ['/applicant/employees'] },
  },
  check({ doc, plan, message, report }) {
    const employees = asObject(asObject(plan.applicant)?.employees);
    if (!employees) return;
    const [regular, nonRegular, total] = [asInteger(employees.regular), asInteger(employees.nonRegular), asInteger(employees.total)];
    if (regular === undefined || nonRegular === undefined || total === undefined || regular + nonRegular === total) return;
    report({
      at: valueSpan(doc, ['applicant', 'employees', 'total']),
      path: ['applicant', 'employees', 'total'],
      message: message('differs', total, regular, nonRegular, regular + nonRegular),
      data: { expected: regular + nonRegular },
      related: [
        related(doc, ['applicant', 'employees', 'regular'], message('regular')),
        related(doc, ['applicant', 'employees', 'nonRegular'], message('nonRegular')),
      ],
    });
  },
  fixes(finding, { title }) {
    const data = finding.data;
    if (!data) return [];
    return [{ code: finding.code, title: title('fix', data.expected), edits: [replaceWithJson(finding, data.expected)], fixAll: true, preferred: true }];
  },
});
