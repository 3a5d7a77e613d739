import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex, RULE_CODES, type RuleCode, type Severity } from '../../server/src/core';
import { analyze } from '../support/service';
import { FIXTURES, readFixture, stripMarkers } from '../support/fixtures';

/** Written out here, not read from the registry, so a changed default severity fails a test. */
const SEVERITY: Record<RuleCode, Severity> = {
  syntax: 'error',
  schema: 'error',
  'gpu-servers-range': 'error',
  'gpu-months-range': 'error',
  'large-project-review': 'information',
  'copayment-mismatch': 'error',
  'acknowledgement-missing': 'error',
  'pledge-missing': 'error',
  'youth-company-mismatch': 'warning',
  'registration-number-checksum': 'error',
  'stage-gpu-exceeds-request': 'error',
  'stage-gpu-server-mismatch': 'warning',
  'stage-period-outside-schedule': 'error',
  'schedule-months-mismatch': 'warning',
  'milestone-outside-schedule': 'warning',
  'employees-total-mismatch': 'warning',
  'staff-participation': 'error',
  'vague-expression': 'warning',
  'template-guide-left': 'warning',
  'abbreviation-undefined': 'information',
  'page-budget': 'warning',
  'progress-target-below-current': 'warning',
  'utilization-target-mismatch': 'warning',
  'publication-plan-missing': 'warning',
  'pledge-organization-mismatch': 'warning',
  'lead-researcher-mismatch': 'warning',
  'stage-months-mismatch': 'warning',
  'deliverable-outside-schedule': 'warning',
  'education-order': 'warning',
  'career-order': 'warning',
  'government-project-recency': 'warning',
  'government-project-status': 'warning',
  'staffing-mismatch': 'warning',
  'achievement-recency': 'warning',
  'staff-period-outside-schedule': 'warning',
  'degree-format': 'warning',
};

const toRange = (lines: LineIndex, r: { offset: number; length: number }) => {
  const { start, end } = lines.rangeOf(r.offset, r.length);
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
};

describe('rules: every code fires on its fixture at the exact range, and stays quiet on its near miss', () => {
  for (const code of RULE_CODES) {
    describe(code, () => {
      const dir = path.join(FIXTURES, 'rules', code);
      const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];

      it('has at least one failing and one passing fixture', () => {
        assert.ok(
          files.some((f) => f.startsWith('fail')),
          `no fail*.json in ${dir}`,
        );
        assert.ok(
          files.some((f) => f.startsWith('pass')),
          `no pass*.json in ${dir}`,
        );
      });

      for (const file of files.filter((f) => f.startsWith('fail'))) {
        it(`${file}: reports ${code} exactly at the marked ranges`, () => {
          const { text, ranges } = stripMarkers(readFixture('rules', code, file));
          assert.ok(ranges.length > 0, 'fixture marks no range');
          const lines = new LineIndex(text);
          for (const locale of ['ko', 'en'] as const) {
            const findings = analyze(text, { locale }).filter((f) => f.code === code);
            assert.deepEqual(findings.map((f) => toRange(lines, f)).sort(), ranges.map((r) => toRange(lines, r)).sort(), `${locale}: ranges`);
            for (const finding of findings) {
              assert.equal(finding.severity, SEVERITY[code]);
              assert.ok(finding.message.length > 10, 'message is a sentence');
            }
          }
          // The Korean and English messages differ: the message is really translated.
          const ko = analyze(text, { locale: 'ko' })
            .filter((f) => f.code === code)
            .map((f) => f.message);
          const en = analyze(text, { locale: 'en' })
            .filter((f) => f.code === code)
            .map((f) => f.message);
          assert.notDeepEqual(ko, en);
          assert.ok(
            ko.every((m) => /[가-힣]/.test(m)),
            'Korean message has Hangul',
          );
        });
      }

      for (const file of files.filter((f) => f.startsWith('pass'))) {
        it(`${file}: does not report ${code}`, () => {
          const text = readFixture('rules', code, file);
          assert.ok(!text.includes('⟦'), 'pass fixtures mark nothing');
          const findings = analyze(text).filter((f) => f.code === code);
          assert.deepEqual(
            findings.map((f) => f.message),
            [],
          );
        });
      }
    });
  }
});
