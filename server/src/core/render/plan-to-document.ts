/**
 * Plan → document model, in the layout of the official form (「첨단 GPU 활용 지원 사업」
 * 사업수행계획서, 2025. 12.): title page, 표지 table with the pledge, 목차, 요약서, chapters I–VI
 * with the form's numbering and headings, 붙임 0, and — when the plan still has findings — a list of
 * them at the end, so that nothing is dropped silently.
 *
 * The form's writing guides (★ lines, 작성요령 boxes, placeholders such as "YYYYMMDD") are left
 * out, as the form demands. A section left empty is written "해당 없음", as the form asks.
 * Amounts, GPU figures and the 민간부담금 row come from the core (`computeCost`, `costTable`);
 * nothing here prices anything.
 *
 * The renderer reads a plan that may be incomplete or wrongly typed (a plan with errors still
 * exports): every value is checked before it is used.
 */
import type { CostModel } from '../cost/cost';
import { costTable } from '../cost/table';
import { formatKoreanDate, monthSpan, parseDate, parseMonth, formatMonthIndex } from '../dates';
import { LineIndex } from '../json/line-index';
import { type ParsedDocument } from '../json/parse';
import type { Finding } from '../findings';
import { FORM_VERSION, GPUS_PER_SERVER } from '../figures';
import type { Plan } from '../plan/types';
import { asArray, asObject } from '../plan/read';
import { groupThousands } from '../format';
import { MARK, type Block, type Cell, type DocumentMeta, type HeadingBlock, type Inline, type OpenFinding, type PlanDocument, type TableBlock, type TableId, type TableRow, type TocEntry } from './model';
import { NOT_APPLICABLE, cell, clean, label, paragraph, textBlocks, textCell } from './bullets';

export interface RenderInput {
  readonly plan: Plan;
  readonly cost: CostModel;
  /** Findings still open; listed at the end of the document. Render them in Korean (`locale: 'ko'`). */
  readonly findings?: readonly Finding[];
  /** The parsed text, to give the findings' line numbers. */
  readonly document?: Pick<ParsedDocument, 'text'>;
}

export const FORM_NAME = '「첨단 GPU 활용 지원 사업」 사업수행계획서';

/** The form's pledge (표지 하단), word for word. */
export const PLEDGE_TEXT =
  '관련 유의사항을 모두 준수하며, 본 사업수행계획서에서 제시한 연구계획을 지켜 성실하게 수행할 것을 약속합니다. 아울러 이 사업수행계획서에 기재된 내용이 사실임을 확인하며, 만약 사실이 아닌 경우 연구개발과제 선정 취소 등의 불이익도 감수하겠습니다.';

export const ADDRESSEE = '정보통신산업진흥원 귀하';

