/**
 * The page estimate against gpuplan's own PDF export: the calibration plans in
 * test/fixtures/calibration were exported and their pages counted by `npm run calibrate:pages`
 * (measured.json); the estimate must be within max(1.5 pages, 10%) of every one. Also: the
 * estimate's layout is the export's (the same headings and tables), its geometry is the HTML
 * writer's, its upper bound never hides a long plan, and incremental analysis gives the same pages.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyzeDocument } from '../../server/src/core/analyze';
import { computeCost } from '../../server/src/core/cost/cost';
import { PAGE_ESTIMATE } from '../../server/src/core/figures';
import { parseDocument } from '../../server/src/core/json/parse';
import { estimatePages, estimatePagesAtMost, lineCountAtMost } from '../../server/src/core/pages/estimate';
import { Flow } from '../../server/src/core/pages/flow';
import { CHAPTER_KEYS, chapterFlows, summaryFlow } from '../../server/src/core/pages/layout';
import { lineCount, WIDEST, type Face } from '../../server/src/core/pages/text';
import type { Plan } from '../../server/src/core/plan/types';
import { planToDocument, type HeadingBlock, type PlanDocument, type TableBlock } from '../../server/src/core/render';
import { BULLET_INDENT_MM, BULLET_MARKER_MM, CELL_INDENT, PAGE, SIZES, WIDE_MARKER_MM } from '../../server/src/export/layout';
import { renderHtmlParts } from '../../server/src/export/html';
import { CALIBRATION_SPECS, planText } from '../fixtures/calibration/generate';
import { FIXTURES, ROOT, readExample } from '../support/fixtures';
import { mulberry32 } from '../support/random';
import { service } from '../support/service';

const DIR = path.join(FIXTURES, 'calibration');

interface Measured {
  readonly name: string;
  readonly file: string;
  readonly body: number;
  readonly summary: number;
  readonly chapters: readonly number[];
  readonly budget: number;
}
const table = JSON.parse(fs.readFileSync(path.join(DIR, 'measured.json'), 'utf8')) as { measuredWith: Record<string, unknown>; plans: Measured[] };
const readPlan = (file: string): Plan => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Plan;
const estimateOf = (plan: Plan) => estimatePages(plan, computeCost(plan));
const tolerance = (measured: number): number => Math.max(1.5, 0.1 * measured);

describe('page estimate: calibrated against the PDF export', () => {
  it('the calibration set: at least 12 generated plans from about 8 to 40 body pages, measured with Chromium, regular and large projects', () => {
    const generated = table.plans.filter((p) => CALIBRATION_SPECS.some((s) => s.name === p.name));
    assert.ok(generated.length >= 12, `${generated.length} generated plans`);
    assert.ok(Math.min(...generated.map((p) => p.body)) <= 9, 'a short plan');
    assert.ok(Math.max(...generated.map((p) => p.body)) >= 38, 'a long plan');
    assert.ok(generated.some((p) => p.budget === 20) && generated.some((p) => p.budget === 30), 'both budgets');
    assert.match(String(table.measuredWith.tool), /Chromium/i);
    for (const spec of CALIBRATION_SPECS)
      assert.ok(
        table.plans.some((p) => p.name === spec.name),
        `${spec.name} is measured`,
      );
  });

  it('the committed plans are what the generator makes (so `npm run calibrate:pages` re-measures these very plans)', () => {
    for (const spec of CALIBRATION_SPECS) assert.equal(fs.readFileSync(path.join(DIR, `${spec.name}.gpuplan.json`), 'utf8'), planText(spec), spec.name);
  });

  for (const plan of table.plans) {
    it(`${plan.name}: body within max(1.5, 10%) of ${plan.body} real pages, 요약서 within 1 of ${plan.summary}`, () => {
      const estimate = estimateOf(readPlan(plan.file));
      const error = estimate.bodyPages - plan.body;
      assert.ok(
        Math.abs(error) <= tolerance(plan.body),
        `estimated ${estimate.bodyPages}, measured ${plan.body} (error ${error}; chapters ${estimate.chapters.map((c) => c.pages).join('+')} vs ${plan.chapters.join('+')})`,
      );
      assert.ok(Math.abs(estimate.summaryPages - plan.summary) <= 1, `요약서: estimated ${estimate.summaryPages}, measured ${plan.summary}`);
    });
  }

  it('over the whole set: the mean absolute error is under half a page', () => {
    const errors = table.plans.map((p) => Math.abs(estimateOf(readPlan(p.file)).bodyPages - p.body));
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    assert.ok(mean < 0.5, `mean error ${mean.toFixed(2)} pages`);
  });

  it('the complete example: as many pages as its PDF, and no page-budget finding', () => {
    const measured = table.plans.find((p) => p.name === 'example-complete');
    assert.ok(measured);
    const text = readExample('complete.gpuplan.json');
    assert.equal(estimateOf(JSON.parse(text) as Plan).bodyPages, measured.body);
    assert.deepEqual(
      service.analyze(text).findings.filter((f) => f.code === 'page-budget'),
      [],
    );
  });
});

describe('page estimate: the layout is the export’s', () => {
  const levels = { 1: 'chapter', 2: 'section', 3: 'mark', 4: 'sub' } as const;
  /** Headings (level, text) and tables (columns, rows) of the document between two heading ids. */
  function partOf(doc: PlanDocument, from: string, to: string) {
    const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === from);
    const end = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === to);
    const blocks = doc.blocks.slice(start, end);
    return {
      headings: blocks
        .filter((b): b is HeadingBlock => b.kind === 'heading')
        .map((h) => ({ level: h.level === 1 && !h.toc ? 'part' : levels[h.level], text: h.text })),
      tables: blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => ({ columns: t.columns, rows: t.rows.length })),
    };
  }
  /** Headings that print a value of the plan are compared up to the value. */
  const shape = (h: { level: string; text: string }) => ({ level: h.level, text: h.text.replace(/ : .*$/, ' :') });

  const plans: Array<[string, string]> = [
    ['the complete example', readExample('complete.gpuplan.json')],
    ...CALIBRATION_SPECS.slice(0, 6).map((s): [string, string] => [s.name, planText(s)]),
    ['the skeleton', readExample('skeleton.gpuplan.json')],
  ];
  for (const [name, text] of plans) {
    it(`${name}: the same headings and tables, chapter by chapter, as the document model`, () => {
      const analysis = analyzeDocument(parseDocument(text), { locale: 'ko' });
      const doc = planToDocument({ plan: analysis.plan, cost: analysis.cost });
      Flow.diagnostics = true;
      try {
        const flows = [summaryFlow(analysis.plan, lineCount), ...chapterFlows(analysis.plan, analysis.cost, lineCount)];
        const ids = ['summary', 'ch-1', 'ch-2', 'ch-3', 'ch-4', 'ch-5', 'ch-6', 'attachment-0'];
        flows.forEach((flow, i) => {
          const expected = partOf(doc, ids[i], ids[i + 1]);
          assert.deepEqual(flow.headings?.map(shape), expected.headings.map(shape), `${ids[i]}: headings`);
          assert.deepEqual(flow.tables, expected.tables, `${ids[i]}: tables (columns, rows)`);
        });
      } finally {
        Flow.diagnostics = false;
      }
    });
  }

  it('the geometry is the HTML writer’s: page, type sizes, bullet ladder, line heights and margins', () => {
    const g = PAGE_ESTIMATE.value;
    assert.equal(g.page.widthMm, PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm);
    assert.equal(g.page.heightMm, PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm);
    assert.equal(g.body.sizePt, SIZES.body);
    assert.equal(g.note.sizePt, SIZES.note);
    assert.equal(g.table.cell.sizePt, SIZES.cell);
    assert.equal(g.table.dense.sizePt, SIZES.denseCell);
    assert.deepEqual(
      [g.headings.chapter.sizePt, g.headings.part.sizePt, g.headings.section.sizePt, g.headings.mark.sizePt, g.headings.sub.sizePt],
      [SIZES.h1, SIZES.part, SIZES.h2, SIZES.h3, SIZES.h4],
    );
    assert.deepEqual(g.bullets.indentMm, [...BULLET_INDENT_MM]);
    assert.deepEqual(g.bullets.markerMm, [...BULLET_MARKER_MM]);
    assert.equal(g.bullets.cellScale, CELL_INDENT);
    assert.equal(g.bullets.wideMarkerMm, WIDE_MARKER_MM);
    const css = renderHtmlParts(planToDocument({ plan: {}, cost: computeCost({}) })).css.replace(/\s+/g, ' ');
    const rule = (selector: string) => new RegExp(`(^|}) ?${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[2] ?? '';
    assert.match(rule('body'), new RegExp(`line-height: ${g.body.lineHeight};`));
    assert.match(rule('h1, h2, h3, h4'), new RegExp(`line-height: ${g.headings.section.lineHeight};`));
    assert.match(rule('h2'), new RegExp(`margin: ${g.headings.section.beforeMm}mm 0 ${g.headings.section.afterMm}mm;`));
    assert.match(rule('h3'), new RegExp(`margin: ${g.headings.mark.beforeMm}mm 0 ${g.headings.mark.afterMm}mm;`));
    assert.match(rule('h4'), new RegExp(`margin: ${g.headings.sub.beforeMm}mm 0 ${g.headings.sub.afterMm}mm;`));
    assert.match(rule('h1.chapter'), new RegExp(`margin: 0 0 ${g.headings.chapter.afterMm}mm;`));
    assert.match(rule('p'), new RegExp(`margin: 0 0 ${g.body.paragraphAfterMm}mm;`));
    assert.match(rule('p.r-note'), new RegExp(`margin: ${g.note.beforeMm}mm 0 ${g.note.afterMm}mm;`));
    assert.match(rule('ul.ladder'), new RegExp(`margin: 0 0 ${g.bullets.listAfterMm}mm;`));
    assert.match(rule('ul.ladder li'), new RegExp(`margin: 0 0 ${g.bullets.itemAfterMm}mm;`));
    assert.match(rule('table.t'), new RegExp(`margin: ${g.table.beforeMm}mm 0 ${g.table.afterMm}mm;`));
    assert.match(rule('table.t th, table.t td'), new RegExp(`padding: ${g.table.cell.paddingTopMm}mm ${g.table.cell.paddingSideMm}mm;`));
    assert.match(rule('table.t.dense th, table.t.dense td'), new RegExp(`padding: ${g.table.dense.paddingTopMm}mm ${g.table.dense.paddingSideMm}mm;`));
    assert.match(rule('p.r-cell, p.r-pledge'), new RegExp(`line-height: ${g.table.cell.lineHeight};`));
    assert.match(rule('table.t.dense p.r-cell'), new RegExp(`line-height: ${g.table.dense.lineHeight};`));
    assert.match(rule('table.t p.r-cell + p.r-cell'), new RegExp(`margin-top: ${g.table.cell.paragraphGapMm}mm;`));
    assert.match(css, /word-break: keep-all; overflow-wrap: anywhere;/);
  });
});

describe('page estimate: lines as the browser breaks them', () => {
  const em = (mm: number, pt = 12) => mm / ((pt * 25.4) / 72);
  it('a short text is one line, and so is an empty one', () => {
    assert.equal(lineCount('', 10, 'serif'), 1);
    assert.equal(lineCount('과제 목표', 10, 'serif'), 1);
  });
  it('Korean words are not split (keep-all): a line breaks at a space', () => {
    // 30 syllables without a space do not fit 20 em: cut where they overflow, as overflow-wrap: anywhere does.
    assert.equal(lineCount('가'.repeat(30), 20, 'serif'), 2);
    // Ten words of three syllables (2.9 em each, with spaces): six fit in 20 em, not seven.
    assert.equal(lineCount(Array.from({ length: 12 }, () => '가나다').join(' '), 20, 'serif'), 2);
    assert.equal(lineCount(Array.from({ length: 13 }, () => '가나다').join(' '), 20, 'serif'), 3);
  });
  it('breaks after a middle dot and a hyphen, and before a bracket after Hangul', () => {
    const long = '가'.repeat(12);
    assert.equal(lineCount(`${long}·${long}`, 15, 'serif'), 2);
    assert.equal(lineCount(`${long}(${long})`, 15, 'serif'), 2);
    // After a hyphen between letters: LegalBridge-Ko-Instruct- | Model-Weights.
    assert.equal(lineCount('LegalBridge-Ko-Instruct-Model-Weights', 12, 'sans'), 2);
    assert.equal(lineCount('LegalBridgeKoInstructModelWeights', 12, 'sans'), 2);
  });
  it('Latin is narrower than Hangul: a full line of Latin holds more characters', () => {
    const width = em(170);
    const hangul = Array.from({ length: 15 }, () => '가나다').join(' ');
    const latin = Array.from({ length: 15 }, () => 'abc').join(' ');
    assert.equal(lineCount(hangul, width, 'serif'), 2);
    assert.equal(lineCount(latin, width, 'serif'), 1);
  });
  it('the bound from the length is never below the count (random texts, every face and width)', () => {
    const random = mulberry32(7);
    const alphabet = ['가', '나', '한', ' ', ' ', 'a', 'W', 'm', '1', '·', '-', '(', ')', '/', '“', '※', '\n', 'é', '×'];
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: Math.floor(random() * 200) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const width = 1 + random() * 60;
      for (const face of ['serif', 'sans', 'sansBold'] as Face[]) {
        assert.ok(lineCountAtMost(text, width, face) >= lineCount(text, width, face), JSON.stringify({ text, width, face }));
      }
    }
    assert.ok(WIDEST >= 1);
  });
});

describe('page estimate: the upper bound and incremental analysis', () => {
  it('the bound is never below the estimate: every calibration plan, and 60 random variants of them', () => {
    const random = mulberry32(11);
    const plans = table.plans.map((p) => readPlan(p.file));
    const variants = Array.from({ length: 60 }, () => {
      const plan = JSON.parse(JSON.stringify(plans[Math.floor(random() * plans.length)])) as Record<string, Record<string, unknown> | undefined>;
      // Drop or double some chapters' prose and rows.
      for (const key of CHAPTER_KEYS) {
        const chapter = plan[key];
        if (!chapter) continue;
        for (const [field, value] of Object.entries(chapter)) {
          if (!Array.isArray(value)) continue;
          const items = value as unknown[];
          const r = random();
          chapter[field] = r < 0.3 ? items.slice(0, Math.floor(items.length / 2)) : r < 0.6 ? [...items, ...items] : items;
        }
      }
      return plan;
    });
    for (const plan of [...plans, ...variants]) {
      const exact = estimateOf(plan);
      const bound = estimatePagesAtMost(plan);
      assert.ok(bound.bodyPages >= exact.bodyPages, `body: bound ${bound.bodyPages} < estimate ${exact.bodyPages}`);
      assert.ok(bound.summaryPages >= exact.summaryPages, `요약서: bound ${bound.summaryPages} < estimate ${exact.summaryPages}`);
      exact.chapters.forEach((c, i) => {
        assert.ok(bound.chapters[i].pages >= c.pages, `${c.key}: bound ${bound.chapters[i].pages} < estimate ${c.pages}`);
      });
    }
  });

  it('after an edit, only the parts that read the edited place are laid out again: whole parts of another plan swapped in give a fresh estimate', () => {
    const plans = table.plans.map((p) => readPlan(p.file));
    const keys = [...new Set(plans.flatMap((p) => Object.keys(p)))];
    const LAID_OUT = ['summary', 'projectTitle', 'applicant', 'gpu', ...CHAPTER_KEYS];
    const random = mulberry32(23);
    let changed = 0;
    for (let n = 0; n < 40; n++) {
      const from = plans[Math.floor(random() * plans.length)];
      const other = plans[Math.floor(random() * plans.length)];
      // Mostly what the layout reads (and gpu, which the cost table shows), else anything.
      const pick = random() < 0.75 ? LAID_OUT : keys;
      const key = pick[Math.floor(random() * pick.length)];
      const before = JSON.parse(JSON.stringify(from)) as Record<string, unknown>;
      // A place at the top, or one below it (applicant.name is the 요약서's, the rest of applicant VI's).
      const path: string[] = key === 'applicant' && random() < 0.5 ? ['applicant', 'name'] : [key];
      const after = JSON.parse(JSON.stringify(before)) as Record<string, Record<string, unknown>>;
      const value = path.length === 1 ? (other as Record<string, unknown>)[key] : 'ㅇㅇ 법률 인공지능 연구소 주식회사 (공동 수행: 한국 행정 데이터 진흥원)';
      if (path.length === 1) after[key] = value as Record<string, unknown>;
      else after.applicant = { ...after.applicant, name: value };
      const previousPlan = before as Plan;
      const plan = after as Plan;
      const previousCost = computeCost(previousPlan);
      const previous = estimatePages(previousPlan, previousCost);
      // As incremental analysis passes them: the previous cost model when the new one is the same,
      // and where the plan changed; the parts that do not read it are those of before.
      const cost = computeCost(plan);
      const reused = estimatePages(plan, isDeepStrictEqual(cost, previousCost) ? previousCost : cost, { previous: previousPlan, edited: { paths: [path] } });
      const fresh = estimateOf(JSON.parse(JSON.stringify(plan)) as Plan);
      assert.deepEqual(reused, fresh, `${path.join('.')} of ${other.projectTitle as string} into ${from.projectTitle as string}`);
      if (!isDeepStrictEqual(previous, fresh)) changed++;
    }
    assert.ok(changed >= 20, `only ${changed} swaps changed the estimate`);
    // The cost table reads the GPU request through the cost model: without gpu.months it has no
    // amounts, and chapter III is shorter.
    for (const from of plans) {
      const previousPlan = JSON.parse(JSON.stringify(from)) as Plan;
      const previous = estimatePages(previousPlan, computeCost(previousPlan));
      const plan = { ...previousPlan, gpu: { ...(previousPlan.gpu as object), months: undefined } } as Plan;
      const reused = estimatePages(plan, computeCost(plan), { previous: previousPlan, edited: { paths: [['gpu', 'months']] } });
      assert.notDeepEqual(reused.chapters[2], previous.chapters[2]);
      assert.deepEqual(reused, estimateOf(plan));
      // Another number of months: other amounts in the same lines, chapter III as it was (its
      // cost table compared alone), and the estimate the same object.
      const months = (previousPlan.gpu as { months: number }).months;
      const other = { ...previousPlan, gpu: { ...(previousPlan.gpu as object), months: months === 12 ? 11 : months + 1 } } as Plan;
      const kept = estimatePages(other, computeCost(other), { previous: previousPlan, edited: { paths: [['gpu', 'months']] } });
      assert.deepEqual(kept, estimateOf(other));
      if (isDeepStrictEqual(kept, previous)) assert.equal(kept, previous);
    }
  });

  it('an edit nothing in the layout reads keeps the very estimate; so does a keystroke that keeps its bullet’s line count', () => {
    const text = readExample('complete.gpuplan.json');
    let analysis = service.analyze(text);
    const first = analysis.pages();
    // A staff row (붙임0 is not counted): the same estimate object.
    const role = text.indexOf('"role": "') + '"role": "'.length;
    let current = text.slice(0, role) + 'x' + text.slice(role);
    analysis = service.update(analysis, { offset: role, length: 0, text: 'x' }, current);
    assert.equal(analysis.pages(), first);
    // A letter typed into a short bullet of I-2: the same lines, the same estimate object.
    const bullet = current.indexOf('"text": "현재 보유 자원의 한계"') + '"text": "현재'.length;
    const next = current.slice(0, bullet) + '가' + current.slice(bullet);
    analysis = service.update(analysis, { offset: bullet, length: 0, text: '가' }, next);
    current = next;
    assert.equal(analysis.pages(), first);
    assert.deepEqual(analysis.pages(), service.analyze(current).pages());
  });

  it('typing in a long plan gives the same pages as analysing it afresh (the line counts of before are reused)', () => {
    const text = fs.readFileSync(path.join(DIR, 'cal-13-large-max.gpuplan.json'), 'utf8');
    let analysis = service.analyze(text);
    const first = analysis.pages();
    let current = text;
    // Type a long sentence into a bullet, keystroke by keystroke, then check against a fresh analysis.
    const at = current.indexOf('"text": "', current.indexOf('"necessity": [')) + '"text": "'.length + 2;
    const typed = ' 법령 개정 이력 데이터 9억 토큰을 시행일 단위로 정렬하여 시점 인지형 학습 데이터로 구축함';
    for (let i = 0; i < typed.length; i++) {
      const offset = at + i;
      current = current.slice(0, offset) + typed[i] + current.slice(offset);
      analysis = service.update(analysis, { offset, length: 0, text: typed[i] }, current);
    }
    const fresh = service.analyze(current).pages();
    assert.deepEqual(analysis.pages(), fresh);
    assert.ok(fresh.bodyPages >= first.bodyPages);
    // An edit outside prose (a full analysis, which may reuse them too): the same again.
    const months = current.indexOf('"months": 12');
    current = current.slice(0, months) + '"months": 11' + current.slice(months + '"months": 12'.length);
    analysis = service.update(analysis, { offset: months + '"months": '.length, length: 2, text: '11' }, current);
    assert.deepEqual(analysis.pages(), service.analyze(current).pages());
  });
});

describe('page estimate: what the CLI and the preview show', () => {
  const CLI = path.join(ROOT, 'dist', 'cli.js');
  const cost = (file: string) => {
    const result = spawnSync(process.execPath, [CLI, 'cost', file, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as { pages: { body: number; summary: number; budget: number } };
  };

  for (const [file, name] of [
    [path.join('examples', 'complete.gpuplan.json'), 'the complete example'],
    [path.join('test', 'fixtures', 'calibration', 'cal-13-large-max.gpuplan.json'), 'a large project over its budget'],
  ]) {
    it(`gpuplan cost --format json reports pages { body, summary, budget }, the preview's numbers: ${name}`, () => {
      assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const { pages } = cost(file);
      const analysis = service.analyze(text);
      const preview = service.costPreview(analysis, 'ko');
      const estimate = estimatePages(analysis.plan, analysis.cost);
      assert.deepEqual(Object.keys(pages).sort(), ['body', 'budget', 'summary']);
      assert.deepEqual(pages, { body: preview.pages.body, summary: preview.pages.summary, budget: preview.pages.budget });
      assert.deepEqual(pages, { body: estimate.bodyPages, summary: estimate.summaryPages, budget: analysis.cost.pageBudget });
    });
  }
});
