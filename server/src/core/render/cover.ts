/**
 * The title page and the 표지 table of the form, with the pledge and signature lines at its foot.
 */
import type { CostModel } from '../cost/cost';
import { formatKoreanDate, parseDate } from '../dates';
import { GPUS_PER_SERVER, MONTHS, YOUTH_COMPANY_BORN_ON_OR_AFTER } from '../figures';
import { groupThousands } from '../format';
import { asArray, asNumber, asObject, asString } from '../plan/read';
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { NOT_APPLICABLE, paragraph } from './bullets';
import { bold, cell, label, row, small } from './cells';
import { TYPE_LABELS, box, boxes, choices } from './checkboxes';
import type { TableRow } from './model';
import { date, longDate, obj, percent, show, str } from './read';

/** The form's pledge (표지 하단), word for word. */
export const PLEDGE_TEXT =
  '관련 유의사항을 모두 준수하며, 본 사업수행계획서에서 제시한 연구계획을 지켜 성실하게 수행할 것을 약속합니다. 아울러 이 사업수행계획서에 기재된 내용이 사실임을 확인하며, 만약 사실이 아닌 경우 연구개발과제 선정 취소 등의 불이익도 감수하겠습니다.';

export const ADDRESSEE = '정보통신산업진흥원 귀하';

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

export function titlePage(b: Builder, plan: Plan): void {
  const applicant = obj(plan.applicant);
  const pledge = obj(plan.pledge);
  const when = parseDate(pledge.date);
  b.push(
    paragraph('「첨단 GPU 활용 지원 사업」', 'coverSubtitle', 'center'),
    paragraph('사업수행계획서', 'coverTitle', 'center'),
    paragraph('[산 · 학 · 연 신청용]', 'coverSubtitle', 'center'),
  );
  const title = str(plan.projectTitle);
  if (title) b.push(paragraph(bold(title), 'coverLine', 'center'));
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
    // 국가연구자번호 is "해당시 작성": left out, it does not apply.
    row(label('E-mail'), cell(show(p.email)), label('국가연구자번호'), cell(show(p.researcherNumber) || NOT_APPLICABLE)),
  ];
}