/** Chapter titles of the form, in order (I–VI). */
export const CHAPTERS = ['과제 개요', '과제 주요 내용', 'GPU 자원 활용 계획', '활용 확산 추진 방안', '추진 계획 및 기대효과', '기관현황'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

// ---------------------------------------------------------------------------------------------
// Reading an unchecked plan

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => asObject(value) ?? {};
const list = asArray;
const str = (value: unknown): string | undefined => (typeof value === 'string' && clean(value).trim().length > 0 ? clean(value).replace(/\s*[\r\n]+\s*/g, ' ').trim() : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
/** A scalar for a table cell: strings as they are, numbers grouped, anything else blank. */
const show = (value: unknown): string => (typeof value === 'string' ? (str(value) ?? '') : typeof value === 'number' && Number.isFinite(value) ? groupThousands(value) : '');
const date = (value: unknown): string => (str(value) ? formatKoreanDate(str(value) as string) : '');
const period = (value: unknown): string => {
  const { start, end } = obj(value);
  const [from, to] = [date(start), date(end)];
  return from || to ? `${from}~${to}` : '';
};
/** A period on two lines (`2026.03.~` / `2026.08.`), for narrow table columns. */
const periodLines = (value: unknown): string[] => {
  const { start, end } = obj(value);
  const [from, to] = [date(start), date(end)];
  return from || to ? [`${from}~`, to] : [];
};
const percent = (value: unknown): string => (num(value) !== undefined ? `${num(value)}%` : '');
/** A checkbox of the form; the no-break space keeps the box with its label. */
const box = (checked: boolean, text: string): string => `${checked ? '■' : '□'}\u00a0${text}`;
const boxes = (items: ReadonlyArray<readonly [boolean, string]>): string => items.map(([checked, text]) => box(checked, text)).join('\u00a0 ');

/** `2026-01-20` → `2026년 1월 20일`, the form's pledge date. */
function longDate(value: unknown): string {
  const parsed = parseDate(value);
  return parsed ? `${parsed.year}년 ${parsed.month}월 ${parsed.day}일` : '년    월    일';
}

/** Months of a date period, as the form writes it after 수행기간: 6, or 6.5 when not whole. */
function periodMonths(value: unknown): string {
  const { start, end } = obj(value);
  const [from, to] = [parseDate(start), parseDate(end)];
  if (!from || !to) return '';
  const span = monthSpan(from, to);
  if (!(span > 0)) return '';
  const rounded = Math.round(span * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Building blocks

class Builder {
  readonly blocks: Block[] = [];
  readonly toc: TocEntry[] = [];
  private chapter = 0;
  private section = 0;
  private sub = 0;
  private ids = new Set<string>();

  push(...blocks: Block[]): void {
    this.blocks.push(...blocks);
  }

  pageBreak(): void {
    if (this.blocks.length > 0 && this.blocks[this.blocks.length - 1].kind !== 'pageBreak') this.blocks.push({ kind: 'pageBreak' });
  }

  private unique(id: string): string {
    let candidate = id;
    for (let i = 2; this.ids.has(candidate); i++) candidate = `${id}-${i}`;
    this.ids.add(candidate);
    return candidate;
  }

  /** A part that is headed but not in the form's 목차 (요약서, 붙임, findings). */
  part(title: string, id: string): void {
    this.push({ kind: 'heading', level: 1, title, text: title, toc: false, id: this.unique(id) });
  }

  chapterHeading(): void {
    this.chapter++;
    this.section = 0;
    const number = ROMAN[this.chapter - 1];
    const title = CHAPTERS[this.chapter - 1];
    const heading: HeadingBlock = { kind: 'heading', level: 1, number, title, text: `${number} ${title}`, toc: true, id: this.unique(`ch-${this.chapter}`) };
    this.push(heading);
    this.toc.push({ level: 1, text: `${number}. ${title}`, id: heading.id });
  }

  sectionHeading(title: string): void {
    this.section++;
    this.sub = 0;
    const number = `${this.section}.`;
    const heading: HeadingBlock = { kind: 'heading', level: 2, number, title, text: `${number} ${title}`, toc: true, id: this.unique(`ch-${this.chapter}-${this.section}`) };
    this.push(heading);
    this.toc.push({ level: 2, text: heading.text, id: heading.id });
  }

  /** `□ title` (level 3) or `○ title` (level 4). */
  mark(level: 3 | 4, title: string): void {
    this.sub++;
    const number = level === 3 ? '□' : '○';
    this.push({ kind: 'heading', level, number, title, text: `${number} ${title}`, toc: false, id: this.unique(`ch-${this.chapter}-${this.section}-${this.sub}`) });
  }

  text(value: unknown): void {
    this.push(...textBlocks(value));
  }

  table(id: TableId, columns: readonly number[], rows: readonly TableRow[], extra: Partial<Pick<TableBlock, 'dense' | 'variant'>> = {}): void {
    this.push({ kind: 'table', id, columns, rows, variant: extra.variant ?? 'form', ...(extra.dense ? { dense: true } : {}) });
  }

  note(text: string): void {
    this.push(paragraph(`※ ${text}`, 'note'));
  }

  notApplicable(): void {
    this.push(paragraph(NOT_APPLICABLE, 'notApplicable'));
  }
}

const row = (...cells: Cell[]): TableRow => ({ cells });
const headerRow = (...cells: Cell[]): TableRow => ({ cells, repeat: true });
const small = (text: string): Inline => ({ text, small: true });
/** A row saying "해당 없음" across a table. */
const emptyRow = (span: number): TableRow => row(cell(NOT_APPLICABLE, { colspan: span, align: 'center' }));

// ---------------------------------------------------------------------------------------------
// Title page and 표지

const FIELD_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['language', '언어모델'],
  ['speech', '음성/오디오'],
  ['vision', '영상/이미지'],
  ['multimodal', '멀티모달'],
  ['industrial', '산업응용'],
];
const STAGE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['basicResearch', '기초연구'],
  ['modelTraining', '모델개발(학습)'],
  ['inference', '응용개발(추론)'],
  ['dataBuilding', '데이터구축'],
];
const TARGET_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['modelWeights', '모델 가중치(파라미터) 공개'],
  ['code', '코드 공개(학습/추론)'],
  ['trainingData', '학습데이터 공개'],
];
const OPEN_PLATFORM_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['huggingface', 'HuggingFace'],
  ['github', 'Github'],
  ['papersWithCode', 'Papers with Code'],
];
const LICENSE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['MIT', 'MIT License'],
  ['Apache-2.0', 'Apache License 2.0'],
  ['BSD-3-Clause', 'BSD-3'],
  ['CC-BY', 'CC-BY'],
  ['CC0', 'CC0'],
];
const PUBLICATION_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['KCI', 'KCI 등재/등재후보'],
  ['ScienceON', 'ScienceON'],
  ['NTIS', 'NTIS'],
  ['DBpia', 'DBpia'],
  ['KISS', 'KISS'],
  ['KoreaScience', 'KoreaScience'],
];
const TYPE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['industry', '산'],
  ['academia', '학'],
  ['research', '연'],
];
const STATUS_LABELS: Readonly<Record<string, string>> = { completed: '완료', ongoing: '수행중', applied: '신청중' };
const ACHIEVEMENT_LABELS: Readonly<Record<string, string>> = {
  rnd: '국가·민간 R&D 과제',
  paper: '논문',
  patent: '특허',
  techTransfer: '기술이전',
  openSource: '오픈소스 공개이력',
  gpu: 'GPU 활용 연구성과',
  award: '수상',
  other: '기타',
};
const SEVERITY_LABELS: Readonly<Record<OpenFinding['severity'], string>> = { error: '오류', warning: '경고', information: '정보', hint: '참고' };

