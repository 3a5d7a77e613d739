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

export const MONTHS = sourced(
  { min: 3, max: 12 },
  'form, GPU 수요: "최소 3개월~최대 12개월까지 신청가능", "이용개시일로부터 00개월"; 민간부담금: "1개월단위로 산정"',
);

export const PAGE_BUDGET = sourced(
  { regular: 20, large: 30 },
  'form, 작성요령: "H200 8서버 미만, B200 4서버 미만 20페이지 내외로, H200 8서버 이상, B200 4서버 이상 30페이지 내외 분량으로 작성 (표지, 목차, 붙임 제외)"',
);

export const SUMMARY_MAX_PAGES = sourced(2, 'form, 요약서 작성 요령: "요약서는 1~2 페이지 분량으로 작성"');

/**
 * Advance widths of a face's characters in thousandths of an em, as Chromium lays them out in the
 * export's Korean page (measured between Hangul syllables in a lang="ko" document):
 * `ascii` holds U+0020–U+007E in order; Hangul syllables and jamo share one width; other
 * characters from U+1100 on (Chinese, full-width symbols, ①, →, ※) are one em.
 */
export interface FaceWidths {
  readonly hangul: number;
  readonly ascii: readonly number[];
  /** The middle dot between Hangul (법령·판례), and next to a Latin letter or digit (LoRA·QLoRA), where the browser sets it narrower. */
  readonly middleDot: number;
  readonly middleDotLatin: number;
  readonly doubleQuote: number;
  readonly singleQuote: number;
  /** Other characters below U+1100 (accented Latin, Greek, ×, ±): an average. */
  readonly latin: number;
}

/** How the page count is estimated. Not a program figure: our own typesetting approximation. */
export const PAGE_ESTIMATE = sourced(
  {
    /**
     * The faces the HTML export falls back to on Linux (fonts-noto-cjk): Noto Serif CJK KR for
     * the body's prose, Noto Sans CJK KR for headings and tables (bold for headings and labels).
     */
    faces: {
      serif: {
        hangul: 966,
        ascii: [
          310, 307, 374, 574, 550, 923, 779, 194, 363, 363, 478, 580, 306, 380, 306, 352, 557, 471, 558, 557, 555, 558, 558, 549, 558, 562, 330, 330, 580, 580,
          580, 431, 912, 718, 670, 691, 770, 652, 629, 741, 853, 405, 402, 731, 625, 975, 796, 767, 641, 767, 715, 567, 659, 797, 714, 1053, 700, 687, 605, 344,
          352, 344, 580, 563, 435, 557, 638, 538, 629, 546, 388, 566, 663, 332, 311, 607, 334, 974, 661, 596, 638, 607, 462, 473, 367, 653, 548, 838, 564, 552,
          498, 374, 316, 374, 580,
        ],
        middleDot: 327,
        middleDotLatin: 361,
        doubleQuote: 462,
        singleQuote: 266,
        latin: 546,
      },
      sans: {
        hangul: 920,
        ascii: [
          280, 323, 475, 555, 555, 921, 680, 279, 338, 338, 467, 555, 279, 348, 279, 393, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 279, 279, 555, 555,
          555, 475, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338,
          392, 338, 555, 559, 606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521,
          475, 338, 270, 338, 556,
        ],
        middleDot: 561,
        middleDotLatin: 286,
        doubleQuote: 475,
        singleQuote: 279,
        latin: 554,
      },
      sansBold: {
        hangul: 920,
        ascii: [
          280, 372, 577, 590, 590, 963, 740, 326, 378, 378, 507, 590, 326, 371, 326, 390, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 326, 326, 590, 590,
          590, 515, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853, 749, 770, 667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378,
          387, 378, 590, 567, 626, 591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 436, 495, 421, 637, 576, 863, 562, 574,
          511, 378, 296, 378, 592,
        ],
        middleDot: 592,
        middleDotLatin: 300,
        doubleQuote: 577,
        singleQuote: 326,
        latin: 581,
      },
    } satisfies Record<'serif' | 'sans' | 'sansBold', FaceWidths>,
    /**
     * The page and type of the HTML export (export/layout.ts PAGE and SIZES, export/html.ts
     * stylesheet), in millimetres and points: A4 with 20 mm margins on every side.
     */
    page: { widthMm: 170, heightMm: 257 },
    /** Body text: 12 pt, line-height 1.6; a paragraph is followed by 1.2 mm. */
    body: { sizePt: 12, lineHeight: 1.6, paragraphAfterMm: 1.2 },
    /** "※" notes under tables: 10 pt, 1.5 mm before and 3 mm after. */
    note: { sizePt: 10, lineHeight: 1.6, beforeMm: 1.5, afterMm: 3 },
    /** Headings: type size, line height and the margins before and after them. */
    headings: {
      /** `I 과제 개요`: 16 pt on a band with 1.2 mm padding and a 2 px rule, 6 mm after. */
      chapter: { sizePt: 16, lineHeight: 1.4, paddingMm: 1.2, ruleMm: 0.53, beforeMm: 0, afterMm: 6 },
      /** `요 약 서`, `붙임 0`: 18 pt, centred, 6 mm after. */
      part: { sizePt: 18, lineHeight: 1.4, paddingMm: 0, ruleMm: 0, beforeMm: 0, afterMm: 6 },
      /** `1. 과제 목표` */
      section: { sizePt: 14, lineHeight: 1.4, paddingMm: 0, ruleMm: 0, beforeMm: 6, afterMm: 2.5 },
      /** `□ 과제 내용` */
      mark: { sizePt: 13, lineHeight: 1.4, paddingMm: 0, ruleMm: 0, beforeMm: 4, afterMm: 1.5 },
      /** `○ 마일스톤` */
      sub: { sizePt: 12, lineHeight: 1.4, paddingMm: 0, ruleMm: 0, beforeMm: 3, afterMm: 1.5 },
    },
    /**
     * The bullet ladder (export/layout.ts BULLET_INDENT_MM, BULLET_MARKER_MM): indent and marker
     * width of levels 1–5; a counted marker of three characters (`10)`, `가2)`) widens its level by
     * 2.5 mm; in table cells everything is 0.75 as wide. 0.8 mm between items, 1.5 mm after a list.
     */
    bullets: { indentMm: [0, 5, 10, 14, 18], markerMm: [6, 7.5, 4.5, 4, 4], wideMarkerMm: 2.5, cellScale: 0.75, itemAfterMm: 0.8, listAfterMm: 1.5 },
    /**
     * Tables: 1 mm before, 3 mm after; cells of 10 pt (dense tables, the milestone chart: 9 pt)
     * with their padding, paragraphs at line-height 1.35 (dense 1.25) 0.5 mm apart, bullets at the
     * body's 1.6, and 0.75 pt rules.
     */
    table: {
      beforeMm: 1,
      afterMm: 3,
      ruleMm: 0.2646,
      cell: { sizePt: 10, lineHeight: 1.35, bulletLineHeight: 1.6, paddingTopMm: 1.2, paddingSideMm: 1.5, paragraphGapMm: 0.5 },
      dense: { sizePt: 9, lineHeight: 1.25, bulletLineHeight: 1.6, paddingTopMm: 0.6, paddingSideMm: 0.8, paragraphGapMm: 0.5 },
    },
    /** The browser's defaults for breaking a paragraph across pages: at least 2 lines on each side. */
    orphans: 2,
    widows: 2,
    /** "내외" (about): the estimate may exceed the budget by this share before we warn. */
    tolerance: 0.1,
  },
  "gpuplan estimate, calibrated on gpuplan's own PDF export (Chromium 150 printing the HTML export, fonts-noto-cjk 20220127) of the 17 plans in test/fixtures/calibration (measured.json; npm run calibrate:pages): the geometry is export/layout.ts and the export/html.ts stylesheet, the glyph widths are those Chromium lays out in that page",
);

