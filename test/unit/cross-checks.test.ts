/**
 * The cross-checks of the form beyond their fixtures: every rule's documented examples, months
 * counted to the day by one function for the rule and the export, the youth-company verdict shared
 * by the rule and the cost model, acknowledgement variants, and messages a Korean reviewer reads
 * (dates in the form's style, no clock).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, type Plan } from '../../server/src/core';
import { computeCost } from '../../server/src/core/cost/cost';
import { parseDate, periodLength, periodMonthsText } from '../../server/src/core/dates';
import { applyEdits } from '../../server/src/core/edit/fix';
import { analyze, service } from '../support/service';
import { FIXTURES, ROOT, readExample, stripMarkers } from '../support/fixtures';

const complete = readExample('complete.gpuplan.json');

/** The complete plan with a documentation patch applied (JSON pointer → value; undefined deletes). */
function patched(patch: Readonly<Record<string, unknown>>): string {
  const plan = JSON.parse(complete) as Record<string, unknown>;
  for (const [pointer, value] of Object.entries(patch)) {
    const keys = pointer
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let target: Record<string, unknown> = plan;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (value === undefined) Reflect.deleteProperty(target, last);
    else target[last] = value;
  }
  return JSON.stringify(plan, null, 2);
}

const codesOf = (text: string, code: string) => analyze(text, { locale: 'ko' }).filter((f) => f.code === code);

/** The prose rules and the page estimate are being reworked on their own branches, examples included. */
const PROSE_AND_PAGES = new Set(['vague-expression', 'template-guide-left', 'abbreviation-undefined', 'page-budget']);

describe('cross-checks: every rule documents a passing and a failing example that really pass and fail', () => {
  for (const rule of RULES.filter((r) => !PROSE_AND_PAGES.has(r.code))) {
    it(rule.code, () => {
      const { pass, fail } = rule.docs.examples;
      const text = (example: typeof pass) => ('text' in example ? example.text : patched(example.patch));
      assert.deepEqual(
        codesOf(text(pass), rule.code).map((f) => f.message),
        [],
        'the passing example is quiet',
      );
      assert.ok(codesOf(text(fail), rule.code).length > 0, 'the failing example fires');
    });
  }
});

describe('cross-checks: months counted to the day', () => {
  const length = (start: string, end: string) => periodLength(parseDate(start)!, parseDate(end)!)!;

  it('counts whole months and days, both ends included, and calls a period within 3 days of whole months whole', () => {
    const cases: Array<[string, string, number, number, number | undefined, string]> = [
      ['2026-03-01', '2026-08-31', 6, 0, 6, '6'],
      ['2026-03-01', '2026-08-01', 5, 1, 5, '5'],
      ['2026-03-02', '2026-08-31', 5, 30, 6, '6'],
      ['2026-03-01', '2026-08-28', 5, 28, 6, '6'],
      ['2026-03-01', '2026-08-27', 5, 27, undefined, '5.9'],
      ['2026-03-01', '2026-08-15', 5, 15, undefined, '5.5'],
      ['2026-03-15', '2026-09-14', 6, 0, 6, '6'],
      ['2026-01-31', '2026-02-28', 1, 1, 1, '1'],
      ['2028-02-01', '2028-02-29', 1, 0, 1, '1'],
      ['2026-03-01', '2027-02-28', 12, 0, 12, '12'],
    ];
    for (const [start, end, months, days, whole, printed] of cases) {
      const l = length(start, end);
      assert.deepEqual([l.months, l.days, l.whole, periodMonthsText(l)], [months, days, whole, printed], `${start} ~ ${end}`);
    }
    assert.equal(periodLength(parseDate('2026-08-01')!, parseDate('2026-03-01')!), undefined, 'ends before it starts');
  });

  it('the export prints the months the rule checks, for every period of a year of starts and ends', () => {
    const starts = ['2026-01-01', '2026-01-15', '2026-01-31', '2026-02-28', '2026-03-01', '2026-03-02', '2026-06-30'];
    for (const start of starts) {
      for (let days = 60; days <= 400; days += 7) {
        const end = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)) + days)).toISOString().slice(0, 10);
        const l = length(start, end);
        if (l.whole === undefined || l.whole < 3 || l.whole > 12) continue;
        const plan = JSON.parse(complete) as Plan;
        plan.schedule = { ...plan.schedule, period: { start, end } };
        for (const months of [l.whole - 1, l.whole, l.whole + 1]) {
          plan.gpu = { ...plan.gpu, months };
          const fires = codesOf(JSON.stringify(plan), 'schedule-months-mismatch').length > 0;
          assert.equal(fires, months !== l.whole, `${start} ~ ${end} printed (${periodMonthsText(l)}개월), gpu.months ${months}`);
        }
      }
    }
  });
});

