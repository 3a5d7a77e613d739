/**
 * What the official form itself says (「첨단 GPU 활용 지원 사업」 사업수행계획서, 2025. 12.,
 * ../shared/template/gpu-support-plan-template-2025-12.md): its headings, the labels of its
 * checkboxes, its guide text and its placeholders. The importer recognises these; they are the
 * form's words, not the applicant's.
 */
import { CHAPTERS } from '../core/render/builder';
import { PLEDGE_TEXT } from '../core/render/cover';
import { loose } from './values';

export { CHAPTERS, PLEDGE_TEXT };

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
const ROMAN_GLYPHS = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ'];

/** A part of the form that text is collected into: a `Text` field, a table, or a line of its own. */
export type Target =
  | 'overview.goal.content'
  | 'overview.goal.differentiation'
  | 'overview.necessity'
  | 'mainContent.execution.status'
  | 'mainContent.execution.details'
  | 'mainContent.execution.baseModels'
  | 'mainContent.goals.final'
  | 'mainContent.goals.indicators'
  | 'mainContent.goals.basis'
  | 'gpuPlan.scaleJustification'
  | 'gpuPlan.stages'
  | 'gpuPlan.copayment'
  | 'dissemination.utilization'
  | 'dissemination.service'
  | 'dissemination.ecosystem.talent'
  | 'dissemination.ecosystem.commercialization'
  | 'dissemination.ecosystem.outcomes'
  | 'dissemination.ecosystem.openSource'
  | 'dissemination.ecosystem.publications'
  | 'schedule.milestones'
  | 'schedule.structure'
  | 'schedule.deliverables'
  | 'schedule.effects'
  | 'institution.applicant'
  | 'institution.leadResearcher'
  | 'institution.achievements'
  | 'institution.vision'
  | 'staff';

export interface Sub {
  readonly pattern: RegExp;
  readonly target: Target;
  /** The heading as the form writes it, for the report. */
  readonly label: string;
}

export interface Section {
  readonly chapter: number;
  readonly number: number;
  readonly title: string;
  /** Where the text right under the heading goes. */
  readonly target: Target;
  readonly subs: readonly Sub[];
}

const sub = (label: string, pattern: RegExp, target: Target): Sub => ({ label, pattern, target });

