/** The 요약서: the form's one-column table of the plan's summary, item by item. */
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { bold, cell, label, row, textCell } from './cells';
import { obj, show } from './read';

export function summaryPart(b: Builder, plan: Plan): void {
  const s = obj(plan.summary);
  b.part('요 약 서', 'summary');
  const item = (title: string) => label(bold(title), { align: 'left' });
  b.table(
    'summary',
    [1],
    [
      row(item('1. 신청과제명')),
      row(cell(show(plan.projectTitle))),
      row(item('2. 신청기업(관)명')),
      row(cell(show(obj(plan.applicant).name))),
      row(item('3. 과제 개요')),
      row(textCell(s.overview)),
      row(item('4. 과제 주요 내용')),
      row(textCell(s.mainContent)),
      row(item('5. GPU 자원 활용 계획')),
      row(textCell(s.gpuPlan)),
      row(item('6. 활용 확산 추진 방안')),
      row(textCell(s.dissemination)),
      row(item('7. 기대효과')),
      row(textCell(s.expectedEffects)),
    ],
  );
}
