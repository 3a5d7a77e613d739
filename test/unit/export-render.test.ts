import * as assert from 'node:assert/strict';
import type { Plan } from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/analyze';
import { computeCost } from '../../server/src/core/cost/cost';
import { costTable } from '../../server/src/core/cost/table';
import { parseDocument } from '../../server/src/core/json/parse';
import { LADDER, documentText, planToDocument, type Block, type HeadingBlock, type PlanDocument, type TableBlock } from '../../server/src/core/render';
import { readExample } from '../support/fixtures';
import { analyze } from '../support/service';

const complete = readExample('complete.gpuplan.json');

function render(text: string): PlanDocument {
  return planToDocument(analyzeDocument(parseDocument(text), { locale: 'ko' }));
}
const fromPlan = (plan: unknown): PlanDocument => render(JSON.stringify(plan));
const headings = (doc: PlanDocument, level?: number): HeadingBlock[] =>
  doc.blocks.filter((b): b is HeadingBlock => b.kind === 'heading' && (level === undefined || b.level === level));
const table = (doc: PlanDocument, id: TableBlock['id']): TableBlock => {
  const found = doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === id);
  assert.ok(found, `table ${id}`);
  return found;
};
const cellText = (t: TableBlock, row: number): string[] =>
  t.rows[row].cells.map((c) =>
    c.blocks
      .map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('') : b.items.map((i) => i.text).join(' ')))
      .join('\n'),
  );

const CHAPTER_HEADINGS = ['I 과제 개요', 'II 과제 주요 내용', 'III GPU 자원 활용 계획', 'IV 활용 확산 추진 방안', 'V 추진 계획 및 기대효과', 'VI 기관현황'];

