/**
 * Every placeholder gpuplan itself writes (the snippets, Insert Section, New Plan's skeleton and
 * the quick fixes) and every guide sentence of the form, with or without its ★, is reported by
 * template-guide-left, at exactly its range.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/edit/fix';
import { ACKNOWLEDGEMENT, FORM_GUIDE_SENTENCES } from '../../server/src/core/figures';
import { ROOT, readExample } from '../support/fixtures';
import { analyze, service } from '../support/service';
import { expandSnippet } from '../support/snippets';

interface SnippetMeta {
  prefix: string;
  kind: 'document' | 'property' | 'row' | 'value';
  at: (string | number)[];
  key?: string;
  text: string;
}
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: a real import() that tsc does not turn into require()
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{
  readSchema(): unknown;
  buildSnippets(schema: unknown): { meta: SnippetMeta[] };
}>;

/**
 * What gpuplan writes that the plan may keep as it is: choices (the first option of each),
 * the form version, a nationality, the official acknowledgement, and dates inside the program's period. Everything else it
 * writes in a string is a placeholder and must be reported.
 */
const CHOICES = new Set<string>();
const KEEPABLE = (value: string) =>
  value === '' ||
  value === '대한민국' ||
  value === '2025-12' ||
  value === ACKNOWLEDGEMENT.value ||
  CHOICES.has(value) ||
  /^202[5-6]-\d{2}(?:-\d{2})?$/.test(value);

/** Every string of a JSON value with its path. */
function strings(value: unknown, at: (string | number)[] = []): Array<{ path: (string | number)[]; value: string }> {
  if (typeof value === 'string') return [{ path: at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === '$schema' ? [] : strings(v, [...at, k])));
  return [];
}

const guideFindings = (text: string, locale: 'ko' | 'en' = 'ko'): Finding[] => analyze(text, { locale }).filter((f) => f.code === 'template-guide-left');
const samePath = (a: readonly (string | number)[] | undefined, b: readonly (string | number)[]) =>
  !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/** Asserts that every placeholder string under `under` in `text` is reported over its whole value, and nothing else is. */
function assertPlaceholdersReported(text: string, under: (string | number)[], what: string): number {
  const plan = JSON.parse(text) as unknown;
  const root = under.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], plan);
  const findings = guideFindings(text);
  let placeholders = 0;
  for (const { path: at, value } of strings(root, under)) {
    const here = findings.filter((f) => samePath(f.path, at));
    if (KEEPABLE(value)) {
      assert.deepEqual(
        here.map((f) => f.message),
        [],
        `${what}: ${at.join('.')} = "${value}" is not a placeholder`,
      );
      continue;
    }
    placeholders++;
    assert.equal(here.length, 1, `${what}: ${at.join('.')} = "${value}" is reported once (${here.length})`);
    assert.equal(text.slice(here[0].offset, here[0].offset + here[0].length), value, `${what}: ${at.join('.')}: the whole value`);
    assert.match(here[0].message, /gpuplan/, `${what}: the message says gpuplan put it there`);
  }
  return placeholders;
}

describe('placeholders gpuplan writes are reported', () => {
  let meta: SnippetMeta[];
  before(async () => {
    const generator = await importModule(pathToFileURL(path.join(ROOT, 'scripts', 'generate-snippets.mjs')).href);
    meta = generator.buildSnippets(generator.readSchema()).meta;
    // The options of every choice (an enum value), whichever the user keeps.
    for (const m of meta) for (const choice of m.text.matchAll(/\$\{\d+\|([^|]*)\|\}/g)) for (const option of choice[1].split(',')) CHOICES.add(option);
    assert.ok(CHOICES.has('H200') && CHOICES.has('basicResearch'));
  });

  it('a plan made from the whole-plan snippet: every placeholder (대표자 성명, name@example.com, 02-1234-5678 …) is reported', () => {
    const whole = meta.find((m) => m.prefix === 'gp-plan')!;
    const text = JSON.stringify(JSON.parse(expandSnippet(whole.text)), null, 2);
    const count = assertPlaceholdersReported(text, [], 'gp-plan');
    assert.ok(count >= 60, `${count} placeholders`);
    for (const sample of ['〔대표자 성명〕', 'name@example.com', '02-1234-5678', '010-1234-5678', '123-45-67891', '1900-01-01']) {
      assert.ok(text.includes(`"${sample}"`), `the snippet writes ${sample}`);
    }
  });

  it('every snippet, inserted where it belongs in the complete example: every placeholder is reported', () => {
    const complete = JSON.parse(readExample('complete.gpuplan.json')) as Record<string, unknown>;
    for (const m of meta.filter((x) => x.kind !== 'document')) {
      const plan = structuredClone(complete);
      const expanded = expandSnippet(m.text);
      let under: (string | number)[];
      if (m.kind === 'property') {
        const parent = m.at.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], plan) as Record<string, unknown>;
        parent[m.key!] = (JSON.parse(`{${expanded}}`) as Record<string, unknown>)[m.key!];
        under = [...m.at, m.key!];
      } else if (m.kind === 'row') {
        const rows = m.at.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], plan) as unknown[];
        rows.push(JSON.parse(expanded));
        under = [...m.at, rows.length - 1];
      } else {
        (plan as { overview: { necessity: unknown } }).overview.necessity = JSON.parse(expanded);
        under = ['overview', 'necessity'];
      }
      assertPlaceholdersReported(JSON.stringify(plan, null, 2), under, m.prefix);
    }
  });

  it('Insert Section: each section inserted into the complete example without it: every placeholder is reported', () => {
    const complete = JSON.parse(readExample('complete.gpuplan.json')) as Record<string, unknown>;
    let sections = 0;
    for (const key of ['summary', 'overview', 'mainContent', 'gpuPlan', 'dissemination', 'schedule', 'institution', 'staff', 'contacts', 'applicant']) {
      const { [key]: _removed, ...rest } = complete;
      const text = JSON.stringify(rest, null, 2);
      const insertion = service.insertion(service.analyze(text), [], key);
      assert.ok(insertion && insertion.kind === 'insert', key);
      const inserted = text.slice(0, insertion.offset) + expandSnippet(insertion.snippet) + text.slice(insertion.offset);
      assertPlaceholdersReported(inserted, [key], `Insert Section ${key}`);
      sections++;
    }
    assert.equal(sections, 10);
  });

  it('New Plan (examples/skeleton.gpuplan.json): every placeholder is reported', () => {
    const text = readExample('skeleton.gpuplan.json');
    const count = assertPlaceholdersReported(text, [], 'skeleton');
    assert.ok(count >= 50, `${count} placeholders`);
  });

  it("the quick fixes' placeholders, left unfilled, are reported too (〔기한〕, 〔수량〕, 〔풀네임〕)", () => {
    const text = JSON.stringify({ overview: { necessity: ['해외 서비스로 확장이 가능함', 'ORPO 기반 선호 학습'] } }, null, 2);
    let fixed = text;
    for (const code of ['vague-expression', 'abbreviation-undefined']) {
      const analysis = service.analyze(fixed);
      const finding = analysis.findings.find((f) => f.code === code)!;
      const [fix] = service.fixesOf(analysis, finding);
      fixed = applyEdits(fixed, [{ offset: fix.snippet!.offset, length: fix.snippet!.length, newText: expandSnippet(fix.snippet!.text) }]);
    }
    const left = guideFindings(fixed).map((f) => fixed.slice(f.offset, f.offset + f.length));
    assert.deepEqual(left, ['〔기한〕', '〔수량〕', '〔풀네임〕']);
    assert.deepEqual(
      analyze(fixed)
        .filter((f) => f.code === 'vague-expression' || f.code === 'abbreviation-undefined')
        .map((f) => f.message),
      [],
    );
  });
});

