/**
 * Everything that lists rules is generated from the registry by scripts/generate-rules.mjs and
 * committed: the `gpuplan.rules` settings block and its nls entries, the README's rule table,
 * docs/rules/. These tests keep the files up to date (and the generator's --check honest), make
 * each rule's documented examples behave as the pages say, keep the generated Markdown free of
 * accidental syntax (a single "~" is strike-through on GitHub), and check what `gpuplan rules`
 * and the SARIF rule descriptors say against the registry.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES, ruleOf, type Locale, type Rule } from '../../server/src/core';
import {
  applyPatch,
  exampleFragment,
  examplePointers,
  exampleText,
  markdownText,
  parsePointer,
  ruleHelp,
  rulePagePath,
  ruleSource,
} from '../../server/src/cli/rule-docs';
import { toSarif } from '../../server/src/cli/report';
import { columns } from '../../server/src/cli/text-table';
import { ROOT, readExample } from '../support/fixtures';
import { analyze } from '../support/service';

const GENERATOR = path.join(ROOT, 'scripts', 'generate-rules.mjs');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const LOCALES: Locale[] = ['ko', 'en'];

const generator = (...args: string[]) => {
  const result = spawnSync(process.execPath, [GENERATOR, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const examplePlan = (): unknown => JSON.parse(readExample('complete.gpuplan.json'));

/** The generated files, in a fresh temporary copy of the project's. */
function tempCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-rules-'));
  for (const file of ['package.json', 'package.nls.json', 'package.nls.ko.json', 'README.md']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  fs.cpSync(path.join(ROOT, 'docs', 'rules'), path.join(dir, 'docs', 'rules'), { recursive: true });
  return dir;
}

/** The lines of Markdown text outside fenced code blocks, with code spans blanked out. */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').flatMap((line) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [line.replace(/`[^`]*`/g, '``')];
  });
}

/** A "~" or "*" that Markdown would read (not escaped, outside code): strike-through or emphasis. */
function strayMarks(markdown: string): string[] {
  return proseLines(markdown).filter((line) => /(?<!\\)[~]/.test(line.replace(/\\\\/g, '')) || /(?<!\\)\*(?!\*)/.test(line.replace(/\*\*/g, '')));
}

/** The cells of a Markdown table row, split at the unescaped pipes (as GFM does, code spans too). */
const cells = (row: string): string[] => row.replace(/^\||\|$/g, '').split(/(?<!\\)\|/);

