/**
 * The prose rules measured on the labelled corpus (test/fixtures/prose, README there): every
 * document analysed as a plan, every finding compared with the hand-written labels.
 *
 * Per phrase: a finding is correct when its range overlaps a labelled span of its sentence.
 *   precision = correct findings / all findings
 *   recall    = labelled spans overlapped by some finding / all labelled spans
 *
 * Targets (issue 12): vague-expression precision ≥ 90% and recall ≥ 85%; abbreviation-undefined
 * precision ≥ 90% (its recall is asserted too). Every quick fix offered on the corpus is applied
 * and must write correct Korean.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate, planOf, readCorpus, type Evaluation, type Score, type Split } from '../support/prose-corpus';
import { ROOT } from '../support/fixtures';
import { analyze } from '../support/service';

const SPLITS: readonly Split[] = ['dev', 'heldout', 'blind'];
const results = new Map<Split, Evaluation>();
const evaluation = (split: Split): Evaluation => {
  if (!results.has(split)) results.set(split, evaluate(split));
  return results.get(split)!;
};

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const describeScore = (s: Score) =>
  `precision ${percent(s.precision)} (${s.correct}/${s.findings}), recall ${percent(s.recall)} (${s.found}/${s.labels})` +
  (s.wrong.length ? `\n  wrong: ${s.wrong.map((p) => `${p.id} "${p.text}"`).join('; ')}` : '') +
  (s.missed.length ? `\n  missed: ${s.missed.map((p) => `${p.id} "${p.text}"`).join('; ')}` : '');

/** The forms the issue names as legitimate: each must be in the corpus, unlabelled and unreported. */
const LEGITIMATE = ['재현 가능한', '사업화 가능성', '불가능', '가능하도록', '검토 의견 반영률', '검토 중 발견'];

describe('prose corpus: the labels', () => {
  const all = SPLITS.flatMap((split) => readCorpus(split).map((line) => ({ split, line })));

  it('has at least 400 hand-labelled sentences across domains and fields of the form, a quarter held out', () => {
    assert.ok(all.length >= 400, `${all.length} sentences`);
    const domains = new Set(all.map((x) => x.line.domain));
    for (const domain of ['medical', 'manufacturing', 'language', 'public']) assert.ok(domains.has(domain), domain);
    assert.ok(new Set(all.map((x) => x.line.field)).size >= 10, 'fields of the form');
    const held = all.filter((x) => x.split !== 'dev').length;
    assert.ok(held / all.length >= 0.25, `held out ${held} of ${all.length}`);
    const ids = all.map((x) => x.line.id);
    assert.equal(new Set(ids).size, ids.length, 'unique ids');
  });

  it('labels every sentence with a reason, exact spans, and fixes in the firm 개조식 form', () => {
    for (const { line } of all) {
      assert.ok(line.reason.trim().length > 1, `${line.id}: a reason`);
      for (const v of line.vague) {
        assert.ok(line.text.includes(v.text), `${line.id}: span "${v.text}"`);
        assert.ok(v.fix === null || /^[가-힣]+[함됨]$/u.test(v.fix), `${line.id}: fix "${v.fix}"`);
      }
      for (const a of line.acronyms) assert.ok(line.text.includes(a), `${line.id}: acronym "${a}"`);
    }
  });

  it("covers the form's three families of vague wording, company names, benchmarks, licences and conferences", () => {
    const text = all.map((x) => x.line.text).join('\n');
    const phrases = all.flatMap((x) => x.line.vague.map((v) => v.text)).join('\n');
    for (const ending of [
      '수도 있',
      '수 있음',
      '가능함',
      '가능하며',
      ' 가능',
      '것으로 예상됨',
      '것으로 판단됨',
      '것으로 보임',
      '고려하고 있',
      '고려 중',
      '검토 예정',
      '검토 중',
    ]) {
      assert.ok(phrases.includes(ending), `a labelled phrase with "${ending}"`);
    }
    for (const name of [
      'SK텔레콤',
      'LG전자',
      'NHN',
      'KMMLU',
      'HAE-RAE',
      'CC-BY',
      'Apache 2.0',
      'MIT',
      'CVPR',
      'NeurIPS',
      'LoRA',
      'QLoRA',
      'MoE',
      'PoC',
      'KOLAS',
      'NIA',
    ]) {
      assert.ok(text.includes(name), name);
    }
  });
});

