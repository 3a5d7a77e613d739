import * as assert from 'node:assert/strict';
import { formatWon, type Plan } from '../../server/src/core';
import { computeCost } from '../../server/src/core/cost/cost';
import { costTable } from '../../server/src/core/cost/table';

const plan = (overrides: Partial<Plan> = {}): Plan => ({
  applicant: { type: 'industry', youthCompany: false },
  gpu: { type: 'H200', servers: 2, months: 6 },
  ...overrides,
});

describe('cost model (III-3 민간부담금)', () => {
  it("reproduces the form's own example: H200, 2 servers, 6 months = 38,400,000원", () => {
    const cost = computeCost(plan());
    assert.equal(cost.baseWon, 38_400_000);
    assert.equal(formatWon(cost.baseWon), '38,400,000원');
    const table = costTable(cost, 'ko');
    assert.deepEqual(table.headers, ['신청상품', '수량', '기준단가(서버1대/월)', '신청개월', '산출 내역', '합계']);
    assert.deepEqual(table.row, ['H200', '서버 2대', '3,200,000원 (400,000원 x 8장)', '6개월', '3,200,000원 x 2대 x 6개월', '38,400,000원']);
    assert.equal(table.summary, '민간부담금 38,400,000원 (H200 3,200,000원 × 2대 × 6개월)');
  });

  it('prices B200 at 6,400,000원 per server-month', () => {
    assert.equal(computeCost(plan({ gpu: { type: 'B200', servers: 3, months: 4 } })).baseWon, 6_400_000 * 3 * 4);
  });

  it('industry pays the full amount', () => {
    const cost = computeCost(plan());
    assert.equal(cost.payer.policy, 'full');
    assert.equal(cost.payer.applicableWon, 38_400_000);
    assert.equal(cost.payer.mustPublish, false);
  });

  /** A corporation (middle digits 81: 영리법인 본점) whose representative was born after 1985-12-22. */
  const youth = {
    type: 'industry',
    youthCompany: true,
    registrationNumber: '124-81-00998',
    representative: { name: '김청년', nationality: '대한민국', birthDate: '1990-03-01' },
  } as const;

  it('a youth company pays half', () => {
    const cost = computeCost(plan({ applicant: youth }));
    assert.equal(cost.payer.policy, 'youthDiscount');
    assert.equal(cost.payer.applicableWon, 19_200_000);
    assert.equal(costTable(cost, 'ko').summary, '민간부담금 19,200,000원 / 기준 38,400,000원 (H200 3,200,000원 × 2대 × 6개월; 청년기업: 기준 금액의 50% 감면)');
  });

  it('a youth company as the form defines it: the 50% applies only when the rules accept the flag, and the payer line says why not', () => {
    const cases: Array<[string, Record<string, unknown>, string, RegExp, RegExp]> = [
      ['a sole proprietor (01–79)', { registrationNumber: '124-12-00992' }, 'notCorporation', /법인기업의 번호가 아님/, /not that of a corporation/],
      ['a tax-exempt sole proprietor (90–99)', { registrationNumber: '124-90-00990' }, 'notCorporation', /법인기업/, /corporation/],
      ['a non-profit corporation (82)', { registrationNumber: '124-82-00995' }, 'notCorporation', /법인기업/, /corporation/],
      [
        'a representative born the day before 1985-12-22',
        { representative: { ...youth.representative, birthDate: '1985-12-21' } },
        'bornBefore',
        /대표자가 1985\.12\.22\. 이전 출생/,
        /born before 1985-12-22/,
      ],
      ['no birth date', { representative: { name: '김청년', nationality: '대한민국' } }, 'birthDateUnknown', /생년월일 미기재/, /birth date is not given/],
      ['no registration number', { registrationNumber: undefined }, 'registrationUnknown', /확인할 수 없음/, /does not show a corporation/],
    ];
    for (const [name, change, refusal, ko, en] of cases) {
      const cost = computeCost(plan({ applicant: { ...youth, ...change } }));
      assert.equal(cost.payer.policy, 'full', name);
      assert.equal(cost.payer.applicableWon, 38_400_000, name);
      assert.equal(cost.payer.youthCompany, false, name);
      assert.equal(cost.payer.youthCompanyDeclared, true, name);
      assert.equal(cost.payer.youthCompanyRefusal, refusal, name);
      assert.match(costTable(cost, 'ko').policy, ko, name);
      assert.match(costTable(cost, 'en').policy, en, name);
    }
    // Born on the day itself, and a corporation branch (85) and a foreign corporation (84): the discount applies.
    for (const change of [
      { representative: { ...youth.representative, birthDate: '1985-12-22' } },
      { registrationNumber: '124-85-00996' },
      { registrationNumber: '124-84-00999' },
    ]) {
      const cost = computeCost(plan({ applicant: { ...youth, ...change } }));
      assert.equal(cost.payer.policy, 'youthDiscount', JSON.stringify(change));
      assert.equal(cost.payer.applicableWon, 19_200_000);
    }
    // Not declared: the full amount, with no reason to give.
    const undeclared = computeCost(plan({ applicant: { ...youth, youthCompany: false } }));
    assert.equal(undeclared.payer.policy, 'full');
    assert.equal(costTable(undeclared, 'ko').policy, '산업계: 전액 부담');
  });

  for (const type of ['academia', 'research'] as const) {
    it(`${type} pays 0원 but must publish`, () => {
      const cost = computeCost(plan({ applicant: { type, youthCompany: true } }));
      assert.equal(cost.payer.policy, 'exempt');
      assert.equal(cost.payer.applicableWon, 0);
      assert.equal(cost.payer.mustPublish, true);
      assert.equal(cost.baseWon, 38_400_000, "the form's base amount is still shown");
      assert.match(costTable(cost, 'en').policy, /published/);
    });
  }

  it('leaves the applicable amount open when the applicant type is missing', () => {
    const cost = computeCost({ gpu: { type: 'H200', servers: 2, months: 6 } });
    assert.equal(cost.baseWon, 38_400_000);
    assert.equal(cost.payer.applicableWon, undefined);
  });

  it('counts GPUs and GPU-hours as GPUs × months × 720 h', () => {
    const cost = computeCost(plan({ gpu: { type: 'H200', servers: 4, months: 6 } }));
    assert.equal(cost.gpus, 32);
    assert.equal(cost.gpuHours, 32 * 6 * 720);
    assert.equal(costTable(cost, 'en').gpuLine, '32 GPUs, 138,240 GPU-hours (32 GPUs × 6 months × 720 h)');
  });

  it('gives figures per stage, months counted inclusively', () => {
    const cost = computeCost(
      plan({
        gpuPlan: {
          stages: [
            { period: { start: '2026-03', end: '2026-04' }, servers: 2, gpus: 16, expectedUtilizationPercent: 80 },
            { period: { start: '2026-05', end: '2026-08' }, servers: 1, gpus: 8 },
          ],
        },
      }),
    );
    assert.deepEqual(
      cost.stages.map((s) => [s.months, s.gpus, s.gpuHours, s.expectedGpuHours]),
      [
        [2, 16, 16 * 2 * 720, Math.round(16 * 2 * 720 * 0.8)],
        [4, 8, 8 * 4 * 720, undefined],
      ],
    );
    assert.equal(cost.stageTotals.gpuHours, 16 * 2 * 720 + 8 * 4 * 720);
  });

  it('flags the on-site review and the 30-page budget for large requests', () => {
    assert.equal(computeCost(plan({ gpu: { type: 'H200', servers: 7, months: 6 } })).onsiteReview, false);
    const large = computeCost(plan({ gpu: { type: 'H200', servers: 8, months: 6 } }));
    assert.equal(large.onsiteReview, true);
    assert.equal(large.pageBudget, 30);
    assert.equal(computeCost(plan({ gpu: { type: 'B200', servers: 4, months: 6 } })).onsiteReview, true);
  });

  it('is incomplete, not wrong, while the request is half typed', () => {
    const cost = computeCost({ gpu: { type: 'H200', months: 6 } });
    assert.equal(cost.complete, false);
    assert.equal(cost.baseWon, undefined);
    assert.equal(costTable(cost, 'ko').row, undefined);
    assert.match(costTable(cost, 'ko').summary, /입력하면 계산/);
  });
});
