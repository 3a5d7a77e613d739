/** `progress-target-below-current`: the target 과제 진도율 is not below the progress already made (진척율). */
import { asObject, asPercent } from '../plan/read';
import { related, valueSpan } from './place';
import { defineRule } from './rule';

export const progressTargetBelowCurrent = defineRule()({
  code: 'progress-target-below-current',
  severity: 'warning',
  reads: 'structure',
  description: { en: 'The target progress (과제 진도율) is below the current progress (진척율).', ko: '목표 과제 진도율이 현재 진척율보다 낮음' },
  messages: {
    below: {
      en: 'The target progress (과제 진도율) is {0}%, below the {1}% already reached at the current stage (진척율): a target cannot be lower than where the project stands.',
      ko: '목표 과제 진도율이 {0}%로, 현 연구/개발단계의 진척율 {1}%보다 낮습니다. 목표는 현재 수준보다 낮을 수 없습니다.',
    },
    current: { en: 'The current progress (진척율).', ko: '현 연구/개발단계의 진척율' },
  },
  docs: {
    form: '현 연구/개발단계 … * 진척율 ( 현 연구/개발단계의 진척율 : ) … 과제 목표 성과 과제 진도율 (필수) 00% … (ex. 연구/개발 단계의 진척률 목표설정 : 현재 00% → 최종 00% 지표)',
    formPlace: { en: 'form, 표지 — 과제정보, 과제 목표 성과; II-2 최종 성과 목표', ko: '양식, 표지 — 과제정보·과제 목표 성과; II-2 최종 성과 목표' },
    checks: {
      en: 'The cover gives the progress of the current stage (`projectInfo.stageProgressPercent`, 진척율) and the target progress at the end of the project (`targets.progressPercent`, 과제 진도율). As the form\'s "현재 00% → 최종 00%" says, the target is not below the current figure.',
      ko: '표지에는 현 연구/개발단계의 진척율(`projectInfo.stageProgressPercent`)과 과제 종료 시의 목표 과제 진도율(`targets.progressPercent`)을 기재합니다. 양식의 "현재 00% → 최종 00%"처럼 목표는 현재 값보다 낮을 수 없습니다.',
    },
    fix: { en: 'Raise the target, or correct the current progress.', ko: '목표 진도율을 높이거나 현재 진척율을 바로잡으세요.' },
    examples: {
      pass: { patch: { '/targets/progressPercent': 100 } },
      fail: { patch: { '/targets/progressPercent': 30 } },
      show: ['/projectInfo/stageProgressPercent'],
    },
  },
  check({ doc, plan, message, report }) {
    const current = asPercent(asObject(plan.projectInfo)?.stageProgressPercent);
    const target = asPercent(asObject(plan.targets)?.progressPercent);
    if (current === undefined || target === undefined || target >= current) return;
    report({
      at: valueSpan(doc, ['targets', 'progressPercent']),
      path: ['targets', 'progressPercent'],
      message: message('below', target, current),
      related: [related(doc, ['projectInfo', 'stageProgressPercent'], message('current'))],
    });
  },
});
