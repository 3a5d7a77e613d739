/**
 * Program figures of the Advanced GPU Utilization Support Program (「첨단 GPU 활용 지원 사업」).
 *
 * Every number or sentence the rules, the cost model and the renderers depend on lives here, once,
 * with the place it comes from. "form" means the official 사업수행계획서 (2025.12) in
 * shared/template; "notice" means the 25-1차 and 수시 recruitment notices (SPEC §3).
 * Figures marked "gpuplan estimate" are ours, not the program's, and say so in their messages.
 */
import type { GpuType } from './plan/types';

export interface Sourced<T> {
  readonly value: T;
  readonly source: string;
}

const sourced = <T>(value: T, source: string): Sourced<T> => ({ value, source });

export const FORM_VERSION = sourced('2025-12' as const, 'form, cover: 「첨단 GPU 활용 지원 사업」 사업수행계획서 2025. 12.');

export const GPUS_PER_SERVER = sourced(8, 'form, GPU 수요: "* 1서버=8GPU"');

export interface GpuFigures {
  readonly minServers: number;
  readonly maxServers: number;
  /** At or above this many servers the request is a large project (적격성 심사, 현장발표). */
  readonly onsiteReviewServers: number;
  /** 기준단가 per server per month, in KRW. */
  readonly unitPriceWon: number;
  /** Price per GPU per month, for the form's "(400,000원 x 8장)" breakdown. */
  readonly pricePerGpuWon: number;
}

export const GPU_TYPES: Readonly<Record<GpuType, Sourced<GpuFigures>>> = {
  H200: sourced(
    { minServers: 2, maxServers: 32, onsiteReviewServers: 8, unitPriceWon: 3_200_000, pricePerGpuWon: 400_000 },
    'form, 작성요령 GPU 수요 ("H200 16장(서버 2대) ~ 256장(서버 32대)", "H200 64장(서버 8대이상) … 현장발표 필수") and 민간부담금 ("H200 서버 1대당 3,200,000원/월")',
  ),
  B200: sourced(
    { minServers: 2, maxServers: 16, onsiteReviewServers: 4, unitPriceWon: 6_400_000, pricePerGpuWon: 800_000 },
    'form, 작성요령 GPU 수요 ("B200 16장(서버 2대) ~ 128장(서버 16대)", "B200 32장(서버 4대이상) … 현장발표 필수") and 민간부담금 ("B200 6,400,000원/월")',
  ),
};

export const GPU_TYPE_NAMES = Object.keys(GPU_TYPES) as GpuType[];

export const MONTHS = sourced({ min: 3, max: 12 }, 'form, GPU 수요: "최소 3개월~최대 12개월까지 신청가능", "이용개시일로부터 00개월"; 민간부담금: "1개월단위로 산정"');

export const PAGE_BUDGET = sourced(
  { regular: 20, large: 30 },
  'form, 작성요령: "H200 8서버 미만, B200 4서버 미만 20페이지 내외로, H200 8서버 이상, B200 4서버 이상 30페이지 내외 분량으로 작성 (표지, 목차, 붙임 제외)"',
);

export const SUMMARY_MAX_PAGES = sourced(2, 'form, 요약서 작성 요령: "요약서는 1~2 페이지 분량으로 작성"');

/** How the page count is estimated. Not a program figure: our own typesetting approximation. */
export const PAGE_ESTIMATE = sourced(
  {
    /** Characters of Korean text per line of an A4 page at the form's body font size. */
    charsPerLine: 45,
    /** Lines per A4 page in the form's layout. */
    linesPerPage: 38,
    /** Lines a table row takes, on average, in the form's tables. */
    linesPerTableRow: 2,
    /** Lines the fixed chapter and section headings of chapters I–VI take together. */
    headingLines: 70,
    /** Lines the fixed parts of the 요약서 table take (headings, title and applicant rows). */
    summaryFixedLines: 12,
    /** "내외" (about): the estimate may exceed the budget by this share before we warn. */
    tolerance: 0.1,
  },
  'gpuplan estimate, calibrated on the form in HWP at 휴먼명조 13pt with the form\'s margins',
);