/** Chapters I–VI: their sections, and the □/○ headings inside them, with where their text goes. */
export const SECTIONS: readonly Section[] = [
  {
    chapter: 1,
    number: 1,
    title: '과제 목표',
    target: 'overview.goal.content',
    subs: [
      sub('□ 과제 내용', /^과제내용$/, 'overview.goal.content'),
      sub('□ 연구·개발 분야(내용)의 차별성', /^연구개발분야(내용)?의?차별성/, 'overview.goal.differentiation'),
    ],
  },
  { chapter: 1, number: 2, title: '지원 필요성', target: 'overview.necessity', subs: [] },
  {
    chapter: 2,
    number: 1,
    title: '과제 수행 계획',
    target: 'mainContent.execution.status',
    subs: [
      sub('□ 과제 추진 현황', /^과제추진현황$/, 'mainContent.execution.status'),
      sub('□ 본 과제 상세 수행내용', /^본?과제상세수행내용$/, 'mainContent.execution.details'),
      sub('○ 과제 수행 시 활용하는 모델', /^과제수행시활용하는(기반)?모델$/, 'mainContent.execution.baseModels'),
    ],
  },
  {
    chapter: 2,
    number: 2,
    title: '성과 목표 수립',
    target: 'mainContent.goals.final',
    subs: [
      sub('□ 최종 성과 목표', /^최종성과목표$/, 'mainContent.goals.final'),
      sub('○ 성과 지표', /^성과지표(as-is|\(as-is|$)/, 'mainContent.goals.indicators'),
      sub('□ 성과 지표 설정 근거 및 측정 방법', /^성과지표설정근거/, 'mainContent.goals.basis'),
    ],
  },
  {
    chapter: 3,
    number: 1,
    title: 'GPU 자원 활용 규모',
    target: 'gpuPlan.scaleJustification',
    subs: [sub('□ GPU 활용(요청) 규모 적정성', /^gpu활용(요청)?규모적정성$/, 'gpuPlan.scaleJustification')],
  },
  {
    chapter: 3,
    number: 2,
    title: 'GPU 자원 사용 계획',
    target: 'gpuPlan.stages',
    subs: [sub('□ GPU 단계별 활용 계획', /^gpu단계별활용계획$/, 'gpuPlan.stages')],
  },
  {
    chapter: 3,
    number: 3,
    title: '민간부담금 산출내역',
    target: 'gpuPlan.copayment',
    subs: [sub('□ 민간 부담금 계산', /^민간부담금계산$/, 'gpuPlan.copayment')],
  },
  { chapter: 4, number: 1, title: '활용 세부 계획', target: 'dissemination.utilization', subs: [] },
  { chapter: 4, number: 2, title: '서비스 확산 계획', target: 'dissemination.service', subs: [] },
  {
    chapter: 4,
    number: 3,
    title: 'AI 생태계 기여 계획',
    target: 'dissemination.ecosystem.talent',
    subs: [
      sub('□ 과제를 통해 창출되는 인력양성 효과', /^과제를통해창출되는인력양성효과$/, 'dissemination.ecosystem.talent'),
      sub('□ 과제를 통해 창출되는 기술·사업화 가능성(해당 시)', /^과제를통해창출되는기술사업화가능성/, 'dissemination.ecosystem.commercialization'),
      sub('□ 과제지원을 통한 경제·기술적 성과', /^과제지원을통한경제기술적성과$/, 'dissemination.ecosystem.outcomes'),
      sub('□ 오픈소스 등 공개 계획 (해당 시)', /^오픈소스등공개계획/, 'dissemination.ecosystem.openSource'),
      sub('□ 연구 성과물 등 공개 계획 (해당 시)', /^연구성과물등공개계획/, 'dissemination.ecosystem.publications'),
    ],
  },
  { chapter: 5, number: 1, title: '추진 일정', target: 'schedule.milestones', subs: [sub('○ 마일스톤', /^마일스톤$/, 'schedule.milestones')] },
  { chapter: 5, number: 2, title: '추진체계', target: 'schedule.structure', subs: [sub('□ 추진체계 및 역할', /^추진체계및역할$/, 'schedule.structure')] },
  { chapter: 5, number: 3, title: '주요 산출물', target: 'schedule.deliverables', subs: [] },
  { chapter: 5, number: 4, title: '기대 효과', target: 'schedule.effects', subs: [] },
  { chapter: 6, number: 1, title: '신청기관 현황', target: 'institution.applicant', subs: [] },
  {
    chapter: 6,
    number: 2,
    title: '참여 인력 현황',
    target: 'institution.leadResearcher',
    subs: [sub('○ 총괄책임자', /^총괄책임자$/, 'institution.leadResearcher')],
  },
  { chapter: 6, number: 3, title: '주요 실적', target: 'institution.achievements', subs: [sub('□ 주요 실적', /^주요실적$/, 'institution.achievements')] },
  { chapter: 6, number: 4, title: '제안기관의 미래 성장가능성', target: 'institution.vision', subs: [] },
];

/** `1. 과제 목표` / `1 과제목표` / `과제 목표 ..... 1` (a 목차 line): the section it names. */
export function sectionOf(line: string, chapter?: number): Section | undefined {
  const m = /^(?:(\d)\s*(?:\.|\s)\s*)?(.+?)(?:\s*[.·…\s]{2,}\s*\d+|\s+\d{1,3})?$/.exec(line.trim());
  if (!m) return undefined;
  const title = loose(m[2]);
  const candidates = SECTIONS.filter((s) => loose(s.title) === title && ((m[1] as string | undefined) === undefined || Number(m[1]) === s.number));
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((s) => s.chapter === chapter) ?? candidates[0];
}

/** `I 과제 개요`, `Ⅲ. GPU 자원 활용 계획`, a bare `III` (the form splits its chapter box in two). */
export function chapterOf(line: string): { chapter: number; titled: boolean } | undefined {
  const m = /^(VI|IV|V|I{1,3}|[ⅠⅡⅢⅣⅤⅥ])\s*[.)]?\s*(.*?)(?:\s*[.·…\s]{2,}\s*\d+|\s+\d{1,3})?$/.exec(line.trim());
  if (!m) return undefined;
  const index = ROMAN.includes(m[1] as (typeof ROMAN)[number]) ? ROMAN.indexOf(m[1] as (typeof ROMAN)[number]) : ROMAN_GLYPHS.indexOf(m[1]);
  if (index < 0) return undefined;
  if (m[2] === '') return { chapter: index + 1, titled: false };
  return loose(m[2]) === loose(CHAPTERS[index]) ? { chapter: index + 1, titled: true } : undefined;
}