/** Checkboxes for a multiple choice, with the form's "기타( … )" at the end when it has one. */
function choices(selected: unknown, options: ReadonlyArray<readonly [string, string]>, other?: { key: string; label: string; text: unknown }): string {
  const chosen = new Set(list(selected).filter((v): v is string => typeof v === 'string'));
  const items: Array<readonly [boolean, string]> = options.map(([key, text]) => [chosen.has(key), text] as const);
  if (other) items.push([chosen.has(other.key), `${other.label}( ${str(other.text) ?? ''} )`]);
  return boxes(items);
}

function titlePage(b: Builder, plan: Plan): void {
  const applicant = obj(plan.applicant);
  const pledge = obj(plan.pledge);
  const when = parseDate(pledge.date);
  b.push(
    paragraph('「첨단 GPU 활용 지원 사업」', 'coverSubtitle', 'center'),
    paragraph('사업수행계획서', 'coverTitle', 'center'),
    paragraph('[산 · 학 · 연 신청용]', 'coverSubtitle', 'center'),
  );
  const title = str(plan.projectTitle);
  if (title) b.push(paragraph({ text: title, bold: true }, 'coverLine', 'center'));
  const organization = str(applicant.name);
  if (organization) b.push(paragraph(organization, 'coverLine', 'center'));
  if (when) b.push(paragraph(`${when.year}. ${when.month}.`, 'coverLine', 'center'));
}

function contactRows(person: unknown, role: string): TableRow[] {
  const p = obj(person);
  return [
    row(label(role, { rowspan: 4 }), label('소속'), cell(show(p.affiliation)), label('직위'), cell(show(p.position))),
    row(label('성명'), cell(show(p.name)), label('생년월일'), cell(date(p.birthDate))),
    row(label('직통전화'), cell(show(p.phone)), label('휴대전화'), cell(show(p.mobile))),
    row(label('E-mail'), cell(show(p.email)), label('국가연구자번호'), cell(show(p.researcherNumber))),
  ];
}