describe('rules: generated docs and settings (scripts/generate-rules.mjs)', () => {
  it('--check passes on the committed files (run `npm run rules`)', () => {
    const { code, stdout, stderr } = generator('--check');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /up to date/);
  });

  it('--check fails on a stale copy and names every stale file; writing fixes exactly those', () => {
    const dir = tempCopy();
    const readme = path.join(dir, 'README.md');
    fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace(/\| error \| JSON/, '| warning | JSON'));
    const ko = path.join(dir, 'package.nls.ko.json');
    fs.writeFileSync(ko, fs.readFileSync(ko, 'utf8').replace(/"config\.rules\.pledge-missing": "[^"]*"/, '"config.rules.pledge-missing": "옛 설명"'));
    fs.rmSync(path.join(dir, 'docs', 'rules', 'schema.md'));
    fs.writeFileSync(path.join(dir, 'docs', 'rules', 'old-rule.md'), '# a rule that is gone\n');
    const pageOf = path.join(dir, 'docs', 'rules', 'gpu-months-range.md');
    fs.appendFileSync(pageOf, 'hand-written line\n');

    const stale = generator('--check', '--root', dir);
    assert.equal(stale.code, 1);
    const named = stale.stderr
      .split('\n')
      .filter((line) => / (is|are) /.test(line) && !/run npm run rules/.test(line))
      .map((line) => line.split(' ')[0])
      .sort();
    assert.deepEqual(named, ['README.md', 'docs/rules/gpu-months-range.md', 'docs/rules/old-rule.md', 'docs/rules/schema.md', 'package.nls.ko.json']);
    assert.match(stale.stderr, /docs\/rules\/schema\.md is missing/);
    assert.match(stale.stderr, /docs\/rules\/old-rule\.md is not a rule page/);
    assert.match(stale.stderr, /5 generated file\(s\) out of date: run npm run rules/);

    // A README without its markers is named too, and left alone.
    const readmeText = fs.readFileSync(readme, 'utf8');
    fs.writeFileSync(readme, readmeText.replace('<!-- rules:end -->', ''));
    const unmarked = generator('--check', '--root', dir);
    assert.equal(unmarked.code, 1);
    assert.match(unmarked.stderr, /^README\.md has no rule table markers/m);
    assert.equal(generator('--root', dir).code, 1);
    assert.equal(fs.readFileSync(readme, 'utf8'), readmeText.replace('<!-- rules:end -->', ''));
    fs.writeFileSync(readme, readmeText);

    const write = generator('--root', dir);
    assert.equal(write.code, 0, write.stderr);
    assert.equal(generator('--check', '--root', dir).code, 0);
    assert.ok(!fs.existsSync(path.join(dir, 'docs', 'rules', 'old-rule.md')));
    for (const file of [
      'README.md',
      'package.nls.ko.json',
      'package.json',
      path.join('docs', 'rules', 'schema.md'),
      path.join('docs', 'rules', 'gpu-months-range.md'),
    ]) {
      assert.equal(fs.readFileSync(path.join(dir, file), 'utf8'), read(file), file);
    }
  });

  it('rewrites only the gpuplan.rules block of package.json, keeping every other byte', () => {
    const dir = tempCopy();
    const file = path.join(dir, 'package.json');
    const original = read('package.json');
    // Odd but valid formatting elsewhere must survive, and a hand-edited block must come back.
    const odd = original
      .replace('"private": true,', '"private":true ,   ')
      .replace(/"syntax": \{[^}]*\]\s*,?\s*"markdownDescription"/, '"syntax": { "type": "string", "markdownDescription"');
    assert.notEqual(odd, original);
    fs.writeFileSync(file, odd);
    assert.equal(generator('--root', dir).code, 0);
    const written = fs.readFileSync(file, 'utf8');
    assert.equal(written, original.replace('"private": true,', '"private":true ,   '));
  });

  it('the settings: one level setting per code, its default in its description, a Korean and an English text', () => {
    interface LevelSetting {
      enum: string[];
      enumDescriptions: string[];
      default?: string;
      markdownDescription: string;
      description: string;
    }
    const manifest = JSON.parse(read('package.json')) as {
      contributes: { configuration: { properties: Record<string, { properties: Record<string, LevelSetting> }> } };
    };
    const block = manifest.contributes.configuration.properties['gpuplan.rules'];
    const nls = { en: JSON.parse(read('package.nls.json')) as Record<string, string>, ko: JSON.parse(read('package.nls.ko.json')) as Record<string, string> };
    assert.deepEqual(
      Object.keys(block.properties),
      RULES.map((r) => r.code),
    );
    for (const rule of RULES) {
      const property = block.properties[rule.code];
      assert.deepEqual(property.enum, ['error', 'warning', 'information', 'hint', 'off']);
      assert.deepEqual(
        property.enumDescriptions,
        property.enum.map((level) => `%config.severity.${level}%`),
      );
      assert.equal(property.markdownDescription, `%config.rules.${rule.code}%`);
      assert.equal(property.description, `%config.rules.${rule.code}.plain%`);
      assert.equal(property.default, rule.severity, `${rule.code}: the level the Settings editor proposes`);
      for (const locale of LOCALES) {
        const markdown = nls[locale][`config.rules.${rule.code}`];
        assert.ok(markdown.startsWith(locale === 'ko' ? `기본값: \`${rule.severity}\`` : `Default: \`${rule.severity}\`.`), markdown);
        assert.ok(markdown.includes(markdownText(rule.description[locale])), markdown);
        assert.ok(markdown.includes(rulePagePath(rule.code)), markdown);
        assert.deepEqual(strayMarks(markdown), [], `${locale} ${rule.code}`);
        assert.ok(nls[locale][`config.rules.${rule.code}.plain`].endsWith(rule.description[locale]));
      }
    }
    // No entry for a code that is gone.
    for (const key of Object.keys(nls.en).filter((k) => k.startsWith('config.rules.'))) assert.ok(ruleOf(key.replace(/^config\.rules\.|\.plain$/g, '')), key);
  });

  it('the README table lists every rule with its level, both descriptions and its page, and renders as a table', () => {
    const readme = read('README.md');
    const region = readme.slice(readme.indexOf('<!-- rules:start'), readme.indexOf('<!-- rules:end -->'));
    const rows = region.split('\n').filter((line) => line.startsWith('| '));
    assert.equal(rows.length, RULES.length + 1);
    assert.deepEqual(
      cells(rows[0]).map((c) => c.trim()),
      ['code', 'severity', '설명', 'description'],
    );
    RULES.forEach((rule, i) => {
      const row = cells(rows[i + 1]).map((c) => c.trim());
      assert.equal(row.length, 4, rows[i + 1]);
      assert.equal(row[0], `[\`${rule.code}\`](${rulePagePath(rule.code)})`);
      assert.equal(row[1], rule.severity);
      assert.equal(row[2], markdownText(rule.description.ko, true));
      assert.equal(row[3], markdownText(rule.description.en, true));
    });
    assert.deepEqual(strayMarks(region), []);
    // The Korean descriptions do have the form's "2~32대": escaped, not struck through.
    assert.match(region, /2\\~32대/);
  });

  it('one page per rule, Korean first then English, with every part the pages promise', () => {
    const plan = examplePlan();
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).sort();
    assert.deepEqual(pages, [...RULES.map((r) => `${r.code}.md`), 'README.md'].sort());
    for (const rule of RULES) {
      const page = read(rulePagePath(rule.code));
      const ko = page.indexOf('## 한국어');
      const en = page.indexOf('## English');
      assert.ok(ko > 0 && en > ko, `${rule.code}: Korean, then English`);
      for (const [locale, part] of [
        ['ko', page.slice(ko, en)],
        ['en', page.slice(en)],
      ] as const) {
        assert.ok(part.includes(markdownText(rule.description[locale])), `${rule.code} ${locale}: description`);
        assert.ok(part.includes(markdownText(rule.docs.checks[locale])), `${rule.code} ${locale}: checks`);
        assert.ok(part.includes(`> ${markdownText(rule.docs.form)}`), `${rule.code} ${locale}: the form's words, quoted`);
        assert.ok(part.includes(markdownText(rule.docs.formPlace[locale])), `${rule.code} ${locale}: where in the form`);
        assert.ok(part.includes(markdownText(rule.docs.fix[locale])), `${rule.code} ${locale}: how to fix`);
        assert.ok(part.includes(`\`${rule.severity}\``), `${rule.code} ${locale}: default severity`);
        assert.ok(part.includes(`"gpuplan.rules": {\n    "${rule.code}": `), `${rule.code} ${locale}: how to change its level`);
        assert.ok(part.includes('.vscode/settings.json'), `${rule.code} ${locale}: per folder`);
        const { pass, fail, show } = rule.docs.examples;
        for (const example of [pass, fail]) {
          const code =
            'text' in example ? example.text.replace(/\n$/, '') : exampleFragment(applyPatch(plan, example.patch), examplePointers(example, show), locale);
          assert.ok(part.includes(`\n${code}\n\`\`\``), `${rule.code} ${locale}: the example\n${code}`);
        }
      }
      assert.deepEqual(strayMarks(page), [], rule.code);
      assert.ok(page.startsWith(`<!-- Generated by scripts/generate-rules.mjs from ${ruleSource(rule.code)}.`));
      assert.ok(fs.existsSync(path.join(ROOT, ruleSource(rule.code))), ruleSource(rule.code));
    }
    const index = read('docs/rules/README.md');
    for (const rule of RULES) assert.ok(index.includes(`[\`${rule.code}\`](${rule.code}.md)`), rule.code);
    assert.deepEqual(strayMarks(index), []);
    for (const row of index.split('\n').filter((line) => line.startsWith('| '))) assert.equal(cells(row).length, 5, row);
  });
});

