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
    ['GPL', 'LGPL', 'AGPL', 'MPL', 'EPL', 'CC-BY-SA', 'CC-BY-NC', 'CC-BY-ND', 'CC-BY-NC-SA', 'CC-BY-NC-ND', 'BY-SA', 'BY-NC', 'BY-ND', 'BY-NC-SA', 'BY-NC-ND', 'SA', 'NC', 'ND', 'RAIL'] as const,
    'licence names beside the form\'s own (MIT, Apache, BSD, CC-BY, CC0): GNU GPL/LGPL/AGPL, MPL, EPL, the Creative Commons BY/SA/NC/ND family, RAIL (Responsible AI Licenses)',
  ),
  common: sourced(
    ['CPU', 'NPU', 'TPU', 'API', 'SDK', 'URL', 'IT', 'DB', 'JSON', 'CSV', 'XML', 'HTML', 'HTTP', 'HTTPS', 'SQL', 'CEO', 'CTO', 'CFO', 'PM', 'QA', 'UI', 'UX', 'ID', 'OS', 'PC',
      'HBM', 'RAM', 'SSD', 'CT', 'MRI', 'CCTV', 'IoT', 'SNS', 'KPI', 'ROI', 'USB', 'GPS', 'LTE', 'FAQ', 'OTT', 'VR', 'AR', 'RGB', 'TV', 'SaaS', 'PaaS', 'IaaS', 'CUDA'] as const,
    'gpuplan: acronyms so common in plans and everyday Korean that nobody spells them out',
  ),
  units: sourced(
    ['KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'FLOPS', 'GFLOPS', 'TFLOPS', 'PFLOPS', 'EFLOPS', 'TOPS', 'TPS', 'QPS', 'RPS', 'IOPS', 'FPS', 'GHz', 'MHz', 'THz', 'MW', 'GW', 'MWh', 'GWh', 'TWh', 'KRW', 'USD', 'PPM', 'DPI', 'RPM'] as const,
    'SI and computing units (KS X ISO/IEC 80000-13 byte multiples, FLOPS, hertz, watt-hours) and currency codes (ISO 4217)',
  ),
  hardware: sourced(
    ['NVIDIA', 'RTX', 'DGX', 'HGX', 'SXM', 'PCIe', 'NVMe'] as const,
    'names of the GPU hardware the program allocates and plans compare with (NVIDIA HGX H200/B200 servers, SXM and PCIe boards, DGX systems, RTX cards)',
  ),
  companies: sourced(
    ['SK', 'LG', 'KT', 'GS', 'CJ', 'LS', 'HD', 'KB', 'NH', 'DB', 'HL', 'LX', 'DL', 'KG', 'NHN', 'NAVER', 'HMM', 'KCC', 'OCI', 'SPC', 'BGF', 'HDC', 'IBK', 'KDB', 'BNK', 'DGB', 'JB', 'NC', 'SKT', 'LGU', 'BC',
      'KBS', 'MBC', 'SBS', 'EBS', 'JTBC', 'AWS', 'IBM', 'AMD', 'TSMC'] as const,
    'company names written in Latin capitals, alone or attached to Hangul (SK텔레콤, LG전자, KB국민은행, BC카드): the business groups of 공정거래위원회 공시대상기업집단, the financial groups, broadcasters and a few global firms plans cite',
  ),
  organisations: sourced(
    ['NIA', 'IITP', 'KISA', 'KISTI', 'ETRI', 'TTA', 'NRF', 'KEIT', 'KTL', 'KTR', 'KAIST', 'POSTECH', 'UNIST', 'DGIST', 'GIST', 'ISO', 'IEC', 'IEEE', 'ITU', 'FDA', 'WHO', 'OECD', 'EU', 'UN'] as const,
    'names of public bodies and universities of the program\'s ecosystem (과학기술정보통신부 산하 기관, 과학기술원) and international bodies, which are names rather than acronyms to explain',
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