export type PayerPolicy = 'full' | 'youthDiscount' | 'exempt';

export const PAYER_POLICY = sourced(
  {
    /** Share of the base amount the applicant pays. */
    industry: { policy: 'full' as PayerPolicy, rate: 1 },
    youthCompany: { policy: 'youthDiscount' as PayerPolicy, rate: 0.5 },
    academia: { policy: 'exempt' as PayerPolicy, rate: 0 },
    research: { policy: 'exempt' as PayerPolicy, rate: 0 },
  },
  '25-1차 and 수시 recruitment notices: 산업계 부담, 청년기업 50% 감면, 학·연 면제 (결과 공개 의무)',
);

export const YOUTH_COMPANY_BORN_ON_OR_AFTER = sourced(
  '1985-12-22',
  'form, 청년기업 여부: "법인기업의 대표가 만39세 이하(1985.12.22. 이후 출생) 출생자인 경우"',
);

/**
 * The middle two digits of a 사업자등록번호 (NNN-**NN**-NNNNN) say what kind of registrant it is.
 * The form's 청년기업 is a 법인기업 (a corporation), so the kind decides whether the discount can apply.
 */
export type RegistrantKind =
  | 'individual'
  | 'individualTaxExempt'
  | 'nonBusiness'
  | 'religiousGroup'
  | 'corporation'
  | 'corporationBranch'
  | 'nonProfitCorporation'
  | 'government'
  | 'foreignCorporation';

export const REGISTRANT_KINDS = sourced(
  [
    { from: 1, to: 79, kind: 'individual' },
    { from: 80, to: 80, kind: 'nonBusiness' },
    { from: 81, to: 81, kind: 'corporation' },
    { from: 82, to: 82, kind: 'nonProfitCorporation' },
    { from: 83, to: 83, kind: 'government' },
    { from: 84, to: 84, kind: 'foreignCorporation' },
    { from: 85, to: 85, kind: 'corporationBranch' },
    { from: 86, to: 88, kind: 'corporation' },
    { from: 89, to: 89, kind: 'religiousGroup' },
    { from: 90, to: 99, kind: 'individualTaxExempt' },
  ] as ReadonlyArray<{ readonly from: number; readonly to: number; readonly kind: RegistrantKind }>,
  '국세청 사업자등록번호 부여 기준 (사업자등록 사무처리규정), 가운데 2자리 개인·법인 구분코드: 개인과세사업자 01~79, 소득세법 제2조제3항의 자(아파트관리사무소 등)·다단계판매원 80, 영리법인의 본점 81·86·87·88, 비영리법인의 본점 및 지점 82, 국가·지방자치단체·지방자치단체조합 83, 외국법인의 본·지점 및 연락사무소 84, 영리법인의 지점 85, 법인이 아닌 종교단체 89, 개인면세사업자 90~99',
);

/** The kinds that are a 법인기업 (a company that is a corporation), as the 청년기업 definition requires. */
export const CORPORATE_COMPANY_KINDS = sourced(
  ['corporation', 'corporationBranch', 'foreignCorporation'] as readonly RegistrantKind[],
  'form, 청년기업 여부: "법인기업의 대표가 …": a for-profit corporation (영리법인 본점·지점, 외국법인); not a sole proprietor (개인사업자), a non-profit corporation (비영리법인) or a public body',
);

/** The kind of registrant a 사업자등록번호 belongs to, from its middle two digits; undefined for an unassigned code (00). */
export function registrantKind(registrationNumber: unknown): RegistrantKind | undefined {
  if (typeof registrationNumber !== 'string') return undefined;
  const match = /^\d{3}-(\d{2})-\d{5}$/.exec(registrationNumber);
  if (!match) return undefined;
  const code = Number(match[1]);
  return REGISTRANT_KINDS.value.find((range) => code >= range.from && code <= range.to)?.kind;
}