describe("rules: each rule's documented examples behave", () => {
  const plan = examplePlan();
  for (const rule of RULES) {
    describe(rule.code, () => {
      const { pass, fail, show } = rule.docs.examples;
      it('the passing example is silent (and, when it patches the complete example, leaves it with no finding at all)', () => {
        const text = exampleText(pass, plan);
        for (const locale of LOCALES) {
          const findings = analyze(text, { locale });
          assert.deepEqual(
            findings.filter((f) => f.code === rule.code).map((f) => f.message),
            [],
            locale,
          );
          if ('patch' in pass)
            assert.deepEqual(
              findings.map((f) => `${f.code}: ${f.message}`),
              [],
              locale,
            );
        }
      });
      it('the failing example fires, at the default severity', () => {
        const text = exampleText(fail, plan);
        for (const locale of LOCALES) {
          const mine = analyze(text, { locale }).filter((f) => f.code === rule.code);
          assert.ok(mine.length > 0, `${rule.code} does not fire on its failing example (${locale})`);
          assert.ok(
            mine.some((f) => f.severity === rule.severity),
            locale,
          );
        }
      });
      it('points only at places of the example plan', () => {
        for (const example of [pass, fail]) {
          if (!('patch' in example)) continue;
          const patched = applyPatch(plan, example.patch);
          for (const pointer of examplePointers(example, show)) {
            // A patch may delete a value (undefined): that place is meant to be gone.
            if (pointer in example.patch && example.patch[pointer] === undefined) continue;
            let node: unknown = patched;
            for (const key of parsePointer(pointer)) node = (node as Record<string, unknown>)[key];
            assert.notEqual(node, undefined, pointer);
          }
        }
      });
    });
  }
});

