/**
 * snippets/gpuplan.code-snippets is generated from the schema's defaultSnippets by
 * scripts/generate-snippets.mjs and committed. These tests keep it up to date and useful:
 * every snippet expands (defaults for placeholders, first option for choices) to valid JSON that
 * the form's schema accepts at the place the snippet is meant for, and none leaves guide text of
 * the form in the plan.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { analyze } from '../support/service';
import { TEMPLATE_GUIDE_PATTERNS } from '../../server/src/core/figures';
import { ROOT, readExample } from '../support/fixtures';
import { expandSnippet } from '../support/snippets';

interface SnippetMeta {
  name: string;
  prefix: string;
  kind: 'document' | 'property' | 'row' | 'value';
  at: (string | number)[];
  key?: string;
  text: string;
}
interface Generator {
  SNIPPETS_FILE: string;
  readSchema(): unknown;
  generateSnippetsText(schema: unknown): string;
  buildSnippets(schema: unknown): { snippets: Record<string, { prefix: string; body: string[]; description: string }>; meta: SnippetMeta[] };
}

// tsc compiles `import()` to `require()` for CommonJS output, and Node 20 cannot require an ES
// module; a real dynamic import keeps the generator a plain .mjs script.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: a real import() that tsc does not turn into require() (see above)
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Generator>;
const loadGenerator = () => importModule(pathToFileURL(path.join(ROOT, 'scripts', 'generate-snippets.mjs')).href);

function parseStrict(text: string, what: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  assert.deepEqual(errors, [], `${what} does not expand to valid JSON:\n${text}`);
  return value;
}

/** The value a snippet inserts, as JSON. */
function valueOf(meta: SnippetMeta): unknown {
  const expanded = expandSnippet(meta.text);
  if (meta.kind === 'property') {
    const wrapped = parseStrict(`{${expanded}}`, meta.prefix) as Record<string, unknown>;
    assert.deepEqual(Object.keys(wrapped), [meta.key], `${meta.prefix} inserts exactly the property ${meta.key}`);
    return wrapped[meta.key!];
  }
  return parseStrict(expanded, meta.prefix);
}