/** The chapter's title alone (the second half of a split chapter box). */
export const chapterTitleOf = (line: string): number | undefined => {
  const index = CHAPTERS.findIndex((title) => loose(title) === loose(line));
  return index < 0 ? undefined : index + 1;
};

export const isSummaryHeading = (line: string): boolean => /^요약서$/.test(loose(line));
export const isTocHeading = (line: string): boolean => /^목차$/.test(loose(line));
export const isAttachmentHeading = (line: string): boolean => /^붙임0?투입인력현황$/.test(loose(line));

/** The 요약서 items 1–7 and where they go. */
export const SUMMARY_ITEMS: ReadonlyArray<{ readonly number: number; readonly title: string; readonly target: string }> = [
  { number: 1, title: '신청과제명', target: 'projectTitle' },
  { number: 2, title: '신청기업(관)명', target: 'applicant.name' },
  { number: 3, title: '과제 개요', target: 'summary.overview' },
  { number: 4, title: '과제 주요 내용', target: 'summary.mainContent' },
  { number: 5, title: 'GPU 자원 활용 계획', target: 'summary.gpuPlan' },
  { number: 6, title: '활용 확산 추진 방안', target: 'summary.dissemination' },
  { number: 7, title: '기대효과', target: 'summary.expectedEffects' },
];

export function summaryItemOf(line: string): (typeof SUMMARY_ITEMS)[number] | undefined {
  const m = /^(\d)\s*[.)]\s*(.+)$/.exec(line.trim());
  if (!m) return undefined;
  return SUMMARY_ITEMS.find((item) => item.number === Number(m[1]) && loose(item.title) === loose(m[2]));
}

/** The form's guide text that is not marked with ★: the notes under the ★ lines and the 요약서's "*" lines. */
const GUIDE_SENTENCES = [
  '본 사업수행을 통해 실현, 완성하고자 하는 과제 목표 및 지원 필요성 작성',
  '목표를 달성하기 위한 과제의 사업범위 및 주요 추진과업 내용을 요약',
  '국가컴퓨팅 자원의 활용 규모와 사업기간별 연구개발 사용 계획',
  '국가컴퓨팅 자원 활용 지원을 통해 획득한 결과를 어떻게 활용하고 확산 할 것인지 요약',
  '본 과제를 통해 산업 효율성 제고, 서비스 확산에의 기여, 시장확대, 관련기업 육성 등 국가적 차원에서의 제반 기대효과를 제시',
  '총괄책임자 및 기관 실적 모두 포함, 최근 실적부터 기재',
  '책임자가 최근 5년간 총괄책임자 또는 책임자로 신청중, 수행중, 완료한 과제 기재',
  '진행현황은 "완료", "수행중", "신청중"중 택일',
  'CVPR, ECCV, NeurIPS, ICLR, ICCV, AAAI, ICML, ACL, EMNLP, NAACL',
  '문서내 작성된 작성 가이드는 최종 제출시 삭제 요망',
  '요약서는 1~2 페이지 분량으로 작성',
  '(현재 사용중인 자원 현황 한계를 제시하고',
  '(예: 언어모델 학습/파인튜닝',
  '(필요 GPU 종류, 예상 GPU 장수',
  '(사용할 기반 모델 종류/버전',
  '(ex.',
  'GPU활용률 설정 : 배정된 GPU 자원 대비',
].map(loose);