describe('rules: example fragments and Markdown text', () => {
  it("nests the shown values in their keys, in the plan's order, with … for the rest", () => {
    const plan = { a: 1, b: { c: [10, 20, 30], d: 'x', e: true }, f: [{ g: 1, h: 2 }, { g: 3 }] };
    assert.equal(
      exampleFragment(plan, ['/f/1/g', '/b/c/1', '/b/d'], 'en'),
      [
        '{',
        '  "b": {',
        '    "c": [',
        '      …,',
        '      20,',
        '      …',
        '    ],',
        '    "d": "x",',
        '    …',
        '  },',
        '  "f": [',
        '    …,',
        '    {',
        '      "g": 3',
        '    }',
        '  ],',
        '  …',
        '}',
      ].join('\n'),
    );
    assert.equal(
      exampleFragment({ list: [1, 2, 3, 4, 5] }, ['/list'], 'ko'),
      ['{', '  "list": [', '    1,', '    2,', '    …  // 모두 5개', '  ]', '}'].join('\n'),
    );
    assert.equal(exampleFragment({ a: 1 }, ['/gone'], 'en'), ['{', '  // "gone": absent (deleted)', '  …', '}'].join('\n'));
  });

  it('applies patches only to places the plan has', () => {
    assert.deepEqual(applyPatch({ a: { b: 1 }, c: [1] }, { '/a/b': 2, '/a/new': 3, '/c/1': 4 }), { a: { b: 2, new: 3 }, c: [1, 4] });
    assert.deepEqual(applyPatch({ a: { b: 1, c: 2 } }, { '/a/b': undefined }), { a: { c: 2 } });
    assert.throws(() => applyPatch({ a: 1 }, { '/x/y': 1 }), /"x" is not an object/);
    assert.throws(() => applyPatch({ c: [1] }, { '/c/5': 1 }), /no index 5/);
    assert.deepEqual(parsePointer('/a~1b/c~0d'), ['a/b', 'c~d']);
  });

  it('escapes what Markdown would read, and keeps code spans', () => {
    assert.equal(markdownText('H200 2~32대, * 서버단위 `gpu.type` a|b [x] <y> _z_'), 'H200 2\\~32대, \\* 서버단위 `gpu.type` a\\|b \\[x\\] \\<y\\> \\_z\\_');
    assert.equal(markdownText('`a|b` c|d', true), '`a\\|b` c\\|d');
    assert.equal(markdownText('1. first'), '1\\. first');
    assert.equal(markdownText('- item'), '\\- item');
  });
});

