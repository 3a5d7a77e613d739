/** Chapter II 과제 주요 내용: 과제 수행 계획 (with the models used) and 성과 목표 (with the indicators). */
import { asArray } from '../plan/read';
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { blankRow, cell, emptyRow, headerRow, label, row, textCell } from './cells';
import { obj, show } from './read';

export function mainContentChapter(b: Builder, plan: Plan): void {
  const main = obj(plan.mainContent);
  const execution = obj(main.execution);
  const goals = obj(main.goals);
  b.chapterHeading();
  b.sectionHeading('과제 수행 계획');
  b.mark(3, '과제 추진 현황');
  b.text(execution.status);
  b.mark(3, '본 과제 상세 수행내용');
  b.text(execution.details);
  b.mark(4, '과제 수행 시 활용하는 모델');
  const models = asArray(execution.baseModels).map(obj);
  b.table(
    'base-models',
    [6, 24, 18, 18, 34],
    [
      headerRow(label('번호'), label('모델명'), label('버전'), label('라이선스'), label('활용 전략')),
      ...(models.length === 0
        ? [emptyRow(5)]
        : models.map((m, i) =>
            row(cell(String(i + 1), { align: 'center' }), cell(show(m.name)), cell(show(m.version)), cell(show(m.license)), textCell(m.strategy)),
          )),
    ],
  );

  b.sectionHeading('성과 목표 수립');
  b.mark(3, '최종 성과 목표');
  b.text(goals.final);
  b.mark(4, '성과 지표 (As-is → To-be)');
  const indicators = asArray(goals.indicators).map(obj);
  b.table(
    'indicators',
    [24, 8, 14, 14, 40],
    [
      headerRow(label('지표명'), label('단위'), label('현재(As-is)'), label('목표(To-be)'), label('측정 방법')),
      ...(indicators.length === 0
        ? [blankRow(5)]
        : indicators.map((m) =>
            row(
              cell(show(m.name)),
              cell(show(m.unit), { align: 'center' }),
              cell(show(m.current), { align: 'center' }),
              cell(show(m.target), { align: 'center' }),
              cell(show(m.measurement)),
            ),
          )),
    ],
  );
  b.mark(3, '성과 지표 설정 근거 및 측정 방법');
  b.text(goals.basis);
}