/**
 * A period counts as whole months when it is within this many days of them: the form counts
 * 수행기간 and 참여기간 in months ("(○○개월)", "MMDD~MMDD (00)"), and months end on the 28th–31st.
 */
export const MONTH_TOLERANCE_DAYS = sourced(3, 'gpuplan convention: form, V-1 "수행기간 : yyyy.mm.dd.~yyyy.mm.dd.(○ ○ 개월)" and 민간부담금 "1개월단위로 산정"; a period within 3 days of whole months counts as those months');

/**
 * How far the cover's GPU 사용률 may be from what the stages of III-2 add up to (예상 활용률
 * weighted by each stage's GPUs × months, over the allocated GPUs × months), in percentage points.
 */
export const UTILIZATION_TOLERANCE_POINTS = sourced(
  3,
  'gpuplan convention: form, 과제 목표 성과 "GPU 사용률 (필수)" and II-2 "GPU활용률 설정 : 배정된 GPU 자원 대비 실제 활용 비율"; III-2 "예상 활용률(%)"; rounding of the stages\' rates is allowed for',
);

/** 투입인력 m/m and m/y may differ from what 붙임0 adds up to by this much (rounding to one or two decimals). */
export const PERSON_MONTHS_TOLERANCE = sourced(0.05, 'gpuplan convention: form, VI-2 "○ 투입인력 : 총 00 명 ( m/y, m/m)", written to one or two decimals');

export const GOVERNMENT_PROJECT_YEARS = sourced(
  5,
  'form, VI-2 ★ 정부지원과제 수행실적: "책임자가 최근 5년간 총괄책임자 또는 책임자로 신청중, 수행중, 완료한 과제 기재", "최근 실적부터 기재", "진행현황은 "완료", "수행중", "신청중"중 택일"',
);

export const ACHIEVEMENT_YEARS = sourced(3, 'form, VI-3 ★ 주요 실적: "최근 3년 이내 기업(기관)의 AI 연구개발 실적 및 오픈소스 공개이력을 표로 제시"');

/**
 * Degrees as the form writes them, highest first: 학력 is listed "박사, 석사, 학사학위 순", and
 * 붙임0 writes 학위(전공) as "전문학사(경영학)", "학사(컴퓨터공학)", "석사(경영학)". A degree may carry
 * its field or kind in front (공학박사, 법학전문석사) and 수료 or 과정 after it.
 */
export const DEGREES = sourced(
  {
    ranks: [
      { degree: '박사', rank: 4 },
      { degree: '석사', rank: 3 },
      { degree: '학사', rank: 2 },
      { degree: '전문학사', rank: 1 },
    ] as ReadonlyArray<{ readonly degree: string; readonly rank: number }>,
    examples: ['전문학사(경영학)', '학사(컴퓨터공학)', '석사(경영학)'] as readonly string[],
    /** Without a degree: written as such in the 학위 column. */
    none: ['고졸', '해당 없음'] as readonly string[],
  },
  'form, VI-2 ★ "학력: 박사, 석사, 학사학위 순으로 기재"; 붙임0 ★ "학위(전공) 예시 : "전문학사(경영학)", "학사(컴퓨터공학)", "석사(경영학)" 등"',
);

/** Hours counted per month of allocation, for GPU-hours: 30 days × 24 hours. */
export const HOURS_PER_MONTH = sourced(720, 'gpuplan convention: a month of allocation = 30 days × 24 h');

export const ACKNOWLEDGEMENT = sourced(
  '이 성과는 정부(과학기술정보통신부)의 재원으로 “첨단 GPU 활용 지원 사업”으로 지원 받아 수행된 연구임 (과제번호)',
  'form, 작성요령 연구성과물 공개: "※ (국문) 이 성과는 … 수행된 연구임 (과제번호)"',
);