export type PayerPolicy = 'full' | 'youthDiscount' | 'exempt';

/** How much of the base amount one kind of applicant pays. */
export interface PayerRule {
  readonly policy: PayerPolicy;
  /** Share of the base amount the applicant pays. */
  readonly rate: number;
}

export const PAYER_POLICY = sourced<Readonly<Record<'industry' | 'youthCompany' | 'academia' | 'research', PayerRule>>>(
  {
    industry: { policy: 'full', rate: 1 },
    youthCompany: { policy: 'youthDiscount', rate: 0.5 },
    academia: { policy: 'exempt', rate: 0 },
    research: { policy: 'exempt', rate: 0 },
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
export const MONTH_TOLERANCE_DAYS = sourced(
  3,
  'gpuplan convention: form, V-1 "수행기간 : yyyy.mm.dd.~yyyy.mm.dd.(○ ○ 개월)" and 민간부담금 "1개월단위로 산정"; a period within 3 days of whole months counts as those months',
);

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

/**
 * Every Hangul syllable with the final consonant ㄹ (할, 될, 줄일, 높일 …): the future modifier
 * before "수 있다" and "전망", as a character class.
 */
export const RIEUL_FINAL = `[${Array.from({ length: 19 * 21 }, (_, i) => String.fromCharCode(0xac00 + i * 28 + 8)).join('')}]`;

/** Where a predicate ends: no word character follows (가능함 but not 가능한, 검토 중 but not 검토 중인). */
const PREDICATE_END = String.raw`(?![가-힣A-Za-z0-9])`;
/** A bare noun as the predicate ("확장 가능", "지원 검토 중"): the end, or punctuation, follows. */
const BARE_END = String.raw`(?=\s*(?:$|[.,;:!?)\]」』”’"'…(]))`;
/** "~ㄹ 것임", "~ㄹ 것으로 예상됨": a future stated, or guessed. */
const FUTURE = String.raw`것(?:임|이다|입니다|으로\s*(?:(?:예상|예측|전망|판단|기대)(?:됨|된다|됩니다|되며)|보(?:임|인다|입니다|이며|여짐|여진다)))?`;

const vagueFamily = <Id extends string>(id: Id, example: string, ending: string) =>
  ({ id, example, ending: new RegExp(ending, 'gu'), pattern: new RegExp(`${VAGUE_LEADING_WORD}(${ending})`, 'gu') }) as const;

/**
 * Vague wording that evaluators read as "impossible" (form, 작성요령: "~를 추진 할 수도 있다,
 * ~이 가능하다, ~을 고려하고 있다 등과 같은 모호한 표현은 선정평가 시 불가능한 것으로 간주").
 * Each family matches its 개조식 endings: `ending` is the vague ending itself, `pattern` the
 * whole phrase (the word before it, then the ending as group 1). What the patterns cannot tell (a risk, a
 * quoted forecast, review as a task) the rule reads in prose/vague.ts.
 *  - mayDo: ~할 수(도) 있다/있음/있으며/있을 것, and the guesses of the same meaning:
 *    ~것으로 예상됨/예측됨/판단됨/보임/전망됨, ~이 예상됨, ~다고 판단됨, ~할 전망.
 *  - possible: 가능하다, 가능함, 가능하겠음, 가능하며, 가능해짐, 가능할 것(으로 예상됨), bare "~ 가능";
 *    not 불가능, 가능한, 가능성, 가능하도록, 가능 여부.
 *  - considering: 고려하고 있다, 고려 중, 검토 중(이며), 검토 예정, 검토할 계획, 검토할 필요가 있음, 검토함;
 *    not 검토 중 발견된, 검토 의견, 고려하여.
 */
export const VAGUE_EXPRESSIONS = sourced(
  [
    vagueFamily(
      'mayDo',
      '~를 추진 할 수도 있다',
      String.raw`(?:${RIEUL_FINAL}\s*수\s*(?:도\s*)?있(?:다|음|습니다|으며|고|을\s*(?:${FUTURE}|전망(?:임|이다)?))|(?:것으로\s*)?(?:예상|예측|전망)(?:됨|된다|됩니다|되며)|것으로\s*(?:판단|사료)(?:됨|된다|됩니다|되며)|것으로\s*보(?:임|인다|입니다|이며|여짐|여진다)|다고\s*(?:판단|예상|전망)(?:됨|된다|됩니다)|${RIEUL_FINAL}\s*전망(?:임|이다|입니다)?)${PREDICATE_END}`,
    ),
    vagueFamily(
      'possible',
      '~이 가능하다',
      String.raw`(?<!불)가능(?:(?:하다|함|합니다|하겠음|하겠다|하겠습니다|하며|하고|하여|해짐|해진다|해집니다|해지며|(?:할|해질)\s*(?:${FUTURE}|전망(?:임|이다)?)|하다고\s*(?:판단|예상|전망)(?:됨|된다|됩니다|함))${PREDICATE_END}|${BARE_END})`,
    ),
    vagueFamily(
      'considering',
      '~을 고려하고 있다',
      String.raw`(?:고려|검토)\s*(?:(?:하고\s*있(?:다|음|습니다|으며|고)|중(?:이다|임|입니다|이며|이고|이나|이므로)|(?:할\s*)?(?:예정|계획)(?:이다|임|입니다|이며)?|할\s*필요가?\s*있(?:다|음|습니다)|함|한다|합니다|하겠음|하겠다|하겠습니다)${PREDICATE_END}|중${BARE_END})`,
    ),
  ] as const,
  'form, 작성요령 과제수행계획서: "~를 추진 할 수도 있다, ~이 가능하다, ~을 고려하고 있다 등과 같은 모호한 표현은 선정평가 시 불가능한 것으로 간주"; the 개조식 endings of the same meaning (issue 12)',
);

/**
 * Words in Latin capitals that `abbreviation-undefined` never asks to spell out, by where they
 * come from. The form asks for acronyms to be written with their full name ("약어는 풀네임도
 * 함께 표기"); these are names or words every reader of a plan knows. Users add their own in the
 * `gpuplan.abbreviations.allowlist` setting.
 */
export const KNOWN_ACRONYMS = {
  form: sourced(
    ['AI', 'GPU', 'HWP', 'PDF', 'MIT', 'BSD', 'CC', 'CC-BY', 'BY', 'KCI', 'NTIS', 'KISS', 'KOLAS', 'NIPA', 'ICT', 'SW', 'HW'] as const,
    'form: 과제 결과물 공개 계획 ("MIT License", "BSD-3", "CC-BY", "CC0", "HuggingFace", "Github", "KCI 등재", "NTIS", "DBpia", "KISS", "ScienceON", "KoreaScience"), 성과 지표 ("한국인정기구(KOLAS)"), 작성요령 ("HWP/PDF 파일"), the addressee "정보통신산업진흥원" (NIPA)',
  ),
  conferences: sourced(
    ['CVPR', 'ECCV', 'NeurIPS', 'ICLR', 'ICCV', 'AAAI', 'ICML', 'ACL', 'EMNLP', 'NAACL'] as const,
    'form, 주요 실적: "AI분야 10대 학회* … * CVPR, ECCV, NeurIPS, ICLR, ICCV, AAAI, ICML, ACL, EMNLP, NAACL"',
  ),
  licences: sourced(
    [
      'GPL',
      'LGPL',
      'AGPL',
      'MPL',
      'EPL',
      'CC-BY-SA',
      'CC-BY-NC',
      'CC-BY-ND',
      'CC-BY-NC-SA',
      'CC-BY-NC-ND',
      'BY-SA',
      'BY-NC',
      'BY-ND',
      'BY-NC-SA',
      'BY-NC-ND',
      'SA',
      'NC',
      'ND',
      'RAIL',
    ] as const,
    "licence names beside the form's own (MIT, Apache, BSD, CC-BY, CC0): GNU GPL/LGPL/AGPL, MPL, EPL, the Creative Commons BY/SA/NC/ND family, RAIL (Responsible AI Licenses)",
  ),
  common: sourced(
    [
      'CPU',
      'NPU',
      'TPU',
      'API',
      'SDK',
      'URL',
      'IT',
      'DB',
      'JSON',
      'CSV',
      'XML',
      'HTML',
      'HTTP',
      'HTTPS',
      'SQL',
      'CEO',
      'CTO',
      'CFO',
      'PM',
      'QA',
      'UI',
      'UX',
      'ID',
      'OS',
      'PC',
      'HBM',
      'RAM',
      'SSD',
      'CT',
      'MRI',
      'CCTV',
      'IoT',
      'SNS',
      'KPI',
      'ROI',
      'USB',
      'GPS',
      'LTE',
      'FAQ',
      'OTT',
      'VR',
      'AR',
      'RGB',
      'TV',
      'SaaS',
      'PaaS',
      'IaaS',
      'CUDA',
    ] as const,
    'gpuplan: acronyms so common in plans and everyday Korean that nobody spells them out',
  ),
  units: sourced(
    [
      'KB',
      'MB',
      'GB',
      'TB',
      'PB',
      'EB',
      'FLOPS',
      'GFLOPS',
      'TFLOPS',
      'PFLOPS',
      'EFLOPS',
      'TOPS',
      'TPS',
      'QPS',
      'RPS',
      'IOPS',
      'FPS',
      'GHz',
      'MHz',
      'THz',
      'MW',
      'GW',
      'MWh',
      'GWh',
      'TWh',
      'KRW',
      'USD',
      'PPM',
      'DPI',
      'RPM',
    ] as const,
    'SI and computing units (KS X ISO/IEC 80000-13 byte multiples, FLOPS, hertz, watt-hours) and currency codes (ISO 4217)',
  ),
  hardware: sourced(
    ['NVIDIA', 'RTX', 'DGX', 'HGX', 'SXM', 'PCIe', 'NVMe'] as const,
    'names of the GPU hardware the program allocates and plans compare with (NVIDIA HGX H200/B200 servers, SXM and PCIe boards, DGX systems, RTX cards)',
  ),
  companies: sourced(
    [
      'SK',
      'LG',
      'KT',
      'GS',
      'CJ',
      'LS',
      'HD',
      'KB',
      'NH',
      'DB',
      'HL',
      'LX',
      'DL',
      'KG',
      'NHN',
      'NAVER',
      'HMM',
      'KCC',
      'OCI',
      'SPC',
      'BGF',
      'HDC',
      'IBK',
      'KDB',
      'BNK',
      'DGB',
      'JB',
      'NC',
      'SKT',
      'LGU',
      'BC',
      'KBS',
      'MBC',
      'SBS',
      'EBS',
      'JTBC',
      'AWS',
      'IBM',
      'AMD',
      'TSMC',
    ] as const,
    'company names written in Latin capitals, alone or attached to Hangul (SK텔레콤, LG전자, KB국민은행, BC카드): the business groups of 공정거래위원회 공시대상기업집단, the financial groups, broadcasters and a few global firms plans cite',
  ),
  organisations: sourced(
    [
      'NIA',
      'IITP',
      'KISA',
      'KISTI',
      'ETRI',
      'TTA',
      'NRF',
      'KEIT',
      'KTL',
      'KTR',
      'KAIST',
      'POSTECH',
      'UNIST',
      'DGIST',
      'GIST',
      'ISO',
      'IEC',
      'IEEE',
      'ITU',
      'FDA',
      'WHO',
      'OECD',
      'EU',
      'UN',
    ] as const,
    "names of public bodies and universities of the program's ecosystem (과학기술정보통신부 산하 기관, 과학기술원) and international bodies, which are names rather than acronyms to explain",
  ),
  names: sourced(['vLLM', 'iOS'] as const, 'names of software written like acronyms'),
};

/** Guide text and placeholders of the form that must not be left in a submitted plan. */
export const TEMPLATE_GUIDE_PATTERNS = sourced(
  [
    { id: 'star', pattern: /★/gu },
    { id: 'guideBox', pattern: /작성\s?요령/gu },
    { id: 'zeros', pattern: /(?<![\d,.:])0{2,}(?![\d,.])%?/gu },
    { id: 'dateMask', pattern: /YYYYMMDD|YYYY\.MM\.DD|yyyy\.mm(?:\.dd)?\.?|'yy\.mm|MMDD/gu },
    { id: 'namePlaceholder', pattern: /ㅇㅇㅇ|○\s?○(?:\s?○)?|△△△|OOO/gu },
    { id: 'guideNote', pattern: /해당시\s?작성|신청시\s?작성\s?불필요|\(예시\)|사업자등록증상\s?주소/gu },
    { id: 'emptyParens', pattern: /\(\s+\)/gu },
  ] as const,
  'form: ★ 작성 가이드, 작성요령 boxes ("작성 완료 후 요령은 삭제할 것"), placeholders 000, 00%, YYYYMMDD, yyyy.mm, ㅇㅇㅇ, △△△, ( ), "★사업자등록증상 주소" (VI-1)',
);

/**
 * The placeholders gpuplan itself writes: the snippets and Insert Section (the schema's
 * defaultSnippets) and New Plan (examples/skeleton.gpuplan.json). A text placeholder is written
 * between 〔 〕 ("〔대표자 성명〕", and the quick fixes' "〔기한〕", "〔수량〕", "〔풀네임〕"); a value
 * that must pass the schema is a sample nobody has: an address at a reserved domain
 * (RFC 2606: example.com/.org/.net, .example, .test, .invalid), the 1234-5678 telephone number,
 * the registration number 123-45-67891 and the date 1900-01-01.
 */
export const PROJECT_PLACEHOLDERS = sourced(
  [
    { id: 'projectPlaceholder', pattern: /〔[^〔〕\n"]{1,40}〕/gu },
    {
      id: 'sampleEmail',
      pattern:
        /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*(?:example\.(?:com|org|net)|[A-Za-z0-9-]+\.(?:example|test|invalid))(?![A-Za-z0-9.-])/gu,
    },
    { id: 'samplePhone', pattern: /(?<!\d)0\d{1,2}-(?:1234-5678|0000-0000)(?!\d)/gu },
    { id: 'sampleNumber', pattern: /(?<!\d)123-45-67891(?!\d)/gu },
    { id: 'sampleDate', pattern: /(?<!\d)1900-01-01(?!\d)/gu },
  ] as const,
  'gpuplan: schemas/gpuplan.schema.json defaultSnippets (snippets, Insert Section) and examples/skeleton.gpuplan.json (New Plan); RFC 2606 reserved domain names',
);

/**
 * The form's guide sentences: every ★ line and its continuation, the 요약서 guide lines and the
 * sentences of its 작성요령 boxes, as the form writes them. A plan that keeps one, with or
 * without its ★, still carries the form's instructions instead of its own content
 * ("본 작성요령 및 양식 내 유의사항 문구(파란색 텍스트)는 제출 전 삭제"), one entry per line
 * of the form. The required acknowledgement sentence and the pledge are not guide text, and
 * "★ 정부지원과제 수행실적 :" is the name of a table of the form (its ★ is reported alone).
 */
export const FORM_GUIDE_SENTENCES = sourced(
  (
    [
      ['I-1 과제 목표', '국가 AI컴퓨팅 자원을 활용하는 연구과제에 대한 개괄적인 설명과 과제의 핵심 목표가 무엇인지 기술'],
      ['I-1 과제 내용', '연구개발하는 서비스/모델의 개요 및 상세 설명, 적용대상 등'],
      ['I-1 차별성', '제안하는 AI 개발 모델과 관련된 과거 유사 서비스(타사 서비스 포함)와 비교 또는 기존 연구와의 차별성 제시'],
      ['I-1 차별성', 'AI 서비스/모델 개발 및 연구 분야의 명확성, 혁신성 및 도전성 기술'],
      ['I-2 지원 필요성', '국가 AI컴퓨팅 자원이 왜 필요한지 추진배경과 당위성을 기술'],
      ['I-2 지원 필요성', '(현재 사용중인 자원 현황 한계를 제시하고, 국가 AI컴퓨팅 자원이 필요한 이유와 중요성 등에 대하여 기술)'],
      [
        'II-1 과제 추진 현황',
        '현재까지 완료된 주요 과업 진척률, 확보된 데이터 형태 및 규모, 수급계획 등, 모델/서비스 개발 및 GPU 활용준비도, 핵심 인력 구성 및 역할 등 GPU 자원 활용을 위한 연구 환경 및 인프라 구축 현황 기재',
      ],
      ['II-1 상세 수행내용', '국가 AI컴퓨팅 자원을 활용하여 개발하고자 하는 AI 모델·서비스의 주요 기능 및 연구 범위 설명'],
      ['II-1 상세 수행내용', '현재 개발 수준과 국가 AI컴퓨팅 GPU자원을 통해 추가로 개발하려는 내용 기재'],
      ['II-1 상세 수행내용', 'GPU로 수행하려는 작업 유형'],
      ['II-1 상세 수행내용', '(예: 언어모델 학습/파인튜닝, 멀티모달 모델 학습, 알고리즘 검증, 모델 고도화 등)'],
      ['II-1 상세 수행내용', '구체적 연구개발 계획(가능하면 정량)'],
      ['II-1 상세 수행내용', '(필요 GPU 종류, 예상 GPU 장수(서버수), 총 GPU시간, 사용 기간(예: 학습/검증 등 사용 비율))'],
      ['II-1 상세 수행내용', '과제 수행 시 활용하는 모델'],
      [
        'II-1 상세 수행내용',
        '(사용할 기반 모델 종류/버전(Llama 3 등)과 활용 알고리즘, 학습/튜닝/데이터 활용 방식 등, 어떤 모델을 어떤 전략으로 학습/튜닝할 건지 기술)',
      ],
      ['II-2 최종 성과 목표', '국가 AI컴퓨팅 자원 활용을 통해 최종 이루기 위한 정량적, 정성적 목표 기재'],
      ['II-2 최종 성과 목표', '(ex. 연구/개발 단계의 진척률 목표설정 : 현재 00% → 최종 00% 지표,'],
      ['II-2 최종 성과 목표', 'GPU활용률 설정 : 배정된 GPU 자원 대비 실제 활용 비율 등 설정)'],
      ['II-2 최종 성과 목표', 'As-is/To-be가 명확히 드러나도록 기대되는 예상 성과 부분을 기술'],
      ['II-2 최종 성과 목표', '(ex. 모델 정확성 00% 향상, 서비스 응답속도 00% 개선 등)'],
      ['II-2 최종 성과 목표', 'GPU 자원 활용 이후, 연구/개발 과제의 성능을 정량적으로 측정할 수 있는 지표 설정'],
      ['II-2 최종 성과 목표', '(ex. 연구/개발 모델의 추론 능력, 문맥 파악 능력, HuggingFace리더보드 성능지표 등)'],
      ['II-2 성과 지표 설정 근거', '해당 과제의 성과를 측정하기 위한 방안 및 타당성 제시'],
      ['II-2 성과 지표 설정 근거', '(ex. 공인기관(한국인정기구(KOLAS) 등)으로부터 성능 검증 등)'],
      ['III-1 GPU 활용 규모', 'GPU 요청 규모의 적정성(노드 수, GPU 장수 등)을 과제의 데이터 처리량, 모델 복잡도와 연계해 제시'],
      ['III-2 GPU 단계별 활용 계획', 'GPU 자원을 활용하는 단계별 목적(예: 모델 사전학습, 파인튜닝, 검증·운영 등)에 따라 구체적으로 작성'],
      ['III-2 GPU 단계별 활용 계획', '각 단계별 GPU 자원 투입 시기, 사용량(노드·장 수), 예상 활용률(%)을 표로 제시'],
      ['III-2 GPU 단계별 활용 계획', '아래 예시 표 형식을 참고하여 작성'],
      ['III-3 민간부담금', 'H200 서버 1대당 3,200,000원/월, B200 6,400,000원/월 기준으로 산정'],
      ['III-3 민간부담금', 'GPU는 서버단위로 신청하며 GPU종류별 단가를 확인 후 규모를 산출하여야 하며, 1개월단위로 산정'],
      ['III-3 민간부담금', '민간부담금은 선정통지 이후 사용개시일 이전 지정 계좌로 입금하여야 함'],
      ['IV-1 활용 세부 계획', '본 과제 진행 or 종료 후 산출물의 활용 확대 방안, 서비스 상용화 계획, 추가 연구 개발 연계 계획'],
      ['IV-1 활용 세부 계획', '제안하는 과제의 적용확산 등의 홍보를 위한 계획을 기술'],
      ['IV-2 서비스 확산 계획', '타 서비스 연계 계획이나 응용 확산 계획'],
      ['IV-2 서비스 확산 계획', '해당 모델의 기능 발전계획 및 타 시스템과의 융합 및 통합연동, 표준화 등 계획 포함하여 기술'],
      ['IV-2 서비스 확산 계획', '지원 종료 이후, 본 모델의 안정적인 운영 및 확산을 위해 확대 개발, 운영계획 등을 포함하여 기술 (GPU자원 확보 전략 포함)'],
      ['IV-3 오픈소스 공개 계획', '오픈소스 활용, 공개 범위 계획(가중치, 학습코드 등), 공개 플랫폼, 배포 라이선스 등 제시'],
      ['IV-3 연구 성과물 공개 계획', '논문 등 연구결과에 대한 국내외 학술지, 논문 게재사이트 등 공개 계획 제시'],
      ['V-2 추진체계', '본 사업을 효율적으로 추진하기 위한 수행 체계도 및 조직별 역할 명시'],
      ['V-2 추진체계', '신청과제를 원활히 추진하기 위한 내부 추진체계를 설명'],
      ['V-3 주요 산출물', '과제 수행단계별로 작성되는 산출물의 내역과 산출 시기 등을 세부적으로 제시'],
      ['V-4 기대 효과', 'GPU활용 지원을 통한 연구·개발의 성과가 기술·사회·경제·산업 전반에 미치는 파급 효과 및 기여 정도를 구체적으로 기재'],
      ['V-4 기대 효과', '목표 성과가 글로벌 수준의 기술 경쟁력 확보, 해외 확산 가능성, 국제협력·표준화 기여 등 글로벌 파급효과 작성'],
      ['V-4 기대 효과', 'AI기술 사업화 가능성, 산업 생산성 향상, 이용자 편익 증대 등 정량·정성적 기대효과를 제시'],
      ['V-4 기대 효과', '차세대 AI 인력 양성 기여 가능성 및 AI 기술사업화 가능성 등'],
      ['V-4 기대 효과', '과제 결과물의 활용 대상(스타트업, 중소기업 육성 및 지역균형 발전 등) 기여가 예상 되는 부분을 구체적으로 제시'],
      ['VI-2 참여인력 현황', '학력: 박사, 석사, 학사학위 순으로 기재, 경력: 최근 순으로 기재'],
      ['VI-2 참여인력 현황', '총괄책임자 및 기관 실적 모두 포함, 최근 실적부터 기재'],
      ['VI-2 참여인력 현황', '책임자가 최근 5년간 총괄책임자 또는 책임자로 신청중, 수행중, 완료한 과제 기재'],
      ['VI-2 참여인력 현황', '진행현황은 "완료", "수행중", "신청중"중 택일'],
      ['VI-3 주요 실적', '최근 3년 이내 기업(기관)의 AI 연구개발 실적 및 오픈소스 공개이력을 표로 제시'],
      ['VI-3 주요 실적', '최근 3년 이내 AI 연구개발 관련 수행한 국가-민간 R&D 과제, 논문, 특허, 기술이전, GPU 활용 연구성과 등 구체적으로 제시'],
      [
        'VI-3 주요 실적',
        '주요 AI연구 및 개발 실적을 작성 연구실적의 경우 AI분야 10대 학회 위주로 작성하되, 이외에 각 분야에서 최고수준으로 인정받는 학회 및 저널의 경우, 관련 근거를 포함하여 제시 필요',
      ],
      [
        'VI-3 주요 실적',
        '오픈소스 모델 공개이력 보유 시 : 공개한 모델명, 링크 및 공개된 모델을 리더보드에 올렸을 때 리더보드 실적, 실적 달성 일자 등의 핵심 지표와 정보를 기재',
      ],
      ['VI-4 미래 성장가능성', '본 과제 지원 등으로 인해 제안기관이 달성하고자하는 비전 등 미래상'],
      ['붙임0 투입 인력 현황', '본 사업 수행을 위해 투입되는 인력에 한하여 기입 (자체운영비에 포함되는 인력)'],
      ['붙임0 투입 인력 현황', '학위(전공) 예시 : "전문학사(경영학)", "학사(컴퓨터공학)", "석사(경영학)" 등'],
      ['요약서 작성 요령', '문서내 작성된 작성 가이드는 최종 제출시 삭제 요망'],
      ['요약서 작성 요령', '요약서는 1~2 페이지 분량으로 작성, 각 항목 작성 시 평가항목, 수행계획서 내용을 고려하여 작성'],
      ['요약서 3. 과제 개요', '본 사업수행을 통해 실현, 완성하고자 하는 과제 목표 및 지원 필요성 작성'],
      ['요약서 4. 과제 주요 내용', '목표를 달성하기 위한 과제의 사업범위 및 주요 추진과업 내용을 요약'],
      ['요약서 5. GPU 자원 활용 계획', '국가컴퓨팅 자원의 활용 규모와 사업기간별 연구개발 사용 계획'],
      ['요약서 6. 활용 확산 추진 방안', '국가컴퓨팅 자원 활용 지원을 통해 획득한 결과를 어떻게 활용하고 확산 할 것인지 요약'],
      ['요약서 7. 기대효과', '본 과제를 통해 산업 효율성 제고, 서비스 확산에의 기여, 시장확대, 관련기업 육성 등 국가적 차원에서의 제반 기대효과를 제시'],
      ['작성요령', '작성 완료 후 요령은 삭제할 것'],
      [
        '작성요령 — 효력',
        '사업수행계획서에 제시된 내용은 협약서에 명시하지 않더라도 협약서의 일부로 동일한 효력을 가지며, 협약서에 명시된 경우에는 협약서의 내용이 우선함',
      ],
      ['작성요령 — 효력', '사업수행계획서의 내용은 평가결과 또는 전담기관의 요청에 따라 수정될 수 있음'],
      [
        '작성요령 — 효력',
        '전담기관은 관련된 자료를 추가로 요청할 수 있으며, 요청 시 관련된 자료를 추가로 제출해야하며, 이에 따라 제출된 자료는 사업수행계획서와 동일한 효력을 가짐',
      ],
      ['작성요령 — 공통', '양식(표 등), 제목, 순서 등 삭제 및 수정 불가 (해당 없는 항목은 “해당 없음” 명기)'],
      ['작성요령 — 공통', '글자체 및 글자크기 변경 불가 (양식상 주어진 형식을 따르며, 자간 및 장평은 조정 가능)'],
      ['작성요령 — 공통', '기관장(날인)란은 직인 또는 법인인감 날인, 총괄책임자 (서명)란은 정자체로 서명'],
      ['작성요령 — 공통', '사업공고 및 공모안내서를 필히 참고하여 사업신청서를 작성후 신청 요망'],
      ['작성요령 — 공통', '과제신청 시 사업수행계획서는 HWP/PDF 파일 2종 제출하며, 첨부파일과 압축하여 1개 파일로 제출'],
      ['작성요령 — 과제수행계획서', '제시된 사업수행계획서 목차 및 사업수행계획서 작성지침을 준용하여 각각 세분하여 누락 없이 제안서를 작성하여야 함'],
      ['작성요령 — 과제수행계획서', '‘평가항목 및 배점표’를 참고하여 평가항목에 대한 모든 내용이 사업수행계획서에 포함되도록 작성'],
      [
        '작성요령 — 과제수행계획서',
        '개조식으로 작성하며, 수행계획서 본문은 H200 8서버 미만, B200 4서버 미만 20페이지 내외로, H200 8서버 이상, B200 4서버 이상 30페이지 내외 분량으로 작성',
      ],
      ['작성요령 — 과제수행계획서', '쉽게 이해할 수 있도록 전문용어는 주석처리 (약어는 풀네임도 함께 표기)'],
      ['작성요령 — 과제수행계획서', '외부 자료(표, 이미지, 그래프 등) 사용시 출처 명기'],
      ['작성요령 — 과제수행계획서', '유사 과제를 사전 조사하여 중복되지 않도록 작성 (타 과제 결과물 활용시 출처 명기)'],
      ['작성요령 — 과제수행계획서', '신청기업(관) 명칭과 주소는 사업자등록증(고유번호증)과 동일하게 기재'],
      [
        '작성요령 — 과제수행계획서',
        '사업수행계획서의 내용은 명확한 용어를 사용해서 표현하며, ~를 추진 할 수도 있다, ~이 가능하다, ~을 고려하고 있다 등과 같은 모호한 표현은 선정평가 시 불가능한 것으로 간주하며, 계량화가 가능한 것은 계량화하여야 함',
      ],
      ['작성요령 — 과제수행계획서', '사업수행계획서 내용을 객관적으로 입증할 수 있는 관련 자료는 사업수행계획서의 별첨으로 제출하여야 함'],
      ['신청서 작성요령', '신청하는 기업(기관)이 본 사업을 통해 수행하려는 연구개발과제의 명칭을 기재'],
      ['신청서 작성요령', '기업일 경우 사업자번호, 학·연은 고유번호 기재'],
      ['신청서 작성요령', '실제 할당되는 GPU 자원 배정 물량/활용신청기간은 사업의 상황에 따라 변경·조정될 수 있음'],
      ['신청서 작성요령 — 오픈소스 공개대상', '과제 수행 결과로 얻은 최종/주요 모델의 가중치 파일을 외부에 공개'],
      ['신청서 작성요령 — 오픈소스 공개대상', '데이터 전처리 · 모델 학습 · 검증 등 학습 파이프라인 전체 또는 주요 부분의 소스코드를 공개'],
      ['신청서 작성요령 — 오픈소스 공개대상', '학습된 모델을 활용하기 위한 추론(서빙) 코드, 예제 스크립트, API 예제 코드 등을 공개 계획'],
      ['신청서 작성요령 — 오픈소스 공개대상', '학습에 사용한 데이터셋의 전부 또는 일부를 외부에 재사용 가능하도록 공개 할 계획'],
      [
        '신청서 작성요령 — 오픈소스 공개대상',
        '위 항목 중 일부만 제한적으로 공개하거나, 특정 조건/범위에서만 공개 할 계획이 있을 때 체크하고, 괄호 안에 구체적으로 작성',
      ],
      ['신청서 작성요령 — 오픈소스 공개대상', '계획에 따른 실행여부는 중간점검과 결과평가 시 확인 예정'],
      ['신청서 작성요령 — 연구성과물 공개', '연구성과물을 국내·외 전문 학술지/논문 공개 사이트에 공개할 경우, 게재된 해당 사이트 기재'],
      [
        '신청서 작성요령 — 연구성과물 공개',
        '연구결과 발표 및 논문 투고시 국가 AI컴퓨팅 자원을 통해 지원받은 사실을 밝혀야 함. 특히, 논문의 아래 사사 명기가 필수임',
      ],
    ] as const
  ).map(([place, text]) => ({ place, text })),
  'form (2025.12): the ★ lines of I–VI and 붙임0 with their continuations, the 요약서 작성 요령 and its guide lines (*), the 작성요령 box and the 신청서 작성요령',
);

export function gpuFigures(type: unknown): GpuFigures | undefined {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(GPU_TYPES, type) ? GPU_TYPES[type as GpuType].value : undefined;
}
