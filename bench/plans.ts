/**
 * The benchmark's documents: the complete example, and plans of about 1 MB and 10 MB grown from
 * it deterministically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '../server/src/core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const complete = fs.readFileSync(path.join(ROOT, 'examples', 'complete.gpuplan.json'), 'utf8');

// ---------------------------------------------------------------------------------------------
// Documents: the complete example, and plans of about 1 MB and 10 MB grown from it
// deterministically (many stages, staff rows and long texts, all still within the form's rules
// except the page budget, which such a plan is bound to exceed).

const SENTENCES = [
  '국가 AI컴퓨팅 자원으로 한국어 법률 문서 특화 모델을 학습하여 판례 검색 정확도를 높임',
  '행정 문서 요약 품질을 공인 시험으로 검증하고 결과를 분기마다 보고함',
  '학습 데이터 120GB를 정제하여 중복과 개인정보를 제거한 말뭉치를 구축함',
  'GPU 32장을 3단계로 나누어 사전학습, 미세조정, 검증에 배정함',
];

/** The plan with `n` extra rows of each kind, deterministic. */
function planWith(n: number): string {
  const plan = JSON.parse(complete) as Plan & Record<string, unknown>;
  const stage = plan.gpuPlan!.stages![0];
  const person = plan.staff![0];
  const milestone = plan.schedule!.milestones![0];
  const necessity = [...(plan.overview!.necessity as string[])];
  for (let i = 0; i < n; i++) {
    necessity.push(`${SENTENCES[i % SENTENCES.length]} (${i + 1}차 과업)`);
    if (i % 10 === 0) plan.gpuPlan!.stages!.push({ ...stage, tasks: [`${i + 1}차 검증 과업: ${SENTENCES[i % SENTENCES.length]}`] });
    if (i % 3 === 0) plan.staff!.push({ ...person, name: `${person.name}${i + 1}`, role: `${SENTENCES[i % SENTENCES.length].slice(0, 20)} 담당` });
    if (i % 20 === 0) plan.schedule!.milestones!.push({ ...milestone, task: `${i + 1}차 점검: ${SENTENCES[i % SENTENCES.length].slice(0, 24)}` });
  }
  plan.overview!.necessity = necessity;
  return JSON.stringify(plan, null, 2) + '\n';
}

/** The smallest such plan of at least `targetBytes` UTF-8 bytes (bisection on the row count). */
export function grow(targetBytes: number): string {
  let low = 0;
  let high = 1000;
  while (Buffer.byteLength(planWith(high)) < targetBytes) high *= 2;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (Buffer.byteLength(planWith(mid)) < targetBytes) low = mid;
    else high = mid;
  }
  return planWith(high);
}