function getAt(root: unknown, at: (string | number)[]): unknown {
  return at.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

describe('snippets', () => {
  let generator: Generator;
  let meta: SnippetMeta[];
  before(async () => {
    generator = await loadGenerator();
    meta = generator.buildSnippets(generator.readSchema()).meta;
  });

  it('the committed snippets file is what the generator produces (run `npm run snippets`)', () => {
    const committed = fs.readFileSync(generator.SNIPPETS_FILE, 'utf8');
    assert.equal(committed, generator.generateSnippetsText(generator.readSchema()));
    // And it is a valid snippets file: JSON with comments, every entry with prefix and body lines.
    const errors: ParseError[] = [];
    const file = parseJsonc(committed, errors) as Record<string, { prefix: string; body: string[]; description: string }>;
    assert.deepEqual(errors, []);
    for (const [name, snippet] of Object.entries(file)) {
      assert.match(snippet.prefix, /^gp-[a-z-]+$/, name);
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, name);
      assert.match(snippet.description, /[가-힣]/, `${name}: description has Korean`);
      assert.match(snippet.description, / — [A-Za-z]/, `${name}: description has English`);
    }
  });

  it('has one snippet per section of the form and per table row, with unique prefixes', () => {
    const prefixes = meta.map((m) => m.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const section of [
      'applicant',
      'contacts',
      'gpu',
      'projectInfo',
      'targets',
      'disclosure',
      'pledge',
      'summary',
      'overview',
      'mainContent',
      'gpuPlan',
      'dissemination',
      'schedule',
      'institution',
      'staff',
    ]) {
      assert.ok(
        meta.some((m) => m.kind === 'property' && m.at.length === 0 && m.key === section),
        `snippet for ${section}`,
      );
    }
    for (const row of ['gp-stage', 'gp-milestone', 'gp-staff-member', 'gp-government-project', 'gp-deliverable', 'gp-education', 'gp-career']) {
      assert.ok(prefixes.includes(row), `row snippet ${row}`);
    }
  });

  it('numbers tab stops from 1 without gaps and offers enum values as choices', () => {
    for (const m of meta) {
      const stops = [...m.text.matchAll(/(?<!\\)\$\{?(\d+)/g)].map((match) => Number(match[1])).filter((n) => n > 0);
      const distinct = [...new Set(stops)];
      assert.deepEqual(
        distinct,
        distinct.map((_, i) => i + 1),
        `${m.prefix}: tab stops ${distinct.join(',')}`,
      );
    }
    const gpu = meta.find((m) => m.prefix === 'gp-gpu')!;
    assert.match(gpu.text, /"type": "\$\{1\|H200,B200\|\}"/);
    const project = meta.find((m) => m.prefix === 'gp-government-project')!;
    assert.match(project.text, /"status": "\$\{\d+\|completed,ongoing,applied\|\}"/);
    const stage = meta.find((m) => m.prefix === 'gp-stage')!;
    assert.match(stage.text, /"servers": \$\{\d+:2\}/, 'raw numbers are inserted without quotes');
  });

  it('every snippet expands to valid JSON', () => {
    for (const m of meta) valueOf(m);
  });

  it("every snippet is accepted by the form's schema where it belongs", () => {
    const complete = JSON.parse(readExample('complete.gpuplan.json')) as Record<string, unknown>;
    for (const m of meta) {
      const value = valueOf(m);
      let plan: unknown;
      if (m.kind === 'document') plan = value;
      else {
        plan = structuredClone(complete);
        if (m.kind === 'property') (getAt(plan, m.at) as Record<string, unknown>)[m.key!] = value;
        else if (m.kind === 'row') (getAt(plan, m.at) as unknown[]).push(value);
        else (plan as { overview: { necessity: unknown } }).overview.necessity = value;
      }
      const schemaFindings = analyze(JSON.stringify(plan, null, 2), { locale: 'en' }).filter((f) => f.code === 'schema' || f.code === 'syntax');
      assert.deepEqual(
        schemaFindings.map((f) => `${f.path?.join('.')}: ${f.message}`),
        [],
        m.prefix,
      );
    }
  });

  it('leaves no guide text of the form (★, 000, 00%, YYYYMMDD, ㅇㅇㅇ, yyyy.mm…) in the plan', () => {
    const literal = ['★', 'YYYYMMDD', 'ㅇㅇㅇ', 'yyyy.mm', '작성요령', '작성 요령'];
    for (const m of meta) {
      const expanded = expandSnippet(m.text);
      for (const needle of literal) assert.ok(!expanded.includes(needle), `${m.prefix} contains ${needle}`);
      // 000 / 00% as placeholders, not as digits of a real figure such as 3200000.
      assert.doesNotMatch(expanded, /(?<![\d,.:])0{2,}(?![\d,.])%?/u, `${m.prefix} contains a 000/00% placeholder`);
      for (const { id, pattern } of TEMPLATE_GUIDE_PATTERNS.value) {
        assert.doesNotMatch(expanded, new RegExp(pattern.source, pattern.flags.replace('g', '')), `${m.prefix}: guide text (${id})`);
      }
      // Every choice option and every placeholder default, not only the first option.
      for (const choice of m.text.matchAll(/\$\{\d+\|([^|]*)\|\}/g)) {
        for (const option of choice[1].split(',')) assert.ok(!literal.some((n) => option.includes(n)), `${m.prefix}: ${option}`);
      }
    }
  });

  it('expands snippet syntax like VS Code', () => {
    assert.equal(expandSnippet('"${1:a ${2:b}}" ${3|x,y|} $4 \\$5 ${6}'), '"a b" x  $5 ');
  });
});
