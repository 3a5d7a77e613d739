/**
 * The 요약서 and chapters I–VI of a plan as the export lays them out, as flows of headings, text
 * and tables (flow.ts): the same parts, headings, texts, tables, columns and cells as
 * render/plan-to-document.ts writes, without building the document (this runs as the user types).
 * A test holds the two to the same headings and tables.
 *
 * The cover, the 표지, the 목차 and 붙임 0 are not here: the form does not count them.
 */
import type { CostModel } from '../cost/cost';
import { costTable, type CostTable } from '../cost/table';
import { groupThousands } from '../format';
import { isObject } from '../plan/read';
import type { Plan } from '../plan/types';
import { Flow, type Measure } from './flow';
import { ACHIEVEMENT_LABELS, STATUS_LABELS } from '../render/chapter-6-institution';

/** The chapters as plan keys, in the form's order (I–VI). */
export const CHAPTER_KEYS = ['overview', 'mainContent', 'gpuPlan', 'dissemination', 'schedule', 'institution'] as const;
export type ChapterKey = (typeof CHAPTER_KEYS)[number];

const NOT_APPLICABLE = '해당 없음';

type Obj = Record<string, unknown>;
const EMPTY: Obj = {};
const EMPTY_LIST: readonly unknown[] = [];
const obj = (value: unknown): Obj => (isObject(value) ? value : EMPTY);
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : EMPTY_LIST);
const blank = (text: string): boolean => text.trim().length === 0;
/** A scalar as a cell shows it: strings as they are, numbers grouped, anything else blank. */
const show = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? groupThousands(value) : '');

/** `2026-03-01` → `2026.03.01.`, `2026-03` → `2026.03.` (what the export prints; only its length matters here). */
function date(value: unknown): string {
  if (typeof value !== 'string' || blank(value)) return '';
  const v = value.trim();
  return /^\d{4}-\d{2}(-\d{2})?$/.test(v) ? `${v.replace(/-/g, '.')}.` : v;
}

/** `2026-03` → `'26.03` (GPU 투입시기, in the form's style). */
function shortMonth(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /^\d{2}(\d{2})-(\d{2})/.exec(value.trim());
  return match ? `'${match[1]}.${match[2]}` : value;
}

const periodFrom = (value: unknown): string => {
  const from = date(obj(value).start);
  return from || date(obj(value).end) ? `${from}~` : '';
};
const periodTo = (value: unknown): string => date(obj(value).end);

/** The 민간부담금 table's strings, once per cost model (they are localised and formatted). */
const COST_TABLES = new WeakMap<CostModel, CostTable>();
function costTableOf(cost: CostModel): CostTable {
  let table = COST_TABLES.get(cost);
  if (!table) COST_TABLES.set(cost, (table = costTable(cost, 'ko')));
  return table;
}

/** A row of label cells, one column each. */
function labelRow(flow: Flow, ...labels: Array<string | readonly string[]>): void {
  flow.beginRow();
  labels.forEach((label, column) => {
    flow.cell(column, 1, label, true);
  });
  flow.endRow();
}

/** A row saying "해당 없음" across `span` columns from `column`. */
function emptyRow(flow: Flow, span: number, column = 0): void {
  flow.beginRow();
  flow.cell(column, span, NOT_APPLICABLE);
  flow.endRow();
}

// ---------------------------------------------------------------------------------------------

function summary(flow: Flow, plan: Plan): void {
  const s = obj(plan.summary);
  flow.heading('part', '요 약 서');
  flow.beginTable([1], 0);
  const item = (title: string, content: () => void) => {
    flow.beginRow();
    flow.cell(0, 1, title, true);
    flow.endRow();
    flow.beginRow();
    content();
    flow.endRow();
  };
  item('1. 신청과제명', () => {
    flow.cell(0, 1, show(plan.projectTitle));
  });
  item('2. 신청기업(관)명', () => {
    flow.cell(0, 1, show(obj(plan.applicant).name));
  });
  item('3. 과제 개요', () => {
    flow.textCell(0, 1, s.overview);
  });
  item('4. 과제 주요 내용', () => {
    flow.textCell(0, 1, s.mainContent);
  });
  item('5. GPU 자원 활용 계획', () => {
    flow.textCell(0, 1, s.gpuPlan);
  });
  item('6. 활용 확산 추진 방안', () => {
    flow.textCell(0, 1, s.dissemination);
  });
  item('7. 기대효과', () => {
    flow.textCell(0, 1, s.expectedEffects);
  });
  flow.endTable();
}