/** A line of the form's guide: ★ lines, the "삭제할 것" notes, and the guide sentences above. */
export function isGuideLine(line: string): boolean {
  const t = line.trim().replace(/^[-*○ㅇ·•]\s*/, '');
  if (/^★/.test(t) || /^\*?\s*★/.test(t)) return true;
  if (/^※?\s*(작성\s*완료\s*후|최종\s*제출\s*시).*(삭제|요망)/.test(t)) return true;
  const l = loose(t);
  return l.length >= 4 && GUIDE_SENTENCES.some((g) => l.startsWith(g) || (g.length >= 12 && l.includes(g)));
}

/** `신청서 작성요령`, `작성 요령`, `작성요령`: a block of the form's writing guide starts. */
export const isGuideHeading = (line: string): boolean => /^(신청서)?작성요령/.test(loose(line)) || /^과제수행계획서작성요령$/.test(loose(line));

/** The form's words of the 표지 and the title page, which carry no value. */
export const TITLE_PAGE_LINES = ['「첨단 GPU 활용 지원 사업」', '첨단 GPU 활용 지원 사업', '사업수행계획서', '[산 · 학 · 연 신청용]', '산학연 신청용'].map(
  loose,
);

/** Checkbox labels of the 표지, as the form writes them. */
export const FIELD_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['language', '언어모델'],
  ['speech', '음성/오디오'],
  ['vision', '영상/이미지'],
  ['multimodal', '멀티모달'],
  ['industrial', '산업응용'],
];
export const STAGE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['basicResearch', '기초연구'],
  ['modelTraining', '모델개발(학습)'],
  ['inference', '응용개발(추론)'],
  ['dataBuilding', '데이터구축'],
];
export const TARGET_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['modelWeights', '모델 가중치(파라미터) 공개'],
  ['code', '코드 공개'],
  ['trainingData', '학습데이터 공개'],
  ['partial', '일부공개'],
];
export const OPEN_PLATFORM_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['huggingface', 'HuggingFace'],
  ['github', 'Github'],
  ['papersWithCode', 'Papers with Code'],
  ['other', '기타 플랫폼'],
];
export const LICENSE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['MIT', 'MIT License'],
  ['Apache-2.0', 'Apache License 2.0'],
  ['BSD-3-Clause', 'BSD-3'],
  ['CC-BY', 'CC-BY'],
  ['CC0', 'CC0'],
  ['other', '기타 라이선스'],
];
export const PUBLICATION_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['KCI', 'KCI 등재/등재후보'],
  ['ScienceON', 'ScienceON'],
  ['NTIS', 'NTIS'],
  ['DBpia', 'DBpia'],
  ['KISS', 'KISS'],
  ['KoreaScience', 'KoreaScience'],
  ['other', '기타 플랫폼'],
];
export const TYPE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['industry', '산'],
  ['academia', '학'],
  ['research', '연'],
];
export const STATUS_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['completed', '완료'],
  ['ongoing', '수행중'],
  ['applied', '신청중'],
];
export const ACHIEVEMENT_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['rnd', 'R&D'],
  ['paper', '논문'],
  ['patent', '특허'],
  ['techTransfer', '기술이전'],
  ['openSource', '오픈소스'],
  ['gpu', 'GPU 활용'],
  ['award', '수상'],
  ['other', '기타'],
];

/** The key of a label (loosely compared: the label starts the text or the text starts the label). */
export function keyOfLabel(text: string, labels: ReadonlyArray<readonly [string, string]>): string | undefined {
  const t = loose(text);
  if (!t) return undefined;
  const exact = labels.find(([, label]) => loose(label) === t);
  if (exact) return exact[0];
  const starts = labels.filter(([, label]) => t.startsWith(loose(label))).sort((a, b) => b[1].length - a[1].length);
  if (starts.length > 0) return starts[0][0];
  const within = labels.find(([, label]) => t.length >= 2 && loose(label).startsWith(t));
  return within?.[0];
}

/** Marks that mean "this month" in the milestone chart. */
export const MILESTONE_MARK = /^[●■◆★▲◎○OoVv✓✔√]+$|^[-=━─]{1,}$/;

/** The tag that marks text kept for the applicant to review, in the section it came from. */
export const REVIEW_TAG = '[가져오기 검토]';
