/**
 * The shape of a `*.gpuplan.json` file, as TypeScript types.
 *
 * `schemas/gpuplan.schema.json` is the normative definition (it drives validation, completion and
 * hover); these types mirror it so that rules, the cost model and the renderers can read a plan
 * that has passed (or partly passed) validation. Every field is optional here because rules run on
 * incomplete documents too: a rule must never assume a value exists or has the right type.
 *
 * Paths follow SPEC §2. Comments give the form's label.
 */

/** A bullet of a `Text`: a string, or a string with nested bullets (form ladder 1> 가> ㅇ> -> ·). */
export type Bullet = string | { text?: string; items?: Bullet[] };
/** 개조식 text: a paragraph, or a list of bullets (at most 5 levels deep). */
export type Text = string | Bullet[];

/** `YYYY-MM-DD` */
export type IsoDate = string;
/** `YYYY-MM` */
export type IsoMonth = string;

export type ApplicantType = 'industry' | 'academia' | 'research';
export type GpuType = 'H200' | 'B200';
export type ResearchField = 'language' | 'speech' | 'vision' | 'multimodal' | 'industrial' | 'other';
export type ResearchStage = 'basicResearch' | 'modelTraining' | 'inference' | 'dataBuilding';
export type OpenSourceTarget = 'modelWeights' | 'code' | 'trainingData' | 'partial';
export type CodeScope = 'training' | 'inference';
export type OpenSourcePlatform = 'huggingface' | 'github' | 'papersWithCode' | 'other';
export type License = 'MIT' | 'Apache-2.0' | 'BSD-3-Clause' | 'CC-BY' | 'CC0' | 'other';
export type PublicationPlatform = 'KCI' | 'ScienceON' | 'NTIS' | 'DBpia' | 'KISS' | 'KoreaScience' | 'other';
export type ProjectStatus = 'completed' | 'ongoing' | 'applied';
export type AchievementCategory = 'rnd' | 'paper' | 'patent' | 'techTransfer' | 'openSource' | 'gpu' | 'award' | 'other';

export interface Contact {
  affiliation?: string; // 소속
  position?: string; // 직위
  name?: string; // 성명
  birthDate?: IsoDate; // 생년월일
  phone?: string; // 직통전화
  mobile?: string; // 휴대전화
  email?: string; // E-mail
  researcherNumber?: string; // 국가연구자번호 (해당시)
}

export interface Period<T extends string> {
  start?: T;
  end?: T;
}

export interface Plan {
  formVersion?: '2025-12'; // 양식 버전
  projectTitle?: string; // 신청과제명

  applicant?: {
    name?: string; // 기업(관)명
    homepage?: string; // 홈페이지주소 (URI)
    address?: string; // 주소 (사업자등록증상 주소)
    registrationNumber?: string; // 사업자등록번호(고유번호) NNN-NN-NNNNN
    type?: ApplicantType; // 유형 산·학·연
    youthCompany?: boolean; // 청년기업 여부
    representative?: { name?: string; nationality?: string; birthDate?: IsoDate }; // 대표자성명(국적), 대표자생년월일
    openingDate?: IsoDate; // 개업연월일
    mainProducts?: string; // 주생산품목
    employees?: { regular?: number; nonRegular?: number; total?: number }; // 종업원수(명)
    revenue2024ThousandWon?: number; // 2024년 매출액(천원)
  };

  contacts?: { lead?: Contact; manager?: Contact }; // 총괄책임자, 실무책임자

  gpu?: { type?: GpuType; servers?: number; months?: number }; // GPU 수요

  projectInfo?: {
    fields?: ResearchField[]; // 연구/개발분야 (중복 가능)
    fieldOther?: string; // 기타( )
    stage?: ResearchStage; // 현 연구/개발단계
    stageProgressPercent?: number; // 진척율
  };

  targets?: {
    gpuUtilizationPercent?: number; // GPU 사용률 (필수)
    progressPercent?: number; // 과제 진도율 (필수)
    revenueHundredMillionWon?: number; // 매출 ( )억원
    investmentCount?: number; // 투자유치 ( )건
    patents?: number; // 특허출원·등록 ( )건
    techTransfers?: number; // 기술이전 ( )건
    papers?: number; // 논문 ( )건
  };

  disclosure?: {
    openSource?: {
      targets?: OpenSourceTarget[]; // 오픈소스 공개대상
      codeScope?: CodeScope[]; // 코드 공개(학습/추론): which code, when targets has "code"
      partialItems?: string; // 일부공개 (항목 : )
      platforms?: OpenSourcePlatform[]; // 공개 플랫폼
      platformOther?: string; // 기타 플랫폼( )
      licenses?: License[]; // 배포 라이선스
      licenseOther?: string; // 기타 라이선스( )
    };
    publications?: {
      platforms?: PublicationPlatform[]; // 공개 플랫폼
      platformOther?: string; // 기타 플랫폼( )
      acknowledgement?: string; // 사사 문구
    };
  };

