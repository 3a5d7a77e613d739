/** Chapter VI 기관현황: the applicant, the lead researcher and staffing, 주요 실적 and 미래 성장가능성. */
import { groupThousands } from '../format';
import { asArray, asNumber, asString } from '../plan/read';
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { cell, emptyRow, headerRow, label, row, small } from './cells';
import { TYPE_LABELS, boxes } from './checkboxes';
import type { Cell, TableRow } from './model';
import { date, obj, periodLines, show, str } from './read';

/** The words the form prints for 정부지원과제 진행현황 and 주요 실적 구분 (the page estimate lays them out too). */
export const STATUS_LABELS: Readonly<Record<string, string>> = { completed: '완료', ongoing: '수행중', applied: '신청중' };
export const ACHIEVEMENT_LABELS: Readonly<Record<string, string>> = {
  rnd: '국가·민간 R&D 과제',
  paper: '논문',
  patent: '특허',
  techTransfer: '기술이전',
  openSource: '오픈소스 공개이력',
  gpu: 'GPU 활용 연구성과',
  award: '수상',
  other: '기타',
};

function leadResearcherTable(b: Builder, plan: Plan): void {
  const lead = obj(obj(plan.institution).leadResearcher);
  const education = asArray(lead.education).map(obj);
  const career = asArray(lead.career).map(obj);
  const projects = asArray(lead.governmentProjects).map(obj);
  const rows: TableRow[] = [
    row(label('성명', { rowspan: 2 }), label('국문'), cell(show(lead.nameKo), { colspan: 2 }), label('생년월일'), cell(date(lead.birthDate))),
    row(label('영문'), cell(show(lead.nameEn), { colspan: 4 })),
    row(label('소속'), cell(show(lead.affiliation), { colspan: 3 }), label('직위'), cell(show(lead.position))),
  ];
  const group = (title: string, header: Cell[], body: TableRow[], span: number): void => {
    const content = body.length > 0 ? body : [emptyRow(span)];
    rows.push({ cells: [label(title, { rowspan: content.length + 1 }), ...header] }, ...content);
  };
  // The form's columns: 졸업년도 | 전공 | 학위. The school is written under the major, not in a column of its own.
  group(
    '학력',
    [label('졸업년도'), label('전공', { colspan: 3 }), label('학위')],
    education.map((e) =>
      row(
        cell(asNumber(e.year) !== undefined ? String(e.year) : show(e.year), { align: 'center' }),
        cell(
          [show(e.major), ...(str(e.school) ? [small(`(${str(e.school) as string})`)] : [])].filter((part) => part !== ''),
          { colspan: 3 },
        ),
        cell(show(e.degree), { align: 'center' }),
      ),
    ),
    5,
  );
  group(
    '해당분야 경력',
    [label('수행기간'), label('기관명'), label('직위'), label('주요 업무', { colspan: 2 })],
    career.map((c) =>
      row(cell(periodLines(c.period), { align: 'center' }), cell(show(c.organization)), cell(show(c.position)), cell(show(c.duties), { colspan: 2 })),
    ),
    5,
  );
  group(
    '정부지원과제 수행실적',
    [label(['사업명', '(시행부처/기관)']), label('과제명'), label('수행기간'), label(['총 과제비', '(천원)']), label('진행현황')],
    projects.map((p) =>
      row(
        cell([show(p.program), ...(str(p.ministry) ? [`(${str(p.ministry)})`] : [])]),
        cell(show(p.title)),
        cell(periodLines(p.period), { align: 'center' }),
        cell(show(p.totalBudgetThousandWon), { align: 'right' }),
        cell(typeof p.status === 'string' ? (STATUS_LABELS[p.status] ?? show(p.status)) : '', { align: 'center' }),
      ),
    ),
    5,
  );
  b.table('lead-researcher', [13, 20, 22, 15, 14, 16], rows);
}

export function institutionChapter(b: Builder, plan: Plan): void {
  const applicant = obj(plan.applicant);
  const representative = obj(applicant.representative);
  const employees = obj(applicant.employees);
  const institution = obj(plan.institution);
  const type = asString(applicant.type);
  b.chapterHeading();
  b.sectionHeading('신청기관 현황');
  const name = show(representative.name);
  const nationality = show(representative.nationality);
  b.table(
    'institution',
    [24, 12, 64],
    [
      headerRow(label('구분', { colspan: 2 }), label('내용')),
      row(label('사업자등록번호(고유번호)', { colspan: 2 }), cell(show(applicant.registrationNumber))),
      row(label('대표자성명(국적)', { colspan: 2 }), cell(name || nationality ? `${name}${nationality ? `(${nationality})` : ''}` : '')),
      row(label('대표자생년월일', { colspan: 2 }), cell(date(representative.birthDate))),
      row(label('유형', { colspan: 2 }), cell(boxes(TYPE_LABELS.map(([key, text]) => [type === key, text] as const)))),
      row(label('개업연월일', { colspan: 2 }), cell(date(applicant.openingDate))),
      row(label('주생산품목', { colspan: 2 }), cell(show(applicant.mainProducts))),
      row(label('주소', { colspan: 2 }), cell(show(applicant.address))),
      row(label('종업원수 (명)', { rowspan: 3 }), label('정규직'), cell(show(employees.regular))),
      row(label('비정규직'), cell(show(employees.nonRegular))),
      row(label('합계'), cell(show(employees.total))),
      row(label('2024년 매출액(천원)', { colspan: 2 }), cell(show(applicant.revenue2024ThousandWon))),
    ],
  );

  b.sectionHeading('참여 인력 현황');
  b.mark(4, '총괄책임자');
  leadResearcherTable(b, plan);
  const staffing = obj(institution.staffing);
  const headcount = asNumber(staffing.headcount);
  const personMonths = asNumber(staffing.personMonths);
  // m/y as written, or m/m ÷ 12 (what staffing-mismatch checks it against) when the plan leaves it out.
  const personYears = asNumber(staffing.personYears) ?? (personMonths !== undefined ? Math.round((personMonths / 12) * 100) / 100 : undefined);
  const effort = (value: number | undefined, unit: string): string => (value !== undefined ? `${groupThousands(value)} ${unit}` : ` ${unit}`);
  b.mark(4, `투입인력 : 총 ${headcount !== undefined ? groupThousands(headcount) : '  '}명 (${effort(personYears, 'm/y')}, ${effort(personMonths, 'm/m')})`);

  b.sectionHeading('주요 실적');
  b.mark(3, '주요 실적');
  const achievements = asArray(institution.achievements).map(obj);
  b.table(
    'achievements',
    [16, 30, 11, 43],
    [
      headerRow(label('구분'), label('실적명'), label('일자'), label('내용')),
      ...(achievements.length === 0
        ? [emptyRow(4)]
        : achievements.map((a) =>
            row(
              cell(typeof a.category === 'string' ? (ACHIEVEMENT_LABELS[a.category] ?? show(a.category)) : '', { align: 'center' }),
              cell(show(a.title)),
              cell(date(a.date), { align: 'center' }),
              cell([show(a.description), ...(str(a.url) ? [str(a.url) as string] : [])].filter(Boolean)),
            ),
          )),
    ],
  );

  b.sectionHeading('제안기관의 미래 성장가능성');
  b.text(institution.vision);
}