describe('prose corpus: vague-expression and abbreviation-undefined meet their targets', () => {
  for (const split of SPLITS) {
    it(`${split}: vague-expression precision ≥ 90% and recall ≥ 85%`, () => {
      const { vague } = evaluation(split);
      assert.ok(vague.labels >= 20, `${vague.labels} labelled phrases`);
      assert.ok(vague.precision >= 0.9 && vague.recall >= 0.85, describeScore(vague));
    });

    it(`${split}: abbreviation-undefined precision ≥ 90% (and recall ≥ 85%)`, () => {
      const { acronyms } = evaluation(split);
      assert.ok(acronyms.labels >= 9, `${acronyms.labels} labelled acronyms`);
      assert.ok(acronyms.precision >= 0.9 && acronyms.recall >= 0.85, describeScore(acronyms));
    });
  }

  it('leaves the legitimate uses alone (재현 가능한, 사업화 가능성, 불가능, 가능하도록, 검토 의견 반영률, 검토 중 발견)', () => {
    for (const phrase of LEGITIMATE) {
      const lines = SPLITS.flatMap((split) => readCorpus(split)).filter((line) => line.text.includes(phrase));
      assert.ok(lines.length > 0, `the corpus has "${phrase}"`);
      for (const line of lines) {
        const at = line.text.indexOf(phrase);
        const labelled = line.vague.some((v) => {
          const start = line.text.indexOf(v.text);
          return start < at + phrase.length && at < start + v.text.length;
        });
        assert.ok(!labelled, `${line.id}: "${phrase}" is labelled vague`);
        const { text, starts } = planOf([line.text]);
        const found = analyze(text).filter(
          (f) => f.code === 'vague-expression' && f.offset < starts[0] + at + phrase.length && starts[0] + at < f.offset + f.length,
        );
        assert.deepEqual(
          found.map((f) => f.message),
          [],
          line.id,
        );
      }
    }
  });

  it('accepts a definition after the first use and "X: full name", and finds mixed-case acronyms', () => {
    const lines = readCorpus('dev').filter((line) => line.doc === 'def-1');
    const { text } = planOf(lines.map((line) => line.text));
    const reported = analyze(text)
      .filter((f) => f.code === 'abbreviation-undefined')
      .map((f) => text.slice(f.offset, f.offset + f.length));
    assert.deepEqual(reported.sort(), ['MoE', 'RLHF']);
    // Every labelled mixed-case acronym (LoRA, QLoRA, MoE, PoC, ViT, mAP …) is found.
    for (const split of SPLITS) {
      const mixed = readCorpus(split).flatMap((line) => line.acronyms.filter((a) => /[a-z]/.test(a)).map((a) => `${line.id} ${a}`));
      assert.ok(split !== 'dev' || mixed.length >= 8, `${mixed.length} mixed-case acronyms in dev`);
      const missed = new Set(evaluation(split).acronyms.missed.map((p) => `${p.id} ${p.text}`));
      assert.deepEqual(
        mixed.filter((m) => missed.has(m)),
        [],
        split,
      );
    }
  });
});

describe('prose corpus: every quick fix offered writes correct Korean', () => {
  for (const split of SPLITS) {
    it(`${split}: only where the label has a firm form, exactly that form, Korean placeholders, never after a negation`, () => {
      const { fixes } = evaluation(split);
      assert.ok(fixes.length > 0, 'fixes offered');
      for (const fix of fixes) {
        const where = `${fix.id} "${fix.phrase}" → "${fix.inserted}"`;
        assert.ok(fix.label?.fix, `${where}: no fix may be offered here (label: ${fix.label ? 'guidance only' : 'not vague'})`);
        assert.ok(fix.inserted.startsWith(`${fix.label.fix}(`), `${where}: expected "${fix.label.fix}"`);
        // The firm form and the placeholders for the deadline and quantity, in Korean: no Latin placeholder words.
        assert.match(fix.inserted, /^[가-힣]+[함됨]\(〔기한〕까지, 〔수량〕\)$/u, where);
        // No noun + 한다, and no particle left before 함 (확산도함, 서버한다).
        assert.doesNotMatch(fix.inserted, /한다|(?:도|만|을|를)[함됨]\(/u, where);
        // The meaning is not inverted: no negation in the phrase replaced, none written.
        assert.doesNotMatch(fix.phrase, /않|없|못|아니/u, where);
        assert.doesNotMatch(fix.inserted, /않|없|못|아니|불가/u, where);
        // The fixed sentence is no longer vague there.
        const { text, starts } = planOf([fix.sentence]);
        const at = fix.sentence.indexOf(fix.inserted);
        const still = analyze(text).filter(
          (f) => f.code === 'vague-expression' && f.offset < starts[0] + at + fix.inserted.length && starts[0] + at < f.offset + f.length,
        );
        assert.deepEqual(
          still.map((f) => f.message),
          [],
          `${where}: still vague`,
        );
      }
    });
  }

  it('writes the same Korean edit whatever the UI language', () => {
    for (const split of SPLITS) {
      const ko = evaluation(split).fixes.map((f) => [f.id, f.inserted]);
      const en = evaluate(split, 'en').fixes.map((f) => [f.id, f.inserted]);
      assert.deepEqual(en, ko);
    }
  });

  it('offers a fix for most phrases that can be rewritten grammatically', () => {
    let fixable = 0;
    let offered = 0;
    for (const split of SPLITS) {
      const lines = readCorpus(split);
      fixable += lines.reduce((n, line) => n + line.vague.filter((v) => v.fix).length, 0);
      offered += evaluation(split).fixes.length;
    }
    assert.ok(offered / fixable >= 0.8, `${offered} of ${fixable} rewritable phrases get a fix`);
  });
});

describe('prose corpus: the README reports the measured figures', () => {
  it('README "Prose rule accuracy" has the figures of every part', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Prose rule accuracy'));
    assert.ok(section.length > 0 && readme.includes('## Prose rule accuracy'), 'the section exists');
    for (const split of SPLITS) {
      const { vague, acronyms, sentences } = evaluation(split);
      const row = `| ${split} | ${sentences} | ${percent(vague.precision)} (${vague.correct}/${vague.findings}) | ${percent(vague.recall)} (${vague.found}/${vague.labels}) | ${percent(acronyms.precision)} (${acronyms.correct}/${acronyms.findings}) | ${percent(acronyms.recall)} (${acronyms.found}/${acronyms.labels}) |`;
      assert.ok(section.includes(row), `README row for ${split}:\n${row}`);
    }
  });
});
