/**
 * The little Korean grammar the prose rules need: which words are verbal nouns (하다-nouns, so
 * that "도입을 고려하고 있음" can become "도입함" and "서버" never becomes "서버한다"), which
 * particles a word may carry, and the words that make a "~ㄹ 수 있음" a statement of risk.
 * Not program figures: these are facts of the language, kept to the words plans use.
 */

/**
 * Verbal nouns (하다-nouns) of plan prose: Sino-Korean and loanword nouns that take 하다/되다.
 * A compound that ends in one of them is one too (기술이전, 해외진출, 재학습). Words in 화
 * (고도화, 상용화) are recognised by their suffix (`isVerbalNoun`).
 */
const VERBAL_NOUNS = new Set(
  (
    '가공 가속 감시 감지 감소 강화 개발 개선 개시 개방 갱신 검사 검색 검수 검증 검진 검출 검토 게재 결정 결합 계약 고려 ' +
    '공개 공급 공유 관리 관제 교육 교정 교체 구매 구축 구현 기록 논의 단축 달성 답변 대응 대체 도입 동기화 등록 ' +
    '모니터링 발간 발송 발표 방송 방지 배송 배치 배포 백업 번역 변환 병합 보강 보급 보완 보정 보호 복구 분류 분산 분석 분할 ' +
    '비교 사용 상담 생성 서비스 서빙 선정 선택 설계 설치 송출 수립 수집 수출 수행 승인 시작 시행 시험 신청 실시 실증 실험 ' +
    '안내 양성 업데이트 업로드 연결 연계 연구 연동 예방 예측 완료 운영 운용 유지 유치 육성 응답 이관 이용 이전 이행 인식 ' +
    '인증 입력 자문 작성 재개 저장 적용 전송 전이 전파 전환 절감 점검 정비 정제 제거 제공 제어 제작 제출 제휴 조정 조립 ' +
    '주석 중계 증설 진단 진출 진행 질의 차단 착수 참여 채용 채택 처리 체결 촬영 추가 추론 추진 추천 추출 출시 출원 측정 ' +
    '탐지 탑재 통보 통합 투고 투자 튜닝 파인튜닝 판단 판독 판매 판정 편집 평가 표시 학습 할당 합성 해소 향상 허가 협력 ' +
    '협약 협의 확대 확보 확산 확인 확장 확정 활용 회수 훈련 다운로드 라벨링 매칭 시뮬레이션 스케일링 압축 요약 출력 ' +
    '전처리 후처리 사전학습 미세조정 정렬 증류 배정 개편 정의 구성 시연 연수 제안 접수 지급 청구 정산 심사 지원 ' +
    '개최 유통 보고 공고 보존 복제 상용 이식 재현 재구성 가속 증강 탐색 해석 설명 시각 적재 연산 추적 경고 알림'
  ).split(' '),
);

/** Words in 화 that are not verbal nouns (a compound such as 자동화 or 최적화 is one). */
const NOT_VERBAL_HWA = new Set(['영화', '만화', '동화', '평화', '문화', '신화', '회화', '국화', '조화', '전화', '대화']);

/** Whether a Hangul word is a verbal noun or a compound ending in one. */
export function isVerbalNoun(word: string): boolean {
  if (!/^[가-힣]+$/u.test(word)) return false;
  if (word.length >= 2 && word.endsWith('화') && !NOT_VERBAL_HWA.has(word)) return true;
  for (let from = 0; from < word.length; from++) {
    if (VERBAL_NOUNS.has(word.slice(from))) return true;
  }
  return false;
}

/**
 * Particles that may be dropped when "X이 가능함" or "X을 고려하고 있음" becomes "X함": the
 * subject, object and topic markers. 도 ("also") and 만 ("only") carry meaning and may not.
 */
const DROPPABLE = ['을', '를', '이', '가', '은', '는'];
const MEANINGFUL = ['도', '만', '까지', '조차', '마저', '부터'];

/**
 * A word as stem and particle: "도입을" → { stem: "도입", particle: "을" }, "확산도" →
 * { stem: "확산", particle: "도" }. A word that is a verbal noun as written keeps it whole
 * ("전이" is a noun, not 전 + 이).
 */
export function splitParticle(word: string): { readonly stem: string; readonly particle: string } {
  if (isVerbalNoun(word)) return { stem: word, particle: '' };
  for (const particle of [...MEANINGFUL, ...DROPPABLE]) {
    if (word.length > particle.length && word.endsWith(particle)) return { stem: word.slice(0, -particle.length), particle };
  }
  return { stem: word, particle: '' };
}

export const isDroppable = (particle: string): boolean => particle === '' || DROPPABLE.includes(particle);

/**
 * What is weighed when a plan writes "~을 검토함": a decision (도입, 진출, 적용 여부, 방안 …)
 * makes the sentence an intention; anything else (결과, 문서, 품질) is review as a task.
 */
const DECISION_NOUNS = new Set(['여부', '방안', '것', '가능성', '필요성', '타당성', '계획']);
export const isDecision = (stem: string): boolean => DECISION_NOUNS.has(stem) || isVerbalNoun(stem);

/** Verbs that name a harm, so "~될 수 있음" after them states a risk: 발생할, 유출될, 떨어질 … */
export const HARM_VERB =
  /(?:발생|지연|저하|실패|중단|누락|유출|노출|악용|침해|악화|손상|왜곡|오작동|훼손|낭비)(?:할|될)$|(?:떨어|틀어|불안정해|부정확|놓|어긋)(?:질|칠|할|날)$|무시할$/u;

/** Nouns of harm: a "~ㄹ 수 있음" in a clause that has one states a risk, unless its verb remedies it. */
export const HARM_NOUN =
  /오류|오차|오탐|오경보|오검출|오분류|오답|오작동|잘못된|장애|고장|사고|결측|위험|리스크|지연|누락|유출|노출|실패|편향|환각|저하|악용|침해|손실|낭비|부정확|불안정|과적합|왜곡|우려|취약/u;

/** A measure of quality ("탐지율", "정확도") that may decline: "정확도가 낮아질 수 있음" states a risk. */
export const QUALITY_NOUN = /정확도|성능|탐지율|검출률|인식률|정밀도|재현율|신뢰도|품질|만족도|안정성/u;
/** Verbs of decline. */
export const DECLINE_VERB = /(?:낮아질|떨어질|나빠질|저하될|줄어들|감소할|감소될)$/u;

/** Verbs that remedy a harm: "오탐을 줄일 수 있음" is a claim, not a risk. */
export const REMEDY_VERB =
  /(?:줄일|줄어들|낮출|감소할|감소될|개선할|개선될|해소할|해소될|방지할|완화할|절감할|단축할|제거할|탐지할|검출할|감지할|찾을|분류할|예측할|수정할|보정할|차단할|막을|잡을)$/u;

/** A verb form with a negation: "탐지하지 못할", "않을", "없을". */
export const NEGATED = /(?:못|않|없)[가-힣]?$|못$|않$/u;

/** A sentence that quotes its source: a forecast from a report is not the applicant's hedge. */
export const CITES_SOURCE = /출처|따르면|\((?:[^()]*[,·]\s*)?(?:19|20)\d{2}(?:\.\d{1,2})?\.?\)/u;

/** Words that join a clause to the verb after it ("결과를 보고 검토"): the object before one belongs to it. */
export const CONNECTIVE = /^(?:보고|보아|따라|거쳐|통해|바탕으로|토대로|감안하여|고려하여|반영하여)$/u;