function coverTable(b: Builder, plan: Plan, cost: CostModel): void {
  const applicant = obj(plan.applicant);
  const contacts = obj(plan.contacts);
  const gpu = obj(plan.gpu);
  const info = obj(plan.projectInfo);
  const targets = obj(plan.targets);
  const openSource = obj(obj(plan.disclosure).openSource);
  const publications = obj(obj(plan.disclosure).publications);
  const pledge = obj(plan.pledge);

  const type = typeof applicant.type === 'string' ? applicant.type : undefined;
  const youth = applicant.youthCompany;
  const stageChoice = typeof info.stage === 'string' ? info.stage : undefined;
  const servers = num(gpu.servers);
  const months = num(gpu.months);
  const optional = (value: unknown, unit: string): string => (num(value) !== undefined ? `${groupThousands(num(value) as number)}${unit}` : NOT_APPLICABLE);
  const targetList = list(openSource.targets);
  const partial = targetList.includes('partial');

  const rows: TableRow[] = [
    row(cell({ text: '사업수행계획서 (Open Track, 산·학·연)', bold: true }, { colspan: 6, align: 'center', header: true })),
    row(label('신청과제명', { colspan: 2 }), cell(show(plan.projectTitle), { colspan: 2 }), label('과제번호'), cell('')),
    row(label('신청기업(관)', { rowspan: 4 }), label('기업(관)명'), cell(show(applicant.name), { colspan: 2 }), label('홈페이지주소'), cell(show(applicant.homepage))),
    row(label('주소'), cell(show(applicant.address), { colspan: 4 })),
    row(
      label(['사업자등록번호', small('(고유번호)')]),
      cell(show(applicant.registrationNumber), { colspan: 2 }),
      label('유형'),
      cell(boxes(TYPE_LABELS.map(([key, text]) => [type === key, text] as const))),
    ),
    row(
      label('청년기업 여부'),
      cell(
        [
          boxes([
            [youth === true, '해당'],
            [youth === false, '미해당'],
          ]),
          small('* 사용자 모집 공고일 기준 법인기업의 대표가 만39세 이하(1985.12.22. 이후 출생) 출생자인 경우'),
        ],
        { colspan: 4 },
      ),
    ),
  ];
  const lead = contactRows(contacts.lead, '총괄책임자');
  const manager = contactRows(contacts.manager, '실무책임자');
  rows.push({ cells: [label('담당', { rowspan: 8 }), ...lead[0].cells] }, ...lead.slice(1), ...manager);
  rows.push(
    row(label('GPU 수요', { rowspan: 2 }), label('GPU 기종'), label(['서버 수', small('* 1서버=8GPU')], { colspan: 2 }), label(['활용 신청 기간(개월)', small('* 최소 3개월~최대 12개월까지 신청가능')], { colspan: 2 })),
    row(
      cell(show(gpu.type), { align: 'center' }),
      cell(servers !== undefined ? `${servers}서버 (GPU ${cost.gpus ?? servers * GPUS_PER_SERVER.value}장)` : '', { colspan: 2, align: 'center' }),
      cell(months !== undefined ? `이용개시일로부터 ${months}개월` : '', { colspan: 2, align: 'center' }),
    ),
    row(
      label('과제정보', { rowspan: 2 }),
      label(['연구/개발분야', '(중복 가능)']),
      cell(choices(info.fields, FIELD_LABELS, { key: 'other', label: '기타', text: info.fieldOther }), { colspan: 4 }),
    ),
    row(
      label('현 연구/개발단계'),
      cell(
        [
          boxes(STAGE_LABELS.map(([key, text]) => [stageChoice === key, text] as const)),
          `* 진척율 ( 현 연구/개발단계의 진척율 : ${percent(info.stageProgressPercent) || '  '} )`,
        ],
        { colspan: 4 },
      ),
    ),
    row(label('과제 목표 성과', { rowspan: 2 }), label('GPU 사용률 (필수)'), label('과제 진도율 (필수)'), label('경제적 성과(선택)'), label('기술성과(선택)', { colspan: 2 })),
    row(
      cell(percent(targets.gpuUtilizationPercent), { align: 'center' }),
      cell(percent(targets.progressPercent), { align: 'center' }),
      cell([`매출 ${optional(targets.revenueHundredMillionWon, '억원')}`, `투자유치 ${optional(targets.investmentCount, '건')}`], { align: 'center' }),
      cell([`특허출원·등록 ${optional(targets.patents, '건')}`, `기술이전 ${optional(targets.techTransfers, '건')}`, `논문 ${optional(targets.papers, '건')}`], { colspan: 2, align: 'center' }),
    ),
    row(
      label('과제 결과물 공개 계획', { rowspan: 4 }),
      label(['오픈소스/모델', '(해당시)'], { rowspan: 3 }),
      label('오픈소스 공개대상'),
      cell(
        boxes([
          ...TARGET_LABELS.map(([key, text]) => [targetList.includes(key), text] as const),
          [partial, `일부공개 (항목 : ${str(openSource.partialItems) ?? ''} )`] as const,
        ]),
        { colspan: 3 },
      ),
    ),
    row(label('공개 플랫폼'), cell(choices(openSource.platforms, OPEN_PLATFORM_LABELS, { key: 'other', label: '기타 플랫폼', text: openSource.platformOther }), { colspan: 3 })),
    row(label('배포 라이선스'), cell(choices(openSource.licenses, LICENSE_LABELS, { key: 'other', label: '기타 라이선스', text: openSource.licenseOther }), { colspan: 3 })),
    row(
      label(['연구성과물 공개', '(해당시)']),
      label('공개 플랫폼'),
      cell(choices(publications.platforms, PUBLICATION_LABELS, { key: 'other', label: '기타 플랫폼', text: publications.platformOther }), { colspan: 3 }),
    ),
  );
  const organization = show(pledge.organizationName) || show(applicant.name);
  const leadName = show(pledge.leadName) || show(obj(contacts.lead).name);
  rows.push(
    row({
      colspan: 6,
      blocks: [
        paragraph(PLEDGE_TEXT, 'pledge', 'justify'),
        paragraph(longDate(pledge.date), 'pledge', 'center'),
        paragraph(`기업(관)명 : ${organization}  (직인)`, 'pledge', 'right'),
        paragraph(`총괄책임자 : ${leadName}  (인/서명)`, 'pledge', 'right'),
        paragraph({ text: ADDRESSEE, bold: true }, 'pledge', 'left'),
      ],
    }),
  );
  b.table('cover', [10, 14, 12, 26, 14, 24], rows, { dense: true });
}

