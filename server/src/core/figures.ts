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
        ascii: [310, 307, 374, 574, 550, 923, 779, 194, 363, 363, 478, 580, 306, 380, 306, 352, 557, 471, 558, 557, 555, 558, 558, 549, 558, 562, 330, 330, 580, 580, 580, 431, 912, 718, 670, 691, 770, 652, 629, 741, 853, 405, 402, 731, 625, 975, 796, 767, 641, 767, 715, 567, 659, 797, 714, 1053, 700, 687, 605, 344, 352, 344, 580, 563, 435, 557, 638, 538, 629, 546, 388, 566, 663, 332, 311, 607, 334, 974, 661, 596, 638, 607, 462, 473, 367, 653, 548, 838, 564, 552, 498, 374, 316, 374, 580],
        middleDot: 327,
        middleDotLatin: 361,
        doubleQuote: 462,
        singleQuote: 266,
        latin: 546,
      },
      sans: {
        hangul: 920,
        ascii: [280, 323, 475, 555, 555, 921, 680, 279, 338, 338, 467, 555, 279, 348, 279, 393, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 279, 279, 555, 555, 555, 475, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 556],
        middleDot: 561,
        middleDotLatin: 286,
        doubleQuote: 475,
        singleQuote: 279,
        latin: 554,
      },
      sansBold: {
        hangul: 920,
        ascii: [280, 372, 577, 590, 590, 963, 740, 326, 378, 378, 507, 590, 326, 371, 326, 390, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 326, 326, 590, 590, 590, 515, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853, 749, 770, 667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 387, 378, 590, 567, 626, 591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 436, 495, 421, 637, 576, 863, 562, 574, 511, 378, 296, 378, 592],
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
  'gpuplan estimate, calibrated on gpuplan\'s own PDF export (Chromium 150 printing the HTML export, fonts-noto-cjk 20220127) of the 17 plans in test/fixtures/calibration (measured.json; npm run calibrate:pages): the geometry is export/layout.ts and the export/html.ts stylesheet, the glyph widths are those Chromium lays out in that page',
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