export function coverTable(b: Builder, plan: Plan, cost: CostModel): void {
  const applicant = obj(plan.applicant);
  const contacts = obj(plan.contacts);
  const gpu = obj(plan.gpu);
  const info = obj(plan.projectInfo);
  const targets = obj(plan.targets);
  const openSource = obj(obj(plan.disclosure).openSource);
  const publications = obj(obj(plan.disclosure).publications);
  // 오픈소스/모델 and 연구성과물 공개 are "(해당시)": a part the plan leaves out says 해당 없음 under its boxes.
  const notApplicable = (part: unknown): string[] => (asObject(part) ? [] : [NOT_APPLICABLE]);

  const type = asString(applicant.type);
  const youth = applicant.youthCompany;
  const stageChoice = asString(info.stage);
  const servers = asNumber(gpu.servers);
  const months = asNumber(gpu.months);
  const optional = (value: unknown, unit: string): string =>
    asNumber(value) !== undefined ? `${groupThousands(asNumber(value) as number)}${unit}` : NOT_APPLICABLE;
  const targetList = asArray(openSource.targets);
  const partial = targetList.includes('partial');
  // 코드 공개(학습/추론): the form's label, with the parts the plan releases marked inside it.
  const scope = asArray(openSource.codeScope);
  const targetText = (key: string, text: string): string =>
    key === 'code' && scope.length > 0 ? `코드 공개(${box(scope.includes('training'), '학습')}/${box(scope.includes('inference'), '추론')})` : text;

  const rows: TableRow[] = [
    row(cell(bold('사업수행계획서 (Open Track, 산·학·연)'), { colspan: 6, align: 'center', header: true })),
    row(label('신청과제명', { colspan: 2 }), cell(show(plan.projectTitle), { colspan: 2 }), label('과제번호'), cell('')),
    row(
      label('신청기업(관)', { rowspan: 4 }),
      label('기업(관)명'),
      cell(show(applicant.name), { colspan: 2 }),
      label('홈페이지주소'),
      cell(show(applicant.homepage)),
    ),
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
          small(`* 사용자 모집 공고일 기준 법인기업의 대표가 만39세 이하(${formatKoreanDate(YOUTH_COMPANY_BORN_ON_OR_AFTER.value)} 이후 출생) 출생자인 경우`),
        ],
        { colspan: 4 },
      ),
    ),
  ];
  const lead = contactRows(contacts.lead, '총괄책임자');
  const manager = contactRows(contacts.manager, '실무책임자');
  rows.push({ cells: [label('담당', { rowspan: 8 }), ...lead[0].cells] }, ...lead.slice(1), ...manager);
  rows.push(
    row(
      label('GPU 수요', { rowspan: 2 }),
      label('GPU 기종'),
      label(['서버 수', small(`* 1서버=${GPUS_PER_SERVER.value}GPU`)], { colspan: 2 }),
      label(['활용 신청 기간(개월)', small(`* 최소 ${MONTHS.value.min}개월~최대 ${MONTHS.value.max}개월까지 신청가능`)], { colspan: 2 }),
    ),
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
    row(
      label('과제 목표 성과', { rowspan: 2 }),
      label('GPU 사용률 (필수)'),
      label('과제 진도율 (필수)'),
      label('경제적 성과(선택)'),
      label('기술성과(선택)', { colspan: 2 }),
    ),
    row(
      cell(percent(targets.gpuUtilizationPercent), { align: 'center' }),
      cell(percent(targets.progressPercent), { align: 'center' }),
      cell([`매출 ${optional(targets.revenueHundredMillionWon, '억원')}`, `투자유치 ${optional(targets.investmentCount, '건')}`], { align: 'center' }),
      cell(
        [`특허출원·등록 ${optional(targets.patents, '건')}`, `기술이전 ${optional(targets.techTransfers, '건')}`, `논문 ${optional(targets.papers, '건')}`],
        { colspan: 2, align: 'center' },
      ),
    ),
    row(
      label('과제 결과물 공개 계획', { rowspan: 4 }),
      label(['오픈소스/모델', '(해당시)'], { rowspan: 3 }),
      label('오픈소스 공개대상'),
      cell(
        [
          boxes([
            ...TARGET_LABELS.map(([key, text]) => [targetList.includes(key), targetText(key, text)] as const),
            [partial, `일부공개 (항목 : ${str(openSource.partialItems) ?? ''} )`] as const,
          ]),
          ...notApplicable(obj(plan.disclosure).openSource),
        ],
        { colspan: 3 },
      ),
    ),
    row(
      label('공개 플랫폼'),
      cell(choices(openSource.platforms, OPEN_PLATFORM_LABELS, { key: 'other', label: '기타 플랫폼', text: openSource.platformOther }), { colspan: 3 }),
    ),
    row(
      label('배포 라이선스'),
      cell(choices(openSource.licenses, LICENSE_LABELS, { key: 'other', label: '기타 라이선스', text: openSource.licenseOther }), { colspan: 3 }),
    ),
    row(
      label(['연구성과물 공개', '(해당시)']),
      label('공개 플랫폼'),
      cell(
        [
          choices(publications.platforms, PUBLICATION_LABELS, { key: 'other', label: '기타 플랫폼', text: publications.platformOther }),
          ...notApplicable(obj(plan.disclosure).publications),
        ],
        { colspan: 3 },
      ),
    ),
  );
  rows.push(pledgeRow(plan));
  b.table('cover', [10, 14, 12, 26, 14, 24], rows, { dense: true });
}

/** The last row of the 표지: the pledge, its date and the signature lines. */
function pledgeRow(plan: Plan): TableRow {
  const applicant = obj(plan.applicant);
  const contacts = obj(plan.contacts);
  const pledge = obj(plan.pledge);
  const organization = show(pledge.organizationName) || show(applicant.name);
  const leadName = show(pledge.leadName) || show(obj(contacts.lead).name);
  return row({
    colspan: 6,
    blocks: [
      paragraph(PLEDGE_TEXT, 'pledge', 'justify'),
      paragraph(longDate(pledge.date), 'pledge', 'center'),
      paragraph(`기업(관)명 : ${organization}  (직인)`, 'pledge', 'right'),
      paragraph(`총괄책임자 : ${leadName}  (인/서명)`, 'pledge', 'right'),
      paragraph(bold(ADDRESSEE), 'pledge', 'left'),
    ],
  });
}