// ---------------------------------------------------------------------------------------------
// 요약서

function summary(b: Builder, plan: Plan): void {
  const s = obj(plan.summary);
  b.part('요 약 서', 'summary');
  const item = (title: string) => label({ text: title, bold: true }, { align: 'left' });
  b.table('summary', [1], [
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
  ]);
}

// ---------------------------------------------------------------------------------------------
// Chapters I–VI

function chapter1(b: Builder, plan: Plan): void {
  const overview = obj(plan.overview);
  const goal = obj(overview.goal);
  b.chapterHeading();
  b.sectionHeading('과제 목표');
  b.mark(3, '과제 내용');
  b.text(goal.content);
  b.mark(3, '연구·개발 분야(내용)의 차별성');
  b.text(goal.differentiation);
  b.sectionHeading('지원 필요성');
  b.text(overview.necessity);
}

function chapter2(b: Builder, plan: Plan): void {
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
  const models = list(execution.baseModels).map(obj);
  b.table('base-models', [6, 24, 18, 18, 34], [
    headerRow(label('번호'), label('모델명'), label('버전'), label('라이선스'), label('활용 전략')),
    ...(models.length === 0
      ? [emptyRow(5)]
      : models.map((m, i) => row(cell(String(i + 1), { align: 'center' }), cell(show(m.name)), cell(show(m.version)), cell(show(m.license)), textCell(m.strategy)))),
  ]);

  b.sectionHeading('성과 목표 수립');
  b.mark(3, '최종 성과 목표');
  b.text(goals.final);
  b.mark(4, '성과 지표 (As-is → To-be)');
  const indicators = list(goals.indicators).map(obj);
  b.table('indicators', [24, 8, 14, 14, 40], [
    headerRow(label('지표명'), label('단위'), label('현재(As-is)'), label('목표(To-be)'), label('측정 방법')),
    ...(indicators.length === 0
      ? [emptyRow(5)]
      : indicators.map((m) =>
          row(cell(show(m.name)), cell(show(m.unit), { align: 'center' }), cell(show(m.current), { align: 'center' }), cell(show(m.target), { align: 'center' }), cell(show(m.measurement))),
        )),
  ]);
  b.mark(3, '성과 지표 설정 근거 및 측정 방법');
  b.text(goals.basis);
}

function chapter3(b: Builder, plan: Plan, cost: CostModel): void {
  const gpuPlan = obj(plan.gpuPlan);
  const table = costTable(cost, 'ko');
  b.chapterHeading();
  b.sectionHeading('GPU 자원 활용 규모');
  b.mark(3, 'GPU 활용(요청) 규모 적정성');
  b.text(gpuPlan.scaleJustification);

  b.sectionHeading('GPU 자원 사용 계획');
  b.mark(3, 'GPU 단계별 활용 계획');
  const stages = list(gpuPlan.stages).map(obj);
  const usage = (s: Obj): string[] => {
    const gpus = num(s.gpus);
    const servers = num(s.servers);
    return [gpus !== undefined ? `${groupThousands(gpus)}장` : '', servers !== undefined ? `(${groupThousands(servers)}서버)` : ''].filter(Boolean);
  };
  b.table('gpu-stages', [7, 17, 40, 12, 12, 12], [
    headerRow(label('단계'), label('추진기간'), label('주요 수행내용'), label('GPU 투입시기'), label(['GPU 사용량', '(장/서버수)']), label(['예상 활용률', '(%)'])),
    ...(stages.length === 0
      ? [emptyRow(6)]
      : stages.map((s, i) =>
          row(
            cell(String(i + 1), { align: 'center' }),
            cell(periodLines(s.period), { align: 'center' }),
            textCell(s.tasks),
            cell(date(s.gpuStart), { align: 'center' }),
            cell(usage(s), { align: 'center' }),
            cell(percent(s.expectedUtilizationPercent), { align: 'center' }),
          ),
        )),
  ]);
  if (table.gpuLine) b.note(`배정 GPU 자원: ${table.gpuLine}`);

  b.sectionHeading('민간부담금 산출내역');
  b.mark(3, '민간 부담금 계산');
  b.table('copayment', [11, 11, 22, 11, 26, 19], [
    headerRow(...table.headers.map((h) => label(h))),
    table.row ? row(...table.row.map((value) => cell(value, { align: 'center' }))) : row(...table.headers.map(() => cell(''))),
  ]);
  if (table.row) {
    b.note(`실제 부담액: ${table.applicable ?? '—'} (${table.policy})`);
  } else {
    b.note(table.summary);
  }
}