/** The placeholder in the acknowledgement that may be replaced by a concrete project number. */
export const ACKNOWLEDGEMENT_PROJECT_NUMBER = '(과제번호)';

export const REGISTRATION_NUMBER = sourced(
  { weights: [1, 3, 7, 1, 3, 7, 1, 3, 5] as readonly number[] },
  '국세청 사업자등록번호 검증 규칙 (SPEC §4): weights 1,3,7,1,3,7,1,3,5; add ⌊5·d9/10⌋; check = (10 − sum mod 10) mod 10',
);

/**
 * The word a vague phrase starts with ("확장이 가능하다"), underlined with it. Every family's
 * pattern is this optional word followed by the family's ending.
 */
export const VAGUE_LEADING_WORD = String.raw`(?:[가-힣A-Za-z0-9]+\s?)?`;

const vagueFamily = <Id extends string>(id: Id, example: string, ending: RegExp) =>
  ({ id, example, ending, pattern: new RegExp(VAGUE_LEADING_WORD + ending.source, 'gu') }) as const;

/**
 * Vague wording that evaluators read as "impossible" (form, 작성요령: "~를 추진 할 수도 있다,
 * ~이 가능하다, ~을 고려하고 있다 등과 같은 모호한 표현은 선정평가 시 불가능한 것으로 간주").
 * Each family matches its 개조식 variants: `ending` is the vague verb ending itself, `pattern`
 * the whole phrase (the ending with the word before it).
 */
export const VAGUE_EXPRESSIONS = sourced(
  [
    vagueFamily('mayDo', '~를 추진 할 수도 있다', /(?:할|될)\s*수도\s*있(?:다|음|습니다|겠다|겠음|을\s*것(?:이다|임)?)/gu),
    vagueFamily('possible', '~이 가능하다', /(?<!불)가능(?:하다|함|합니다|할\s*것(?:이다|임|으로\s*(?:예상|기대)(?:된다|됨|함)?)?|해질\s*것(?:이다|임)?)(?![가-힣])/gu),
    vagueFamily('considering', '~을 고려하고 있다', /(?:고려|검토)\s*(?:하고\s*있(?:다|음|습니다)|중(?:이다|임|입니다)?(?![가-힣]))/gu),
  ] as const,
  'form, 작성요령 과제수행계획서: "~를 추진 할 수도 있다, ~이 가능하다, ~을 고려하고 있다 등과 같은 모호한 표현"',
);

/** Guide text and placeholders of the form that must not be left in a submitted plan. */
export const TEMPLATE_GUIDE_PATTERNS = sourced(
  [
    { id: 'star', pattern: /★/gu },
    { id: 'guideBox', pattern: /작성\s?요령/gu },
    { id: 'zeros', pattern: /(?<![\d,.:])0{2,}(?![\d,.])%?/gu },
    { id: 'dateMask', pattern: /YYYYMMDD|YYYY\.MM\.DD|yyyy\.mm(?:\.dd)?\.?|'yy\.mm|MMDD/gu },
    { id: 'namePlaceholder', pattern: /ㅇㅇㅇ|○\s?○(?:\s?○)?|△△△|OOO/gu },
    { id: 'guideNote', pattern: /해당시\s?작성|신청시\s?작성\s?불필요|\(예시\)/gu },
    { id: 'emptyParens', pattern: /\(\s+\)/gu },
  ] as const,
  'form: ★ 작성 가이드, 작성요령 boxes ("작성 완료 후 요령은 삭제할 것"), placeholders 000, 00%, YYYYMMDD, yyyy.mm, ㅇㅇㅇ, △△△, ( )',
);

export function gpuFigures(type: unknown): GpuFigures | undefined {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(GPU_TYPES, type)
    ? GPU_TYPES[type as GpuType].value
    : undefined;
}
