import * as assert from 'node:assert/strict';
import { LineIndex, RULES } from '../../server/src/core';
import { deriveFrom, renderFindings, runRules } from '../../server/src/core/analyze';
import { PAGE_ESTIMATE } from '../../server/src/core/figures';
import { parseDocument } from '../../server/src/core/json/parse';
import { estimatePages } from '../../server/src/core/pages/estimate';
import type { Plan } from '../../server/src/core/plan/types';
import { defineRule } from '../../server/src/core/rules/rule';
import { analyze, service } from '../support/service';
import { readExample, stripMarkers } from '../support/fixtures';

const complete = readExample('complete.gpuplan.json');

describe('analyze: schema messages', () => {
  it('suggests the key a user most likely meant', () => {
    const text = complete.replace('"homepage":', '"homepgae":');
    const [finding] = analyze(text, { locale: 'en' }).filter((f) => f.code === 'schema');
    assert.match(finding.message, /"homepgae" is not allowed here\. Did you mean "homepage"\?/);
    assert.deepEqual((finding.data as { suggestion: string }).suggestion, 'homepage');
  });

  it('suggests the enum value a user most likely meant, in Korean too', () => {
    const text = complete.replace('"type": "industry"', '"type": "industy"');
    const [finding] = analyze(text, { locale: 'ko' }).filter((f) => f.code === 'schema');
    assert.match(finding.message, /"industry"를 쓰려던 것인가요\?/);
  });

  it('lists the allowed values, merged into one message', () => {
    const text = complete.replace('"type": "H200"', '"type": "A100"');
    const findings = analyze(text, { locale: 'en' }).filter((f) => f.code === 'schema');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /Allowed values: "H200", "B200"\./);
  });

  it('gives one type message for a Text value of the wrong type, without anyOf noise', () => {
    const text = complete.replace(/"necessity": \[/, '"necessity": 12, "x": [');
    const findings = analyze(text, { locale: 'en' }).filter((f) => f.code === 'schema' && f.path?.includes('necessity'));
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /must be a string or an array/);
  });

  it("reports bullets nested deeper than the form's 5 levels", () => {
    const deep =
      '{ "text": "1", "items": [{ "text": "2", "items": [{ "text": "3", "items": [{ "text": "4", "items": [{ "text": "5", "items": ["6"] }] }] }] }] }';
    const text = complete.replace(/"necessity": \[/, `"necessity": [${deep}, `);
    const findings = analyze(text, { locale: 'en' }).filter((f) => f.code === 'schema');
    assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
  });

  it('merges several missing properties of one object into one finding on its key', () => {
    const text = complete.replace(/"gpu": \{[^}]*\}/, '"gpu": {}');
    const findings = analyze(text, { locale: 'en' }).filter((f) => f.code === 'schema');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /Missing required properties: "type" \(GPU 기종\), "servers" \(서버 수\), "months" \(활용 신청 기간\(개월\)\)\./);
    assert.equal(text.slice(findings[0].offset, findings[0].offset + findings[0].length), '"gpu"');
  });

  it('keeps rule findings while the document has a syntax error elsewhere', () => {
    const text = complete.replace('"servers": 4,\n    "months": 6', '"servers": 40,\n    "months": 6,');
    const codes = new Set(analyze(text).map((f) => f.code));
    assert.ok(codes.has('syntax'));
    assert.ok(codes.has('gpu-servers-range'));
  });

  it('does not call required properties missing in an object that is still being typed', () => {
    const { text } = stripMarkers('{ "gpu": { "type": "H200", "servers": 4, "mon');
    const findings = analyze(text);
    assert.ok(
      findings.every((f) => f.code === 'syntax'),
      findings.map((f) => `${f.code} ${f.message}`).join('\n'),
    );
  });

  it('reports an empty file once, at the start', () => {
    const findings = analyze('');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'syntax');
    assert.equal(findings[0].offset, 0);
  });

  it('finds the same prose problems whether the text has escapes (per string) or not (one pass)', () => {
    const plain = readExample('mistakes.gpuplan.json')
      .replace('"★ ', '"')
      .replace(/,(\s*\])/, '$1')
      .replace('"projectTitle": "', '"projectTitle": "QRX: 빠른 응답 교환, XYZ와 KLM(Kernel Language Model) ');
    const escaped = plain.replace('"formVersion": "2025-12"', '"formVersion": "2025\\u002d12"');
    assert.notEqual(plain, escaped);
    const view = (text: string) =>
      analyze(text, { locale: 'en' })
        .filter((f) => ['abbreviation-undefined', 'template-guide-left', 'vague-expression'].includes(f.code))
        .map((f) => `${f.code} ${f.message}`);
    assert.ok(view(plain).some((m) => m.includes('"XYZ"')));
    assert.ok(!view(plain).some((m) => m.includes('"KLM"')));
    assert.ok(!view(plain).some((m) => m.includes('"QRX"')), 'a definition "X: full name" at the start of a string');
    assert.deepEqual(view(escaped), view(plain));
    const withGuide = plain.replace('"projectTitle": "', '"projectTitle": "★ ');
    const notGuide = (m: string) => !m.startsWith('template-guide-left');
    assert.deepEqual(view(withGuide).filter(notGuide), view(plain).filter(notGuide));
    // The guide sentence left without its ★, and the ★ added to the title, are found on both paths.
    assert.equal(view(withGuide).filter((m) => !notGuide(m)).length, 2);
    assert.deepEqual(view(withGuide.replace('"formVersion": "2025-12"', '"formVersion": "2025\\u002d12"')), view(withGuide));
  });

  it('tells duplicate keys from colons inside strings, whatever the escapes and spacing', () => {
    const clean = ['{ "a\\"": "x\\":y", "b" : "c:\\\\", "d\\\\" :1, "e": "\\" : \\":" }', '{"k":{"k":{"k":":"}}}'];
    for (const text of clean) {
      const doc = parseDocument(text);
      assert.deepEqual(doc.syntaxErrors, [], text);
      assert.deepEqual(doc.duplicates, [], text);
    }
    const dup = parseDocument('{ "a\\"": "x\\":y", "b" : 1, "b":2 }');
    assert.equal(dup.duplicates.length, 1);
  });

  it('reads "__proto__" as an ordinary key', () => {
    const doc = parseDocument('{ "__proto__": { "polluted": true }, "projectTitle": "x" }');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(doc.value), Object.prototype);
    const findings = analyze('{ "__proto__": { "polluted": true } }', { locale: 'en' });
    assert.ok(findings.some((f) => /"__proto__" is not allowed/.test(f.message)));
  });

  it('refuses nesting beyond the limit without overflowing the stack', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const findings = analyze(text, { locale: 'en' });
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /Nesting deeper than/);
  });

  it('maps ranges through escapes in strings', () => {
    const text = '{ "overview": { "necessity": "\\"따옴표\\" 뒤 확장이 가능하다" } }';
    const [finding] = analyze(text).filter((f) => f.code === 'vague-expression');
    assert.equal(text.slice(finding.offset, finding.offset + finding.length), '확장이 가능하다');
  });

  it('converts offsets to lines for CRLF documents', () => {
    const text = complete.replace(/\n/g, '\r\n').replace('"servers": 4,', '"servers": 40,');
    const [finding] = analyze(text).filter((f) => f.code === 'gpu-servers-range');
    const lines = new LineIndex(text);
    const expectedLine = text.slice(0, text.indexOf('"servers": 40')).split('\r\n').length - 1;
    assert.equal(lines.positionAt(finding.offset).line, expectedLine);
  });
});