function chapter1(flow: Flow, plan: Plan): void {
  const overview = obj(plan.overview);
  const goal = obj(overview.goal);
  flow.heading('chapter', 'I 과제 개요');
  flow.heading('section', '1. 과제 목표');
  flow.heading('mark', '□ 과제 내용');
  flow.text(goal.content);
  flow.heading('mark', '□ 연구·개발 분야(내용)의 차별성');
  flow.text(goal.differentiation);
  flow.heading('section', '2. 지원 필요성');
  flow.text(overview.necessity);
}

function chapter2(flow: Flow, plan: Plan): void {
  const main = obj(plan.mainContent);
  const execution = obj(main.execution);
  const goals = obj(main.goals);
  flow.heading('chapter', 'II 과제 주요 내용');
  flow.heading('section', '1. 과제 수행 계획');
  flow.heading('mark', '□ 과제 추진 현황');
  flow.text(execution.status);
  flow.heading('mark', '□ 본 과제 상세 수행내용');
  flow.text(execution.details);
  flow.heading('sub', '○ 과제 수행 시 활용하는 모델');
  const models = list(execution.baseModels);
  flow.beginTable([6, 24, 18, 18, 34], 1);
  labelRow(flow, '번호', '모델명', '버전', '라이선스', '활용 전략');
  if (models.length === 0) emptyRow(flow, 5);
  models.forEach((value, i) => {
    const m = obj(value);
    flow.beginRow();
    flow.cell(0, 1, String(i + 1));
    flow.cell(1, 1, show(m.name));
    flow.cell(2, 1, show(m.version));
    flow.cell(3, 1, show(m.license));
    flow.textCell(4, 1, m.strategy);
    flow.endRow();
  });
  flow.endTable();

  flow.heading('section', '2. 성과 목표 수립');
  flow.heading('mark', '□ 최종 성과 목표');
  flow.text(goals.final);
  flow.heading('sub', '○ 성과 지표 (As-is → To-be)');
  const indicators = list(goals.indicators);
  flow.beginTable([24, 8, 14, 14, 40], 1);
  labelRow(flow, '지표명', '단위', '현재(As-is)', '목표(To-be)', '측정 방법');
  if (indicators.length === 0) emptyRow(flow, 5);
  for (const value of indicators) {
    const m = obj(value);
    flow.beginRow();
    flow.cell(0, 1, show(m.name));
    flow.cell(1, 1, show(m.unit));
    flow.cell(2, 1, show(m.current));
    flow.cell(3, 1, show(m.target));
    flow.cell(4, 1, show(m.measurement));
    flow.endRow();
  }
  flow.endTable();
  flow.heading('mark', '□ 성과 지표 설정 근거 및 측정 방법');
  flow.text(goals.basis);
}

function chapter3(flow: Flow, plan: Plan, cost: CostModel): void {
  const gpuPlan = obj(plan.gpuPlan);
  flow.heading('chapter', 'III GPU 자원 활용 계획');
  flow.heading('section', '1. GPU 자원 활용 규모');
  flow.heading('mark', '□ GPU 활용(요청) 규모 적정성');
  flow.text(gpuPlan.scaleJustification);
  flow.heading('section', '2. GPU 자원 사용 계획');
  flow.heading('mark', '□ GPU 단계별 활용 계획');
  const stages = list(gpuPlan.stages);
  flow.beginTable([7, 17, 40, 12, 12, 12], 1);
  labelRow(flow, '단계', '추진기간', '주요 수행내용', 'GPU 투입시기', ['GPU 사용량', '(장/서버수)'], ['예상 활용률', '(%)']);
  if (stages.length === 0) emptyRow(flow, 6);
  stages.forEach((value, i) => {
    const s = obj(value);
    flow.beginRow();
    flow.cell(0, 1, String(i + 1));
    flow.cell(1, 1, [periodFrom(s.period), periodTo(s.period)]);
    flow.textCell(2, 1, s.tasks);
    flow.cell(3, 1, shortMonth(s.gpuStart));
    flow.cell(4, 1, [
      typeof s.gpus === 'number' ? `${groupThousands(s.gpus)}장` : '',
      typeof s.servers === 'number' ? `(${groupThousands(s.servers)}서버)` : '',
    ]);
    flow.cell(5, 1, typeof s.expectedUtilizationPercent === 'number' ? `${s.expectedUtilizationPercent}%` : '');
    flow.endRow();
  });
  flow.endTable();
  chapter3Cost(flow, cost);
}

