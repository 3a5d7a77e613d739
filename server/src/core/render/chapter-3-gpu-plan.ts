/** Chapter III GPU 자원 활용 계획: scale, the stages of use, and the 민간부담금 table from the core's cost model. */
import type { CostModel } from '../cost/cost';
import { costTable } from '../cost/table';
import { groupThousands } from '../format';
import { asArray, asNumber, type PlanObject } from '../plan/read';
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { blankRow, cell, headerRow, label, row, textCell } from './cells';
import { obj, percent, periodLines, shortMonth } from './read';

export function gpuPlanChapter(b: Builder, plan: Plan, cost: CostModel): void {
  const gpuPlan = obj(plan.gpuPlan);
  const table = costTable(cost, 'ko');
  b.chapterHeading();
  b.sectionHeading('GPU 자원 활용 규모');
  b.mark(3, 'GPU 활용(요청) 규모 적정성');
  b.text(gpuPlan.scaleJustification);

  b.sectionHeading('GPU 자원 사용 계획');
  b.mark(3, 'GPU 단계별 활용 계획');
  const stages = asArray(gpuPlan.stages).map(obj);
  const usage = (s: PlanObject): string[] => {
    const gpus = asNumber(s.gpus);
    const servers = asNumber(s.servers);
    return [gpus !== undefined ? `${groupThousands(gpus)}장` : '', servers !== undefined ? `(${groupThousands(servers)}서버)` : ''].filter(Boolean);
  };
  b.table(
    'gpu-stages',
    [7, 17, 40, 12, 12, 12],
    [
      headerRow(
        label('단계'),
        label('추진기간'),
        label('주요 수행내용'),
        label('GPU 투입시기'),
        label(['GPU 사용량', '(장/서버수)']),
        label(['예상 활용률', '(%)']),
      ),
      ...(stages.length === 0
        ? [blankRow(6)]
        : stages.map((s, i) =>
            row(
              cell(String(i + 1), { align: 'center' }),
              cell(periodLines(s.period), { align: 'center' }),
              textCell(s.tasks),
              cell(shortMonth(s.gpuStart), { align: 'center' }),
              cell(usage(s), { align: 'center' }),
              cell(percent(s.expectedUtilizationPercent), { align: 'center' }),
            ),
          )),
    ],
  );
  if (table.gpuLine) b.note(`배정 GPU 자원: ${table.gpuLine}`);

  b.sectionHeading('민간부담금 산출내역');
  b.mark(3, '민간 부담금 계산');
  b.table(
    'copayment',
    [11, 11, 22, 11, 26, 19],
    [
      headerRow(...table.headers.map((h) => label(h))),
      table.row ? row(...table.row.map((value) => cell(value, { align: 'center' }))) : row(...table.headers.map(() => cell(''))),
    ],
  );
  if (table.row) {
    b.note(`실제 부담액: ${table.applicable ?? '—'} (${table.policy})`);
  } else {
    b.note(table.summary);
  }
}
