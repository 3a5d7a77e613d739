/** The form's parts and top-level sections, in the form's order, with their Korean names. */

export interface FormSection {
  readonly key: string;
  /** The label as the form writes it, e.g. "I 과제 개요". */
  readonly label: string;
  /** The part of the form: 표지, 요약서, I–VI or 붙임0. */
  readonly part: string;
}

export const COVER_PART = '표지';

export const FORM_SECTIONS: readonly FormSection[] = [
  { key: 'formVersion', label: '양식 버전', part: COVER_PART },
  { key: 'projectTitle', label: '신청과제명', part: COVER_PART },
  { key: 'applicant', label: '신청기업(관)', part: COVER_PART },
  { key: 'contacts', label: '담당 (총괄책임자·실무책임자)', part: COVER_PART },
  { key: 'gpu', label: 'GPU 수요', part: COVER_PART },
  { key: 'projectInfo', label: '과제정보', part: COVER_PART },
  { key: 'targets', label: '과제 목표 성과', part: COVER_PART },
  { key: 'disclosure', label: '과제 결과물 공개 계획', part: COVER_PART },
  { key: 'pledge', label: '서약', part: COVER_PART },
  { key: 'summary', label: '요약서', part: '요약서' },
  { key: 'overview', label: 'I 과제 개요', part: 'I' },
  { key: 'mainContent', label: 'II 과제 주요 내용', part: 'II' },
  { key: 'gpuPlan', label: 'III GPU 자원 활용 계획', part: 'III' },
  { key: 'dissemination', label: 'IV 활용 확산 추진 방안', part: 'IV' },
  { key: 'schedule', label: 'V 추진 계획 및 기대효과', part: 'V' },
  { key: 'institution', label: 'VI 기관현황', part: 'VI' },
  { key: 'staff', label: '붙임0 투입 인력 현황', part: '붙임0' },
];

export const sectionOf = (key: string): FormSection | undefined => FORM_SECTIONS.find((s) => s.key === key);