/** The end of chapter III, all that reads the cost model: the allocated GPUs and the 민간부담금 table. */
function chapter3Cost(flow: Flow, cost: CostModel): void {
  const table = costTableOf(cost);
  if (table.gpuLine) flow.note(`※ 배정 GPU 자원: ${table.gpuLine}`);

  flow.heading('section', '3. 민간부담금 산출내역');
  flow.heading('mark', '□ 민간 부담금 계산');
  flow.beginTable([11, 11, 22, 11, 26, 19], 1);
  labelRow(flow, ...table.headers);
  flow.beginRow();
  table.headers.forEach((_, column) => {
    flow.cell(column, 1, table.row?.[column] ?? '');
  });
  flow.endRow();
  flow.endTable();
  flow.note(table.row ? `※ 실제 부담액: ${table.applicable ?? '—'} (${table.policy})` : `※ ${table.summary}`);
}

function chapter4(flow: Flow, plan: Plan): void {
  const dissemination = obj(plan.dissemination);
  const ecosystem = obj(dissemination.ecosystem);
  flow.heading('chapter', 'IV 활용 확산 추진 방안');
  flow.heading('section', '1. 활용 세부 계획');
  flow.text(dissemination.utilization);
  flow.heading('section', '2. 서비스 확산 계획');
  flow.text(dissemination.service);
  flow.heading('section', '3. AI 생태계 기여 계획');
  flow.heading('mark', '□ 과제를 통해 창출되는 인력양성 효과');
  flow.text(ecosystem.talent);
  flow.heading('mark', '□ 과제를 통해 창출되는 기술·사업화 가능성(해당 시)');
  flow.text(ecosystem.commercialization, true);
  flow.heading('mark', '□ 과제지원을 통한 경제·기술적 성과');
  flow.text(ecosystem.outcomes);
  flow.heading('mark', '□ 오픈소스 등 공개 계획 (해당 시)');
  flow.text(ecosystem.openSource, true);
  flow.heading('mark', '□ 연구 성과물 등 공개 계획 (해당 시)');
  flow.text(ecosystem.publications, true);
}