describe('cross-checks: the youth-company discount applies exactly when the rule accepts the flag', () => {
  const numbers = ['214-86-47312', '124-81-00998', '124-85-00996', '124-84-00999', '124-12-00992', '124-90-00990', '124-82-00995', '124-83-00992'];
  const births = ['1979-04-17', '1985-12-21', '1985-12-22', '1995-01-01'];
  it('for every kind of registration number, birth date, applicant type and flag', () => {
    for (const type of ['industry', 'academia', 'research'] as const) {
      for (const registrationNumber of numbers) {
        for (const birthDate of births) {
          for (const youthCompany of [true, false]) {
            const plan = JSON.parse(complete) as Plan;
            plan.applicant = { ...plan.applicant, type, registrationNumber, youthCompany, representative: { ...plan.applicant?.representative, birthDate } };
            const text = JSON.stringify(plan);
            const finding = codesOf(text, 'youth-company-mismatch').length > 0;
            const discounted = computeCost(plan).payer.policy === 'youthDiscount';
            const what = `${type} ${registrationNumber} ${birthDate} declared ${youthCompany}`;
            if (discounted) assert.ok(youthCompany && !finding, `discount only when declared and accepted: ${what}`);
            if (youthCompany && type === 'industry')
              assert.equal(discounted, !finding, `a declared industry flag is discounted iff the rule accepts it: ${what}`);
            const corporation = /-(8[1145678])-/.test(registrationNumber);
            const young = birthDate >= '1985-12-22';
            assert.equal(discounted, youthCompany && type === 'industry' && corporation && young, what);
          }
        }
      }
    }
  });
});

describe('cross-checks: the acknowledgement message shows the part that differs', () => {
  const ack = (value: string) => patched({ '/disclosure/publications/acknowledgement': value });
  it('quotes the differing words of both texts, in Korean and English', () => {
    const text = ack('이 성과는 정부의 재원으로 “첨단 GPU 활용 지원 사업”으로 지원 받아 수행된 연구임 (과제번호)');
    const [ko] = codesOf(text, 'acknowledgement-missing');
    assert.match(ko.message, /"정부의" 부분이 공식 문구에서는 "정부\(과학기술정보통신부\)의"입니다/);
    const [en] = analyze(text, { locale: 'en' }).filter((f) => f.code === 'acknowledgement-missing');
    assert.match(en.message, /it has "정부의" where the official sentence has "정부\(과학기술정보통신부\)의"/);
  });

  it('the quick fix replaces only the sentence: the label and the translation stay', () => {
    const value =
      '사사 문구: 이 성과는 정부(과학기술정보통신부)의 재원으로 첨단 GPU 사업으로 지원 받아 수행된 연구임 (과제번호) / This work was supported by MSIT.';
    const text = ack(value);
    const analysis = service.analyze(text, { locale: 'ko' });
    const [finding] = analysis.findings.filter((f) => f.code === 'acknowledgement-missing');
    const [fix] = service.fixesOf(analysis, finding);
    assert.ok(fix.edits);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(
      fixed.includes(
        '사사 문구: 이 성과는 정부(과학기술정보통신부)의 재원으로 “첨단 GPU 활용 지원 사업”으로 지원 받아 수행된 연구임 (과제번호) / This work was supported by MSIT.',
      ),
    );
    assert.deepEqual(codesOf(fixed, 'acknowledgement-missing'), []);
  });
});

describe('cross-checks: messages a Korean reviewer reads', () => {
  const failFixtures = fs
    .readdirSync(path.join(FIXTURES, 'rules'))
    .filter((code) => code !== 'schema' && code !== 'syntax')
    .flatMap((code) =>
      fs
        .readdirSync(path.join(FIXTURES, 'rules', code))
        .filter((f) => f.startsWith('fail'))
        .map((f) => [code, f] as const),
    );

  it("write dates in the form's style (2026.09.), never ISO, in Korean", () => {
    for (const [code, file] of failFixtures) {
      const { text } = stripMarkers(fs.readFileSync(path.join(FIXTURES, 'rules', code, file), 'utf8'));
      // A message may quote what the plan says ("1900-01-01" left in as a placeholder): only the
      // dates the message writes itself must be in the form's style.
      const own = (message: string) => message.replace(/"[^"]*"/g, '""');
      for (const finding of codesOf(text, code)) {
        assert.doesNotMatch(own(finding.message), /(?<![\d-])\d{4}-\d{2}(-\d{2})?(?![\d-])/, `${code}/${file}: ${finding.message}`);
        for (const related of finding.related ?? [])
          assert.doesNotMatch(own(related.message), /(?<![\d-])\d{4}-\d{2}(-\d{2})?(?![\d-])/, `${code}/${file}: ${related.message}`);
      }
    }
  });

  it("judge recency by the plan's own dates: no rule reads the clock", () => {
    const dir = path.join(ROOT, 'server', 'src', 'core', 'rules');
    const files = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    for (const file of files) assert.doesNotMatch(fs.readFileSync(path.join(dir, file), 'utf8'), /Date\.now|new Date\(\s*\)/, file);
  });

  it('judge the 5-year and 3-year windows from the pledge date, else from the project start', () => {
    const old = patched({ '/institution/achievements/5/date': '2022-09' });
    assert.equal(codesOf(old, 'achievement-recency').length, 1);
    // The same plan signed three years earlier: the achievement is recent.
    assert.equal(
      codesOf(
        patched({
          '/institution/achievements/5/date': '2022-09',
          '/pledge/date': '2023-06-01',
          '/schedule/period': { start: '2023-07-01', end: '2023-12-31' },
        }),
        'achievement-recency',
      ).length,
      0,
    );
    // Without a pledge date, the project start (2026-03-01) decides.
    assert.equal(codesOf(patched({ '/institution/achievements/5/date': '2023-02', '/pledge/date': undefined }), 'achievement-recency').length, 1);
    assert.equal(codesOf(patched({ '/institution/achievements/5/date': '2023-03', '/pledge/date': undefined }), 'achievement-recency').length, 0);
  });
});
