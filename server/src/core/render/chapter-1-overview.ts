/** Chapter I 과제 개요: 과제 목표 and 지원 필요성. */
import type { Plan } from '../plan/types';
import type { Builder } from './builder';
import { obj } from './read';

export function overviewChapter(b: Builder, plan: Plan): void {
  const overview = obj(plan.overview);
  const goal = obj(overview.goal);
  b.chapterHeading();
  b.sectionHeading('과제 목표');
  b.mark(3, '과제 내용');
  b.text(goal.content);
  b.mark(3, '연구·개발 분야(내용)의 차별성');
  b.text(goal.differentiation);
  b.sectionHeading('지원 필요성');
  b.text(overview.necessity);
}