describe('guide sentences of the form are reported, with or without ★', () => {
  const withSentence = (bullet: string) => JSON.stringify({ overview: { necessity: ['본 과제는 한국어 법률 문서 특화 모델을 개발함', bullet] } }, null, 2);

  it('every guide sentence listed in figures.ts, pasted as is, with its ★, and with other spacing', () => {
    assert.ok(FORM_GUIDE_SENTENCES.value.length >= 80, `${FORM_GUIDE_SENTENCES.value.length} sentences`);
    for (const [index, { text: sentence, place }] of FORM_GUIDE_SENTENCES.value.entries()) {
      const variants = [sentence, `★ ${sentence}`, sentence.replace(/ /g, ''), sentence.replace(/ /g, '  ').replace(/,/g, ' ,')];
      for (const variant of variants) {
        const text = withSentence(variant);
        const findings = guideFindings(text).filter((f) => samePath(f.path, ['overview', 'necessity', 1]));
        assert.equal(findings.length, 1, `#${index} "${variant}": ${findings.map((f) => f.message).join(' | ')}`);
        const found = text.slice(findings[0].offset, findings[0].offset + findings[0].length);
        assert.equal(found, JSON.stringify(variant.trim()).slice(1, -1), `#${index}: the whole sentence, with its ★`);
        assert.ok(findings[0].message.includes(place), `#${index}: the message names ${place}`);
      }
    }
  });

  it("a guide sentence inside a bullet of the plan's own text is marked alone, and its quick fix deletes it", () => {
    const own = '법령 1,200만 건으로 학습한 법률 특화 언어모델을 개발함.';
    const text = withSentence(`${own} ★ GPU 요청 규모의 적정성(노드 수, GPU 장수 등)을 과제의 데이터 처리량, 모델 복잡도와 연계해 제시`);
    const analysis = service.analyze(text, { locale: 'en' });
    const [finding] = analysis.findings.filter((f) => f.code === 'template-guide-left');
    assert.match(text.slice(finding.offset, finding.offset + finding.length), /^★ GPU 요청 규모의 적정성.*연계해 제시$/u);
    const [fix] = service.fixesOf(analysis, finding);
    assert.equal(fix.title, 'Delete the guide sentence');
    const fixed = applyEdits(text, fix.edits!);
    assert.equal((JSON.parse(fixed) as { overview: { necessity: string[] } }).overview.necessity[1], own);
    assert.deepEqual(
      guideFindings(fixed).map((f) => f.message),
      [],
    );
  });

  it("leaves the plan's own sentences alone, even where they share words with the guide", () => {
    for (const own of [
      '국가 AI컴퓨팅 자원이 필요한 이유: 현재 보유 GPU 4장으로는 32B 모델 학습에 11개월이 걸림',
      '과제 수행 결과로 얻은 최종 모델의 가중치 파일을 HuggingFace에 공개함',
      '학습에 사용한 데이터셋의 일부를 외부에 재사용 가능하도록 공개함',
      'H200 서버 2대 × 6개월로 민간부담금 38,400,000원을 산정함',
      '주요 과업 진척률(현 모델개발 단계 35%)과 확보 데이터 1.2TB',
    ]) {
      assert.deepEqual(
        guideFindings(withSentence(own)).map((f) => f.message),
        [],
        own,
      );
    }
  });
});