function chapter4(b: Builder, plan: Plan): void {
  const dissemination = obj(plan.dissemination);
  const ecosystem = obj(dissemination.ecosystem);
  b.chapterHeading();
  b.sectionHeading('활용 세부 계획');
  b.text(dissemination.utilization);
  b.sectionHeading('서비스 확산 계획');
  b.text(dissemination.service);
  b.sectionHeading('AI 생태계 기여 계획');
  b.mark(3, '과제를 통해 창출되는 인력양성 효과');
  b.text(ecosystem.talent);
  b.mark(3, '과제를 통해 창출되는 기술·사업화 가능성(해당 시)');
  b.text(ecosystem.commercialization);
  b.mark(3, '과제지원을 통한 경제·기술적 성과');
  b.text(ecosystem.outcomes);
  b.mark(3, '오픈소스 등 공개 계획 (해당 시)');
  b.text(ecosystem.openSource);
  b.mark(3, '연구 성과물 등 공개 계획 (해당 시)');
  b.text(ecosystem.publications);
}

/** The 12 month columns of the milestone chart: the project's calendar year, or 12 months from its start when it crosses a year. */
function milestoneWindow(schedule: Obj, milestones: Obj[]): { first: number; header: string } | undefined {
  const { start, end } = obj(schedule.period);
  const startDate = parseDate(start);
  const endDate = parseDate(end);
  const months: number[] = [];
  if (startDate) months.push(startDate.year * 12 + startDate.month - 1);
  if (endDate) months.push(endDate.year * 12 + endDate.month - 1);
  if (months.length === 0) for (const m of milestones) for (const month of list(m.months)) if (parseMonth(month) !== undefined) months.push(parseMonth(month) as number);
  if (months.length === 0) return undefined;
  const first = Math.min(...months);
  const last = Math.max(...months);
  const yy = (index: number) => String(Math.floor(index / 12) % 100).padStart(2, '0');
  if (Math.floor(first / 12) === Math.floor(last / 12)) return { first: Math.floor(first / 12) * 12, header: `수행일정('${yy(first)}년)` };
  return { first, header: `수행일정('${yy(first)}~'${yy(first + 11)}년)` };
}

function chapter5(b: Builder, plan: Plan): void {
  const schedule = obj(plan.schedule);
  b.chapterHeading();
  b.sectionHeading('추진 일정');
  const months = periodMonths(schedule.period);
  const projectPeriod = period(schedule.period);
  b.mark(3, projectPeriod ? `수행기간 : ${projectPeriod}${months ? `(${months}개월)` : ''}` : `수행기간 : ${NOT_APPLICABLE}`);
  b.mark(4, '마일스톤');
  const milestones = list(schedule.milestones).map(obj);
  const window = milestoneWindow(schedule, milestones);
  const first = window?.first ?? 0;
  const monthLabels = Array.from({ length: 12 }, (_, i) => (window ? String(((first + i) % 12) + 1) : String(i + 1)));
  const outside: string[] = [];
  const rows: TableRow[] = [
    headerRow(label('구분', { rowspan: 2 }), label('수행내용', { rowspan: 2 }), label(window?.header ?? '수행일정', { colspan: 12 })),
    headerRow(...monthLabels.map((m) => label(m))),
  ];
  if (milestones.length === 0) rows.push(emptyRow(14));
  milestones.forEach((m, i) => {
    const marked = new Set<number>();
    for (const month of list(m.months)) {
      const index = parseMonth(month);
      if (index === undefined) continue;
      if (window && index >= first && index < first + 12) marked.add(index - first);
      else outside.push(`${show(m.task) || `${i + 1}`} (${formatKoreanDate(formatMonthIndex(index))})`);
    }
    rows.push(
      row(
        cell(String(i + 1), { align: 'center' }),
        cell(show(m.task)),
        ...monthLabels.map((_, column) => (marked.has(column) ? cell(MARK, { align: 'center', marked: true }) : cell('', { align: 'center' }))),
      ),
    );
  });
  b.table('milestones', [6, 34, ...Array.from({ length: 12 }, () => 5)], rows, { dense: true });
  if (outside.length > 0) b.note(`표의 12개월 밖 일정: ${outside.join(', ')}`);

  b.sectionHeading('추진체계');
  b.mark(3, '추진체계 및 역할');
  b.text(schedule.structure);

  b.sectionHeading('주요 산출물');
  const deliverables = list(schedule.deliverables).map(obj);
  b.table('deliverables', [7, 38, 13, 42], [
    headerRow(label('번호'), label('산출물명'), label('산출 시기'), label('내역')),
    ...(deliverables.length === 0
      ? [emptyRow(4)]
      : deliverables.map((d, i) => row(cell(String(i + 1), { align: 'center' }), cell(show(d.name)), cell(date(d.due), { align: 'center' }), cell(show(d.description))))),
  ]);

  b.sectionHeading('기대 효과');
  b.text(schedule.effects);
}

