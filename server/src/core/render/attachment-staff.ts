/** 붙임 0 투입 인력 현황: one row per member of staff. */
import { asArray, asNumber } from '../plan/read';
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { blankRow, cell, headerRow, label, row } from './cells';
import { date, obj, show } from './read';

export function staffAttachment(b: Builder, plan: Plan): void {
  b.part('붙임 0  투입 인력 현황', 'attachment-0');
  const staff = asArray(plan.staff).map(obj);
  b.table(
    'staff',
    [6, 16, 9, 11, 20, 15, 15, 8],
    [
      headerRow(
        label('번호'),
        label('소속기관'),
        label('성명'),
        label('직위'),
        label('담당업무'),
        label(['학위', '(전공)']),
        label(['참여기간', '(개월)']),
        label(['투입률', '(%)']),
      ),
      ...(staff.length === 0
        ? [blankRow(8)]
        : staff.map((s, i) => {
            const p = obj(s.period);
            const months = asNumber(s.months);
            const degree = show(s.degree);
            const major = show(s.major);
            return row(
              cell(String(i + 1), { align: 'center' }),
              cell(show(s.organization)),
              cell(show(s.name), { align: 'center' }),
              cell(show(s.position), { align: 'center' }),
              cell(show(s.role)),
              cell(degree || major ? `${degree}${major ? `(${major})` : ''}` : '', { align: 'center' }),
              cell([date(p.start) ? `${date(p.start)}~` : '', `${date(p.end)}${months !== undefined ? ` (${months})` : ''}`].filter(Boolean), {
                align: 'center',
              }),
              cell(asNumber(s.participationPercent) !== undefined ? String(asNumber(s.participationPercent)) : '', { align: 'center' }),
            );
          })),
    ],
    { dense: true },
  );
}
