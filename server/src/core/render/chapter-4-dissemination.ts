/** Chapter IV 활용 확산 추진 방안: utilisation, service and the contribution to the AI ecosystem. */
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { obj } from './read';

export function disseminationChapter(b: Builder, plan: Plan): void {
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
  b.optionalText(ecosystem.commercialization);
  b.mark(3, '과제지원을 통한 경제·기술적 성과');
  b.text(ecosystem.outcomes);
  b.mark(3, '오픈소스 등 공개 계획 (해당 시)');
  b.optionalText(ecosystem.openSource);
  b.mark(3, '연구 성과물 등 공개 계획 (해당 시)');
  b.optionalText(ecosystem.publications);
}