  pledge?: { agreed?: boolean; date?: IsoDate; organizationName?: string; leadName?: string }; // 서약

  summary?: {
    // 요약서 3–7
    overview?: Text; // 3. 과제 개요
    mainContent?: Text; // 4. 과제 주요 내용
    gpuPlan?: Text; // 5. GPU 자원 활용 계획
    dissemination?: Text; // 6. 활용 확산 추진 방안
    expectedEffects?: Text; // 7. 기대효과
  };

  overview?: {
    // I 과제 개요
    goal?: { content?: Text; differentiation?: Text }; // 1. 과제 목표: □ 과제 내용, □ 차별성
    necessity?: Text; // 2. 지원 필요성
  };

  mainContent?: {
    // II 과제 주요 내용
    execution?: {
      // 1. 과제 수행 계획
      status?: Text; // □ 과제 추진 현황
      details?: Text; // □ 본 과제 상세 수행내용
      baseModels?: { name?: string; version?: string; license?: string; strategy?: Text }[]; // 활용 기반 모델
    };
    goals?: {
      // 2. 성과 목표 수립
      final?: Text; // □ 최종 성과 목표
      indicators?: { name?: string; unit?: string; current?: string; target?: string; measurement?: string }[]; // 성과 지표 (As-is → To-be)
      basis?: Text; // □ 성과 지표 설정 근거 및 측정 방법
    };
  };

  gpuPlan?: {
    // III GPU 자원 활용 계획
    scaleJustification?: Text; // 1. □ GPU 활용(요청) 규모 적정성
    stages?: {
      // 2. □ GPU 단계별 활용 계획 (table row)
      period?: Period<IsoMonth>; // 추진기간
      tasks?: Text; // 주요 수행내용
      gpuStart?: IsoMonth; // GPU 투입시기
      servers?: number; // GPU 사용량 (서버수)
      gpus?: number; // GPU 사용량 (장)
      expectedUtilizationPercent?: number; // 예상 활용률 (%)
    }[];
    copayment?: { unitPriceWon?: number; servers?: number; months?: number; totalWon?: number }; // 3. 민간부담금 산출내역 (declared)
  };

  dissemination?: {
    // IV 활용 확산 추진 방안
    utilization?: Text; // 1. 활용 세부 계획
    service?: Text; // 2. 서비스 확산 계획
    ecosystem?: {
      // 3. AI 생태계 기여 계획
      talent?: Text; // ☐ 인력양성 효과
      commercialization?: Text; // ☐ 기술·사업화 가능성 (해당 시)
      outcomes?: Text; // ☐ 경제·기술적 성과
      openSource?: Text; // ☐ 오픈소스 등 공개 계획 (해당 시)
      publications?: Text; // ☐ 연구 성과물 등 공개 계획 (해당 시)
    };
  };

  schedule?: {
    // V 추진 계획 및 기대효과
    period?: Period<IsoDate>; // 1. □ 수행기간
    milestones?: { task?: string; months?: IsoMonth[] }[]; // ○ 마일스톤 (구분, 수행내용, 수행일정)
    structure?: Text; // 2. 추진체계 □ 추진체계 및 역할
    deliverables?: { name?: string; due?: IsoMonth; description?: string }[]; // 3. 주요 산출물
    effects?: Text; // 4. 기대 효과
  };

  institution?: {
    // VI 기관현황 (1. 신청기관 현황 is rendered from `applicant`)
    leadResearcher?: {
      // 2. 참여 인력 현황 ○ 총괄책임자
      nameKo?: string;
      nameEn?: string;
      birthDate?: IsoDate;
      affiliation?: string;
      position?: string;
      education?: { year?: number; school?: string; major?: string; degree?: string }[]; // 학력
      career?: { period?: Period<IsoMonth>; organization?: string; position?: string; duties?: string }[]; // 해당분야 경력
      governmentProjects?: {
        program?: string; // 사업명
        ministry?: string; // 시행부처/기관
        title?: string; // 과제명
        period?: Period<IsoMonth>; // 수행기간
        totalBudgetThousandWon?: number; // 총 과제비 (천원)
        status?: ProjectStatus; // 진행현황 완료/수행중/신청중
      }[];
    };
    staffing?: { headcount?: number; personYears?: number; personMonths?: number }; // ○ 투입인력 : 총 00 명 ( m/y, m/m)
    achievements?: { category?: AchievementCategory; title?: string; date?: IsoMonth; description?: string; url?: string }[]; // 3. 주요 실적
    vision?: Text; // 4. 제안기관의 미래 성장가능성
  };

  staff?: {
    // 붙임0 투입 인력 현황
    organization?: string; // 소속기관
    name?: string; // 성명
    position?: string; // 직위
    role?: string; // 담당업무
    degree?: string; // 학위
    major?: string; // (전공)
    period?: Period<IsoDate>; // 참여기간
    months?: number; // (개월)
    participationPercent?: number; // 투입률 (%)
  }[];
}