function leadResearcherTable(b: Builder, plan: Plan): void {
  const lead = obj(obj(plan.institution).leadResearcher);
  const education = list(lead.education).map(obj);
  const career = list(lead.career).map(obj);
  const projects = list(lead.governmentProjects).map(obj);
  const rows: TableRow[] = [
    row(label('성명', { rowspan: 2 }), label('국문'), cell(show(lead.nameKo), { colspan: 2 }), label('생년월일'), cell(date(lead.birthDate))),
    row(label('영문'), cell(show(lead.nameEn), { colspan: 4 })),
    row(label('소속'), cell(show(lead.affiliation), { colspan: 3 }), label('직위'), cell(show(lead.position))),
  ];
  const group = (title: string, header: Cell[], body: TableRow[], span: number): void => {
    const content = body.length > 0 ? body : [emptyRow(span)];
    rows.push({ cells: [label(title, { rowspan: content.length + 1 }), ...header] }, ...content);
  };
  group(
    '학력',
    [label('졸업년도'), label('학교명'), label('전공', { colspan: 2 }), label('학위')],
    education.map((e) => row(cell(num(e.year) !== undefined ? String(e.year) : show(e.year), { align: 'center' }), cell(show(e.school)), cell(show(e.major), { colspan: 2 }), cell(show(e.degree), { align: 'center' }))),
    5,
  );
  group(
    '해당분야 경력',
    [label('수행기간'), label('기관명'), label('직위'), label('주요 업무', { colspan: 2 })],
    career.map((c) => row(cell(periodLines(c.period), { align: 'center' }), cell(show(c.organization)), cell(show(c.position)), cell(show(c.duties), { colspan: 2 }))),
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

function chapter6(b: Builder, plan: Plan): void {
  const applicant = obj(plan.applicant);
  const representative = obj(applicant.representative);
  const employees = obj(applicant.employees);
  const institution = obj(plan.institution);
  const type = typeof applicant.type === 'string' ? applicant.type : undefined;
  b.chapterHeading();
  b.sectionHeading('신청기관 현황');
  const name = show(representative.name);
  const nationality = show(representative.nationality);
  b.table('institution', [24, 12, 64], [
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
  ]);

  b.sectionHeading('참여 인력 현황');
  b.mark(4, '총괄책임자');
  leadResearcherTable(b, plan);
  const staffing = obj(institution.staffing);
  const headcount = num(staffing.headcount);
  const personMonths = num(staffing.personMonths);
  b.mark(
    4,
    headcount !== undefined || personMonths !== undefined
      ? `투입인력 : 총 ${headcount !== undefined ? groupThousands(headcount) : ''}명${personMonths !== undefined ? ` (${groupThousands(personMonths)} m/m)` : ''}`
      : `투입인력 : ${NOT_APPLICABLE}`,
  );

  b.sectionHeading('주요 실적');
  b.mark(3, '주요 실적');
  const achievements = list(institution.achievements).map(obj);
  b.table('achievements', [16, 30, 11, 43], [
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
  ]);

  b.sectionHeading('제안기관의 미래 성장가능성');
  b.text(institution.vision);
}

function attachmentStaff(b: Builder, plan: Plan): void {
  b.part('붙임 0  투입 인력 현황', 'attachment-0');
  const staff = list(plan.staff).map(obj);
  b.table(
    'staff',
    [6, 16, 9, 11, 20, 15, 15, 8],
    [
      headerRow(label('번호'), label('소속기관'), label('성명'), label('직위'), label('담당업무'), label(['학위', '(전공)']), label(['참여기간', '(개월)']), label(['투입률', '(%)'])),
      ...(staff.length === 0
        ? [emptyRow(8)]
        : staff.map((s, i) => {
            const p = obj(s.period);
            const months = num(s.months);
            const degree = show(s.degree);
            const major = show(s.major);
            return row(
              cell(String(i + 1), { align: 'center' }),
              cell(show(s.organization)),
              cell(show(s.name), { align: 'center' }),
              cell(show(s.position), { align: 'center' }),
              cell(show(s.role)),
              cell(degree || major ? `${degree}${major ? `(${major})` : ''}` : '', { align: 'center' }),
              cell([date(p.start) ? `${date(p.start)}~` : '', `${date(p.end)}${months !== undefined ? ` (${months})` : ''}`].filter(Boolean), { align: 'center' }),
              cell(num(s.participationPercent) !== undefined ? String(num(s.participationPercent)) : '', { align: 'center' }),
            );
          })),
    ],
    { dense: true },
  );
}

// ---------------------------------------------------------------------------------------------
// Findings

function openFindings(findings: readonly Finding[], document: Pick<ParsedDocument, 'text'> | undefined): OpenFinding[] {
  const index = document ? new LineIndex(document.text) : undefined;
  return findings.map((f) => {
    const position = index?.positionAt(f.offset);
    const where = position ? `${position.line + 1}행 ${position.character + 1}열` : '';
    const path = f.path && f.path.length > 0 ? f.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') : '';
    return { severity: f.severity, code: f.code, message: clean(f.message), location: where, path };
  });
}

function findingsPart(b: Builder, items: readonly OpenFinding[]): void {
  const errors = items.filter((f) => f.severity === 'error').length;
  const warnings = items.filter((f) => f.severity === 'warning').length;
  b.part(`제출 전 확인: 남은 점검 결과 ${items.length}건`, 'open-findings');
  b.push(
    paragraph(
      `gpuplan이 내보내기 시점에 이 계획서에서 찾은 문제입니다 (오류 ${errors}건, 경고 ${warnings}건). 양식의 일부가 아니므로, 문제를 고친 뒤 다시 내보내고 이 쪽은 제출본에서 빼십시오.`,
      'warning',
    ),
  );
  b.table(
    'findings',
    [7, 9, 26, 58],
    [
      headerRow(label('번호'), label('구분'), label('위치'), label('내용')),
      ...items.map((f, i) =>
        row(
          cell(String(i + 1), { align: 'center' }),
          cell({ text: SEVERITY_LABELS[f.severity], bold: f.severity === 'error' }, { align: 'center' }),
          cell([f.location, ...(f.path ? [small(f.path)] : [])]),
          cell([f.message, small(f.code)]),
        ),
      ),
    ],
    { variant: 'findings' },
  );
}

// ---------------------------------------------------------------------------------------------

/** The plan as a document in the form's layout. */
export function planToDocument(input: RenderInput): PlanDocument {
  const { plan, cost } = input;
  const b = new Builder();
  titlePage(b, plan);
  b.pageBreak();
  coverTable(b, plan, cost);
  b.pageBreak();
  const tocIndex = b.blocks.length;
  b.pageBreak();
  summary(b, plan);
  b.pageBreak();
  chapter1(b, plan);
  b.pageBreak();
  chapter2(b, plan);
  b.pageBreak();
  chapter3(b, plan, cost);
  b.pageBreak();
  chapter4(b, plan);
  b.pageBreak();
  chapter5(b, plan);
  b.pageBreak();
  chapter6(b, plan);
  b.pageBreak();
  attachmentStaff(b, plan);

  const items = openFindings(input.findings ?? [], input.document);
  if (items.length > 0) {
    b.pageBreak();
    findingsPart(b, items);
  }
  // The 목차 goes after the 표지, on a page of its own, now that the headings are known.
  b.blocks.splice(tocIndex, 0, { kind: 'toc', title: '목  차', entries: [...b.toc] }, { kind: 'pageBreak' });

  const applicant = obj(plan.applicant);
  const meta: DocumentMeta = {
    title: str(plan.projectTitle) ?? FORM_NAME,
    ...(str(applicant.name) ? { organization: str(applicant.name) } : {}),
    ...(str(obj(obj(plan.contacts).lead).name) ? { author: str(obj(obj(plan.contacts).lead).name) } : {}),
    formVersion: typeof plan.formVersion === 'string' ? plan.formVersion : FORM_VERSION.value,
    pageBudget: cost.pageBudget,
    language: 'ko',
  };
  return {
    meta,
    blocks: b.blocks,
    openFindings: items,
    counts: {
      errors: items.filter((f) => f.severity === 'error').length,
      warnings: items.filter((f) => f.severity === 'warning').length,
      information: items.filter((f) => f.severity === 'information' || f.severity === 'hint').length,
    },
  };
}

/** Every text of the document in reading order, one string per paragraph, bullet or cell: for tests and search. */
export function documentText(doc: PlanDocument): string[] {
  const out: string[] = [];
  const inline = (runs: readonly Inline[]) => runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
  const visit = (block: Block): void => {
    switch (block.kind) {
      case 'heading':
        out.push(block.text);
        break;
      case 'paragraph':
        out.push(inline(block.runs));
        break;
      case 'bullets':
        for (const item of block.items) out.push(`${item.marker} ${item.text}`);
        break;
      case 'table':
        for (const r of block.rows) for (const c of r.cells) for (const inner of c.blocks) visit(inner);
        break;
      case 'toc':
        out.push(block.title, ...block.entries.map((e) => e.text));
        break;
      case 'pageBreak':
        break;
    }
  };
  doc.blocks.forEach(visit);
  return out;
}