describe('export: plan → document model', () => {
  const doc = render(complete);

  it('has every chapter of the form, in order, with the form’s numbering', () => {
    assert.deepEqual(
      headings(doc, 1)
        .filter((h) => h.toc)
        .map((h) => h.text),
      CHAPTER_HEADINGS,
    );
    const sections = headings(doc)
      .filter((h) => h.level <= 2 && h.toc)
      .map((h) => h.text);
    assert.deepEqual(sections, [
      'I 과제 개요',
      '1. 과제 목표',
      '2. 지원 필요성',
      'II 과제 주요 내용',
      '1. 과제 수행 계획',
      '2. 성과 목표 수립',
      'III GPU 자원 활용 계획',
      '1. GPU 자원 활용 규모',
      '2. GPU 자원 사용 계획',
      '3. 민간부담금 산출내역',
      'IV 활용 확산 추진 방안',
      '1. 활용 세부 계획',
      '2. 서비스 확산 계획',
      '3. AI 생태계 기여 계획',
      'V 추진 계획 및 기대효과',
      '1. 추진 일정',
      '2. 추진체계',
      '3. 주요 산출물',
      '4. 기대 효과',
      'VI 기관현황',
      '1. 신청기관 현황',
      '2. 참여 인력 현황',
      '3. 주요 실적',
      '4. 제안기관의 미래 성장가능성',
    ]);
    assert.ok(headings(doc, 3).every((h) => h.text.startsWith('□ ')));
    assert.ok(headings(doc, 4).every((h) => h.text.startsWith('○ ')));
    assert.ok(headings(doc, 3).some((h) => h.text === '□ 과제 내용'));
    assert.ok(headings(doc, 4).some((h) => h.text === '○ 마일스톤'));
  });

  it('orders the parts as the form: title page, 표지, 목차, 요약서, I–VI, 붙임 0', () => {
    const order = doc.blocks
      .map((b: Block) =>
        b.kind === 'table' && b.id === 'cover' ? 'cover' : b.kind === 'toc' ? 'toc' : b.kind === 'heading' && b.level === 1 ? b.text : undefined,
      )
      .filter(Boolean);
    assert.deepEqual(order, ['cover', 'toc', '요 약 서', ...CHAPTER_HEADINGS, '붙임 0  투입 인력 현황']);
    const toc = doc.blocks.find((b) => b.kind === 'toc');
    assert.ok(toc && toc.kind === 'toc');
    assert.equal(toc.entries[0].text, 'I. 과제 개요');
    assert.equal(toc.entries.length, 24);
  });

  it('numbers nested Text with the ladder 1) 가) ㅇ - ·', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((level) => LADDER[level](1)),
      ['2)', '나)', 'ㅇ', '-', '·'],
    );
    const plan = JSON.parse(complete) as Plan;
    plan.overview = {
      ...plan.overview,
      necessity: [
        '첫째',
        { text: '둘째', items: ['가 항목', { text: '나 항목', items: [{ text: '셋째 단계', items: [{ text: '넷째 단계', items: ['다섯째 단계'] }] }] }] },
      ],
    };
    const d = fromPlan(plan);
    const index = d.blocks.findIndex((b) => b.kind === 'heading' && b.text === '2. 지원 필요성');
    const bullets = d.blocks[index + 1];
    assert.ok(bullets.kind === 'bullets');
    assert.deepEqual(
      bullets.items.map((i) => `${i.level}${i.marker} ${i.text}`),
      ['11) 첫째', '12) 둘째', '2가) 가 항목', '2나) 나 항목', '3ㅇ 셋째 단계', '4- 넷째 단계', '5· 다섯째 단계'],
    );
  });

  it('writes "해당 없음" only for the parts the form marks 해당 시, and for lists the plan may leave empty', () => {
    const plan = JSON.parse(complete) as Plan;
    delete plan.dissemination?.ecosystem?.commercialization;
    delete plan.dissemination?.ecosystem?.publications;
    plan.schedule = { ...plan.schedule, deliverables: [] };
    plan.overview = { ...plan.overview, necessity: '' };
    if (plan.institution?.leadResearcher) plan.institution.leadResearcher.governmentProjects = [];
    const d = fromPlan(plan);
    const after = (title: string) => d.blocks[d.blocks.findIndex((b) => b.kind === 'heading' && b.text === title) + 1];
    for (const title of ['□ 과제를 통해 창출되는 기술·사업화 가능성(해당 시)', '□ 연구 성과물 등 공개 계획 (해당 시)']) {
      const next = after(title);
      assert.ok(next.kind === 'paragraph' && next.role === 'notApplicable', title);
      assert.deepEqual(next.runs, ['해당 없음']);
    }
    // A required section left empty says nothing (the schema reports it): the next heading follows.
    const necessity = after('2. 지원 필요성');
    assert.ok(necessity.kind === 'heading' || necessity.kind === 'pageBreak', `nothing printed for an empty required section (${necessity.kind})`);
    // A required table left empty (deliverables: at least one) is an empty row, not "해당 없음".
    assert.deepEqual(cellText(table(d, 'deliverables'), 1), ['']);
    // A lead with no government projects: the form's "해당 없음".
    assert.ok(cellText(table(d, 'lead-researcher'), table(d, 'lead-researcher').rows.length - 1).includes('해당 없음'));
    assert.ok(!documentText(d).join('\n').includes('지원 필요성\n해당 없음'));
    // The cover's 해당시 parts: 국가연구자번호 and a disclosure part left out.
    const bare = JSON.parse(complete) as Plan;
    delete bare.contacts?.lead?.researcherNumber;
    delete bare.disclosure?.publications;
    const cover = table(fromPlan(bare), 'cover');
    const rowWith = (text: string) => cover.rows.find((r) => cellText({ ...cover, rows: [r] }, 0).some((c) => c.includes(text)));
    assert.deepEqual(cellText({ ...cover, rows: [rowWith('dyhan@')!] }, 0).slice(-1), ['해당 없음']);
    assert.ok(cellText({ ...cover, rows: [rowWith('KCI 등재')!] }, 0).some((c) => c.endsWith('\n해당 없음')));
    assert.ok(!cellText({ ...cover, rows: [rowWith('모델 가중치')!] }, 0).some((c) => c.includes('해당 없음')), 'the open-source plan is there');
  });

  it('prints (○○개월) with the months schedule-months-mismatch counts: 2026.03.01.~2026.08.01. is 5 months', () => {
    const plan = JSON.parse(complete) as Plan;
    plan.schedule = { ...plan.schedule, period: { start: '2026-03-01', end: '2026-08-01' } };
    assert.ok(documentText(fromPlan(plan)).includes('□ 수행기간 : 2026.03.01.~2026.08.01.(5개월)'));
    const findings = analyze(JSON.stringify(plan), { locale: 'ko' }).filter((f) => f.code === 'schedule-months-mismatch');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /"\(5개월\)"로 표기/);
    plan.schedule.period = { start: '2026-03-01', end: '2026-08-15' };
    assert.ok(documentText(fromPlan(plan)).includes('□ 수행기간 : 2026.03.01.~2026.08.15.(5.5개월)'));
  });

  it("keeps the form's 학력 columns, prints GPU 투입시기 as 'yy.mm and marks 학습/추론 of 코드 공개", () => {
    const lead = table(doc, 'lead-researcher');
    const header = lead.rows.find((r) => r.cells.some((c) => c.blocks.some((b) => b.kind === 'paragraph' && b.runs.includes('졸업년도'))));
    assert.ok(header);
    assert.deepEqual(
      header.cells.map((c) => c.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs.map((r) => (typeof r === 'string' ? r : r.text)) : []))).join('|'),
      '학력|졸업년도|전공|학위',
    );
    const text = documentText({ ...doc, blocks: [lead] }).join('\n');
    assert.ok(!text.includes('학교명'));
    assert.ok(text.includes('전산학') && text.includes('(한국과학기술원)'), 'the school is kept, under the major');
    assert.deepEqual(
      table(doc, 'gpu-stages')
        .rows.slice(1)
        .map((r) => cellText({ ...table(doc, 'gpu-stages'), rows: [r] }, 0)[3]),
      ["'26.03", "'26.05", "'26.08"],
    );
    const cover = documentText({ ...doc, blocks: [table(doc, 'cover')] }).join('\n');
    assert.ok(cover.includes('■\u00a0코드 공개(■\u00a0학습/■\u00a0추론)'), cover);
    const plan = JSON.parse(complete) as Plan;
    if (plan.disclosure?.openSource) plan.disclosure.openSource.codeScope = ['inference'];
    assert.ok(
      documentText({ ...doc, blocks: [table(fromPlan(plan), 'cover')] })
        .join('\n')
        .includes('코드 공개(□\u00a0학습/■\u00a0추론)'),
    );
  });

  it('takes the 민간부담금 row from the core, as the cost preview shows it', () => {
    const cost = computeCost(JSON.parse(complete) as Plan);
    const expected = costTable(cost, 'ko');
    const t = table(doc, 'copayment');
    assert.deepEqual(cellText(t, 0), expected.headers);
    assert.deepEqual(cellText(t, 1), expected.row);
    assert.deepEqual(cellText(t, 1), ['H200', '서버 4대', '3,200,000원 (400,000원 x 8장)', '6개월', '3,200,000원 x 4대 x 6개월', '76,800,000원']);
    const text = documentText(doc).join('\n');
    assert.ok(text.includes(`실제 부담액: 76,800,000원 (${expected.policy})`));
    assert.ok(text.includes(expected.gpuLine as string));
  });

  it('shows the applicable amount for a youth company next to the base amount', () => {
    const plan = JSON.parse(complete) as Plan;
    plan.applicant = { ...plan.applicant, youthCompany: true, representative: { ...plan.applicant?.representative, birthDate: '1990-04-17' } };
    const text = documentText(fromPlan(plan)).join('\n');
    assert.ok(text.includes('76,800,000원'));
    assert.ok(text.includes('실제 부담액: 38,400,000원 (청년기업: 기준 금액의 50% 감면)'));
  });

  it('marks the milestone months in the 12 columns of the year', () => {
    const t = table(doc, 'milestones');
    assert.deepEqual(cellText(t, 0), ['구분', '수행내용', "수행일정('26년)"]);
    assert.deepEqual(cellText(t, 1), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const marked = (row: number) => t.rows[row].cells.slice(2).flatMap((c, i) => (c.marked ? [i + 1] : []));
    assert.deepEqual(marked(2), [3, 4]);
    assert.deepEqual(marked(4), [4, 5, 6]);
    assert.deepEqual(marked(8), [8]);
    assert.equal(t.rows.length, 2 + 7);
  });

  it('writes dates and amounts the Korean way', () => {
    const text = documentText(doc).join('\n');
    for (const expected of ['2026.03.01.~2026.08.31.(6개월)', '1983.09.02.', '2026년 1월 20일', '1,240,000', '76,800', '2026.03.~', '2026.08.']) {
      assert.ok(text.includes(expected), expected);
    }
    // No ISO date is left (the patent number 10-2025-0141873 is not a date).
    assert.doesNotMatch(text, /(?<![\d-])\d{4}-\d{2}(-\d{2})?(?![\d-])/);
  });

  it('fills the 표지, 기관현황 and 붙임0 tables', () => {
    const cover = documentText({ ...doc, blocks: [table(doc, 'cover')] }).join('\n');
    for (const expected of [
      '주식회사 리걸브릿지',
      '214-86-47312',
      '■\u00a0산',
      '□\u00a0학',
      '■\u00a0미해당',
      '4서버 (GPU 32장)',
      '이용개시일로부터 6개월',
      '85%',
      '■\u00a0모델개발(학습)',
      '정보통신산업진흥원 귀하',
    ]) {
      assert.ok(cover.includes(expected), expected);
    }
    assert.deepEqual(cellText(table(doc, 'staff'), 1), [
      '1',
      '주식회사 리걸브릿지',
      '한도윤',
      'CTO',
      '총괄책임자(학습 전략·자원 배분)',
      '박사(전산학)',
      '2026.03.01.~\n2026.08.31. (6)',
      '40',
    ]);
    assert.equal(table(doc, 'staff').rows.length, 7);
    const institution = documentText({ ...doc, blocks: [table(doc, 'institution')] }).join('\n');
    assert.ok(institution.includes('박정우(대한민국)'));
    assert.ok(documentText(doc).includes('○ 투입인력 : 총 6명 (2.25 m/y, 27 m/m)'));
  });

  it('leaves out the form’s writing guides and placeholders', () => {
    const text = documentText(doc).join('\n');
    assert.doesNotMatch(text, /★|작성\s?요령|YYYYMMDD|yyyy\.mm|ㅇㅇㅇ|신청시 작성 불필요|해당시 작성/);
    assert.deepEqual(doc.openFindings, []);
    assert.ok(!doc.blocks.some((b) => b.kind === 'table' && b.id === 'findings'));
  });

  it('lists the open findings at the end of a plan with errors', () => {
    const d = render(readExample('mistakes.gpuplan.json'));
    assert.ok(d.counts.errors > 0);
    const last = d.blocks[d.blocks.length - 1];
    assert.ok(last.kind === 'table' && last.id === 'findings' && last.variant === 'findings');
    assert.equal(last.rows.length - 1, d.openFindings.length);
    const headingIndex = d.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'open-findings');
    assert.ok(headingIndex > d.blocks.findIndex((b) => b.kind === 'table' && b.id === 'staff'));
    const codes = new Set(d.openFindings.map((f) => f.code));
    for (const code of ['registration-number-checksum', 'pledge-missing', 'template-guide-left']) assert.ok(codes.has(code), code);
    assert.match(d.openFindings[0].location, /^\d+행 \d+열/);
    // A part like the others: its title and a note, with every count right.
    const heading = d.blocks[headingIndex];
    assert.ok(heading.kind === 'heading');
    assert.equal(heading.text, `점검 결과 (양식 외, gpuplan) ${d.openFindings.length}건`);
    const note = d.blocks[headingIndex + 1];
    assert.ok(note.kind === 'paragraph' && note.role === 'note');
    const count = (...s: string[]) => d.openFindings.filter((f) => s.includes(f.severity)).length;
    assert.ok(
      documentText({ ...d, blocks: [note] })[0].includes(`오류 ${count('error')}건, 경고 ${count('warning')}건, 정보·참고 ${count('information', 'hint')}건`),
    );
  });

  it("writes the JSON path of a finding as JSON writes it, whatever the plan's keys", () => {
    const plan = JSON.parse(complete) as Record<string, unknown>;
    plan['bad\uFFFEkey.x'] = { 'a b': 1 };
    const paths = fromPlan(plan).openFindings.map((f) => f.path);
    assert.ok(
      paths.some((p) => p.startsWith('["badkey.x"]')),
      paths.join(' | '),
    );
    assert.ok(paths.every((p) => !/[\ufffe\uffff\u0000-\u0008]/.test(p)));
  });

  it('survives a plan of the wrong shapes', () => {
    for (const text of [
      '{}',
      '{"projectTitle": 3, "gpu": "H200", "staff": {"a": 1}, "summary": [1, null], "schedule": {"milestones": [null, {"months": "x"}]}}',
      '[]',
      '{"overview": {"goal": {"content": [{"items": [[], {"text": 5}]}]}}}',
    ]) {
      const d = render(text);
      assert.ok(d.blocks.length > 20, text);
      assert.ok(headings(d, 1).filter((h) => h.toc).length === 6, text);
    }
  });

  it('drops characters XML cannot carry', () => {
    const plan = JSON.parse(complete) as Plan;
    plan.projectTitle = 'A\u0001B\u0008C\uD800D';
    const d = fromPlan(plan);
    assert.equal(d.meta.title, 'ABC\uFFFDD');
  });
});