describe('analyze: settings and resilience', () => {
  it('applies severity overrides and "off"', () => {
    const text = complete.replace('"servers": 4,', '"servers": 40,');
    const findings = analyze(text, { severity: { 'gpu-servers-range': 'warning', 'copayment-mismatch': 'off', 'stage-gpu-exceeds-request': 'off' } });
    assert.equal(findings.find((f) => f.code === 'gpu-servers-range')?.severity, 'warning');
    assert.ok(!findings.some((f) => f.code === 'copayment-mismatch'));
  });

  it('extends the abbreviation allowlist', () => {
    const text = complete.replace('"projectTitle": "', '"projectTitle": "XYZ ');
    assert.ok(analyze(text).some((f) => f.code === 'abbreviation-undefined'));
    assert.ok(!analyze(text, { abbreviationAllowlist: ['XYZ'] }).some((f) => f.code === 'abbreviation-undefined'));
  });

  it('keeps running the other rules when one throws, and reports the failure once', () => {
    const broken = defineRule()({
      code: 'broken',
      severity: 'error',
      reads: 'structure',
      description: { en: 'Throws.', ko: '예외를 던짐' },
      messages: {},
      docs: RULES[2].docs,
      check: () => {
        throw new Error('boom');
      },
    });
    const text = complete.replace('"servers": 4,', '"servers": 40,');
    const doc = parseDocument(text);
    const plan = doc.value as Plan;
    const findings = renderFindings(runRules(doc, plan, [broken, ...RULES], { locale: 'en' }, deriveFrom(doc, plan)), { locale: 'en' }, text.length);
    const internal = findings.filter((f) => f.code === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /"broken" check failed unexpectedly \(boom\)/);
    assert.ok(findings.some((f) => f.code === 'gpu-servers-range'));
  });

  it('attaches related locations to cross-field findings', () => {
    const text = complete.replace('"total": 21', '"total": 22');
    const [finding] = analyze(text, { locale: 'en' }).filter((f) => f.code === 'employees-total-mismatch');
    assert.ok(finding.related, 'related locations');
    assert.equal(finding.related.length, 2);
    assert.deepEqual(
      finding.related.map((r) => text.slice(r.offset, r.offset + r.length)),
      ['18', '3'],
    );
  });
});

describe('analyze: page estimate', () => {
  // The rule first bounds the estimate by counting every character full width and computes it
  // exactly only when that bound is over the budget: the bound must never hide a long plan.
  const withBullets = (count: number, bullet: string): string => {
    const plan = JSON.parse(complete) as { overview: { necessity: unknown[] } };
    for (let i = 0; i < count; i++) plan.overview.necessity.push(`${bullet} ${i}`);
    return JSON.stringify(plan, null, 2);
  };
  const reported = (text: string) => analyze(text, { locale: 'en' }).some((f) => f.code === 'page-budget' && f.path?.[0] !== 'summary');
  const overBudget = (text: string) => {
    const analysis = service.analyze(text);
    return estimatePages(analysis.plan, analysis.cost).bodyPages > analysis.cost.pageBudget * (1 + PAGE_ESTIMATE.value.tolerance);
  };

  for (const [kind, bullet] of [
    ['Hangul (full width)', '국가 AI컴퓨팅 자원으로 한국어 법률 문서 특화 모델을 학습하여 판례 검색 정확도를 높임'],
    ['Latin (half width)', 'We train a Korean legal language model on national compute to improve case retrieval accuracy'],
  ]) {
    it(`reports exactly the plans whose exact estimate is over the budget: ${kind}`, () => {
      let seenOver = false;
      let seenUnder = false;
      for (let count = 0; count <= 600; count += 40) {
        const text = withBullets(count, bullet);
        const over = overBudget(text);
        assert.equal(reported(text), over, `${count} bullets`);
        seenOver ||= over;
        seenUnder ||= !over;
      }
      assert.ok(seenOver && seenUnder, 'the series crosses the budget');
    });
  }
});