function chapter5(flow: Flow, plan: Plan): void {
  const schedule = obj(plan.schedule);
  const period = obj(schedule.period);
  flow.heading('chapter', 'V 추진 계획 및 기대효과');
  flow.heading('section', '1. 추진 일정');
  flow.heading('mark', `□ 수행기간 : ${date(period.start)}~${date(period.end)}(00개월)`);
  flow.heading('sub', '○ 마일스톤');
  const milestones = list(schedule.milestones);
  flow.beginTable([6, 34, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 2, true);
  flow.beginRow();
  flow.cell(0, 1, '구분', true);
  flow.cell(1, 1, '수행내용', true);
  flow.cell(2, 12, "수행일정('26~'27년)", true);
  flow.endRow();
  flow.beginRow();
  for (let m = 0; m < 12; m++) flow.cell(2 + m, 1, String(m + 1), true);
  flow.endRow();
  if (milestones.length === 0) emptyRow(flow, 14);
  milestones.forEach((value, i) => {
    flow.beginRow();
    flow.cell(0, 1, String(i + 1));
    flow.cell(1, 1, show(obj(value).task));
    flow.endRow();
  });
  flow.endTable();

  flow.heading('section', '2. 추진체계');
  flow.heading('mark', '□ 추진체계 및 역할');
  flow.text(schedule.structure);
  flow.heading('section', '3. 주요 산출물');
  const deliverables = list(schedule.deliverables);
  flow.beginTable([7, 38, 13, 42], 1);
  labelRow(flow, '번호', '산출물명', '산출 시기', '내역');
  if (deliverables.length === 0) emptyRow(flow, 4);
  deliverables.forEach((value, i) => {
    const d = obj(value);
    flow.beginRow();
    flow.cell(0, 1, String(i + 1));
    flow.cell(1, 1, show(d.name));
    flow.cell(2, 1, date(d.due));
    flow.cell(3, 1, show(d.description));
    flow.endRow();
  });
  flow.endTable();
  flow.heading('section', '4. 기대 효과');
  flow.text(schedule.effects);
}

/** 총괄책임자: 성명·소속, then the groups 학력, 해당분야 경력 and 정부지원과제 수행실적, each labelled across its rows. */
function leadResearcherTable(flow: Flow, plan: Plan): void {
  const lead = obj(obj(plan.institution).leadResearcher);
  flow.beginTable([13, 20, 22, 15, 14, 16], 0);
  flow.beginRow(2);
  flow.cell(0, 1, '성명', true);
  flow.cell(1, 1, '국문', true);
  flow.cell(2, 2, show(lead.nameKo));
  flow.cell(4, 1, '생년월일', true);
  flow.cell(5, 1, date(lead.birthDate));
  flow.endRow();
  flow.beginRow();
  flow.cell(1, 1, '영문', true);
  flow.cell(2, 4, show(lead.nameEn));
  flow.endRow();
  flow.beginRow();
  flow.cell(0, 1, '소속', true);
  flow.cell(1, 3, show(lead.affiliation));
  flow.cell(4, 1, '직위', true);
  flow.cell(5, 1, show(lead.position));
  flow.endRow();
  const group = (title: string, header: () => void, rows: readonly unknown[], row: (value: Obj) => void): void => {
    flow.beginRow(Math.max(rows.length, 1) + 1);
    flow.cell(0, 1, title, true);
    header();
    flow.endRow();
    if (rows.length === 0) emptyRow(flow, 5, 1);
    for (const value of rows) {
      flow.beginRow();
      row(obj(value));
      flow.endRow();
    }
  };
  group(
    '학력',
    () => {
      // The form's columns: the school is written under the major, not in a column of its own.
      flow.cell(1, 1, '졸업년도', true);
      flow.cell(2, 3, '전공', true);
      flow.cell(5, 1, '학위', true);
    },
    list(lead.education),
    (e) => {
      flow.cell(1, 1, typeof e.year === 'number' ? String(e.year) : show(e.year));
      const school = show(e.school).trim();
      flow.cell(
        2,
        3,
        [show(e.major), school ? `(${school})` : ''].filter((part) => part !== ''),
      );
      flow.cell(5, 1, show(e.degree));
    },
  );
  group(
    '해당분야 경력',
    () => {
      flow.cell(1, 1, '수행기간', true);
      flow.cell(2, 1, '기관명', true);
      flow.cell(3, 1, '직위', true);
      flow.cell(4, 2, '주요 업무', true);
    },
    list(lead.career),
    (c) => {
      flow.cell(1, 1, [periodFrom(c.period), periodTo(c.period)]);
      flow.cell(2, 1, show(c.organization));
      flow.cell(3, 1, show(c.position));
      flow.cell(4, 2, show(c.duties));
    },
  );
  group(
    '정부지원과제 수행실적',
    () => {
      flow.cell(1, 1, ['사업명', '(시행부처/기관)'], true);
      flow.cell(2, 1, '과제명', true);
      flow.cell(3, 1, '수행기간', true);
      flow.cell(4, 1, ['총 과제비', '(천원)'], true);
      flow.cell(5, 1, '진행현황', true);
    },
    list(lead.governmentProjects),
    (p) => {
      flow.cell(1, 1, typeof p.ministry === 'string' && !blank(p.ministry) ? [show(p.program), `(${p.ministry})`] : show(p.program));
      flow.cell(2, 1, show(p.title));
      flow.cell(3, 1, [periodFrom(p.period), periodTo(p.period)]);
      flow.cell(4, 1, show(p.totalBudgetThousandWon));
      flow.cell(5, 1, typeof p.status === 'string' ? (STATUS_LABELS[p.status] ?? p.status) : '');
    },
  );
  flow.endTable();
}

function chapter6(flow: Flow, plan: Plan): void {
  const applicant = obj(plan.applicant);
  const representative = obj(applicant.representative);
  const institution = obj(plan.institution);
  const staffing = obj(institution.staffing);
  flow.heading('chapter', 'VI 기관현황');
  flow.heading('section', '1. 신청기관 현황');
  flow.beginTable([24, 12, 64], 1);
  const wide = (title: string, value: string) => {
    flow.beginRow();
    flow.cell(0, 2, title, true);
    flow.cell(2, 1, value);
    flow.endRow();
  };
  wide('구분', '내용');
  wide('사업자등록번호(고유번호)', show(applicant.registrationNumber));
  wide('대표자성명(국적)', `${show(representative.name)}(${show(representative.nationality)})`);
  wide('대표자생년월일', date(representative.birthDate));
  wide('유형', '□ 산  □ 학  □ 연');
  wide('개업연월일', date(applicant.openingDate));
  wide('주생산품목', show(applicant.mainProducts));
  wide('주소', show(applicant.address));
  const employees = obj(applicant.employees);
  (['정규직', '비정규직', '합계'] as const).forEach((label, i) => {
    flow.beginRow(i === 0 ? 3 : 1);
    if (i === 0) flow.cell(0, 1, '종업원수 (명)', true);
    flow.cell(1, 1, label, true);
    flow.cell(2, 1, show([employees.regular, employees.nonRegular, employees.total][i]));
    flow.endRow();
  });
  wide('2024년 매출액(천원)', show(applicant.revenue2024ThousandWon));
  flow.endTable();

  flow.heading('section', '2. 참여 인력 현황');
  flow.heading('sub', '○ 총괄책임자');
  leadResearcherTable(flow, plan);
  flow.heading('sub', `○ 투입인력 : 총 ${show(staffing.headcount)}명 (${show(staffing.personYears)} m/y, ${show(staffing.personMonths)} m/m)`);

  flow.heading('section', '3. 주요 실적');
  flow.heading('mark', '□ 주요 실적');
  const achievements = list(institution.achievements);
  flow.beginTable([16, 30, 11, 43], 1);
  labelRow(flow, '구분', '실적명', '일자', '내용');
  if (achievements.length === 0) emptyRow(flow, 4);
  for (const value of achievements) {
    const a = obj(value);
    flow.beginRow();
    flow.cell(0, 1, typeof a.category === 'string' ? (ACHIEVEMENT_LABELS[a.category] ?? a.category) : '');
    flow.cell(1, 1, show(a.title));
    flow.cell(2, 1, date(a.date));
    const description = show(a.description);
    const url = typeof a.url === 'string' && !blank(a.url) ? a.url : '';
    flow.cell(3, 1, description && url ? [description, url] : description || url);
    flow.endRow();
  }
  flow.endTable();

  flow.heading('section', '4. 제안기관의 미래 성장가능성');
  flow.text(institution.vision);
}

/** A part of the layout that starts a page of its own: the 요약서 or a chapter. */
export interface LayoutPart {
  readonly key: 'summary' | ChapterKey;
  /**
   * The places of the plan it reads (paths from the top), and whether it reads the cost model:
   * after an edit of nothing it reads, its pages are the same (incremental analysis). Keep this
   * to what the part's function below reads.
   */
  readonly reads: ReadonlyArray<readonly string[]>;
  readonly readsCost: boolean;
  readonly build: (flow: Flow, plan: Plan, cost: CostModel) => void;
  /**
   * For a part that reads the cost model: what `build` writes last from it alone (no heading
   * before it in the part keeps with it). Its pieces the same, the part is the same.
   */
  readonly costTail?: (flow: Flow, cost: CostModel) => void;
}

/** The 요약서, then chapters I–VI. */
export const LAYOUT_PARTS: readonly LayoutPart[] = [
  { key: 'summary', reads: [['summary'], ['projectTitle'], ['applicant', 'name']], readsCost: false, build: summary },
  { key: 'overview', reads: [['overview']], readsCost: false, build: chapter1 },
  { key: 'mainContent', reads: [['mainContent']], readsCost: false, build: chapter2 },
  { key: 'gpuPlan', reads: [['gpuPlan']], readsCost: true, build: chapter3, costTail: chapter3Cost },
  { key: 'dissemination', reads: [['dissemination']], readsCost: false, build: chapter4 },
  { key: 'schedule', reads: [['schedule']], readsCost: false, build: chapter5 },
  { key: 'institution', reads: [['applicant'], ['institution']], readsCost: false, build: chapter6 },
];

/** The pieces of a part's cost tail alone (see `LayoutPart.costTail`), to compare with another cost model's. */
export function costTailFlow(part: LayoutPart, cost: CostModel, measure: Measure): Flow | undefined {
  if (!part.costTail) return undefined;
  const flow = new Flow(measure);
  part.costTail(flow, cost);
  return flow;
}

/** The flow of one part. */
export function partFlow(part: LayoutPart, plan: Plan, cost: CostModel, measure: Measure): Flow {
  const flow = new Flow(measure);
  part.build(flow, plan, cost);
  return flow;
}

const CHAPTER_PARTS = LAYOUT_PARTS.slice(1);

export function summaryFlow(plan: Plan, measure: Measure): Flow {
  const flow = new Flow(measure);
  summary(flow, plan);
  return flow;
}

/** Chapters I–VI, each a flow of its own (each starts a page). */
export function chapterFlows(plan: Plan, cost: CostModel, measure: Measure): Flow[] {
  return CHAPTER_PARTS.map((part) => partFlow(part, plan, cost, measure));
}