describe('rules: `gpuplan rules` and SARIF say what the registry says', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C' } });

  it('--format json lists exactly the registry, in both languages, each with its page', () => {
    for (const locale of LOCALES) {
      const result = run('rules', '--format', 'json', '--lang', locale);
      assert.equal(result.status, 0, result.stderr);
      const listed = JSON.parse(result.stdout) as Array<{ code: string; severity: string; description: string; reads: string; fixable: boolean; page: string }>;
      assert.deepEqual(
        listed,
        RULES.map((rule: Rule) => ({
          code: rule.code,
          severity: rule.severity,
          description: rule.description[locale],
          reads: rule.reads,
          fixable: rule.fixable,
          page: `docs/rules/${rule.code}.md`,
        })),
      );
      for (const { page } of listed) assert.ok(fs.existsSync(path.join(ROOT, page)), page);
    }
  });

  it('the table lines up, Korean included (each Hangul takes two columns)', () => {
    for (const locale of LOCALES) {
      const result = run('rules', '--lang', locale);
      assert.equal(result.status, 0, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      assert.equal(lines.length, RULES.length + 4);
      const width = columns(lines[0]);
      for (const line of lines) assert.equal(columns(line), width, line);
      // The column borders are at the same place on every line.
      const borders = (line: string) =>
        Array.from(line).reduce<number[]>((at, char, i, all) => ('│┬┼┴┌┐├┤└┘'.includes(char) ? [...at, columns(all.slice(0, i).join(''))] : at), []);
      for (const line of lines.slice(1)) assert.deepEqual(borders(line), borders(lines[1]), line);
      for (const rule of RULES) assert.ok(result.stdout.includes(rule.description[locale]), rule.code);
    }
    assert.match(run('rules', '--lang', 'ko').stdout, /│ 코드\s+│ 심각도\s+│ 빠른 수정 │ 설명/);
  });

  it('SARIF rule descriptors carry the page: fullDescription and help in the language of the run', () => {
    for (const locale of LOCALES) {
      const log = toSarif([], '0.0.0', locale, ROOT);
      const descriptors = log.runs[0].tool.driver.rules ?? [];
      for (const rule of RULES) {
        const descriptor = descriptors.find((d) => d.id === rule.code);
        assert.ok(descriptor, rule.code);
        assert.equal(descriptor.shortDescription?.text, rule.description[locale]);
        assert.equal(descriptor.fullDescription?.text, rule.docs.checks[locale]);
        assert.deepEqual(descriptor.help, ruleHelp(rule, locale));
        assert.ok(descriptor.help.markdown.includes(`> ${markdownText(rule.docs.form)}`), rule.code);
        assert.ok(descriptor.help.markdown.includes(markdownText(rule.docs.fix[locale])), rule.code);
        assert.ok(descriptor.help.text.includes(rule.docs.form), rule.code);
        assert.deepEqual(strayMarks(descriptor.help.markdown), [], rule.code);
        assert.equal(descriptor.properties?.page, rulePagePath(rule.code));
      }
      assert.ok(descriptors.some((d) => d.id === 'internal-error'));
    }
  });
});
