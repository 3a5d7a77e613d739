#!/usr/bin/env node
/**
 * Builds snippets/gpuplan.code-snippets from the schema's `defaultSnippets`, so that the snippets
 * and the completion proposals of the language server never drift apart.
 *
 *   node scripts/generate-snippets.mjs           writes the file
 *   node scripts/generate-snippets.mjs --check   exits 1 when the committed file is out of date
 *
 * Conventions of `defaultSnippets` bodies (the same as VS Code's JSON language service):
 * a string starting with `^` is inserted raw (numbers, booleans, choices of those); every other
 * string is a JSON string whose text may contain snippet syntax (`${1:default}`, `${2|a,b|}`).
 * Tab stops are renumbered 1, 2, 3… in order of appearance, so composed bodies stay sequential.
 *
 * The generated file is committed; test/unit/snippets.test.ts fails when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(ROOT, 'schemas', 'gpuplan.schema.json');
export const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'gpuplan.code-snippets');

/**
 * What to generate, in the form's order.
 *  - kind `document`: the whole plan (a JSON object), for an empty file.
 *  - kind `property`: `"key": value`, typed inside the object at `at` (the parent path).
 *  - kind `row`: one element of the array at `at` (a table row of the form).
 *  - kind `value`: a value for any `Text` field.
 * `schema` is the JSON pointer of the schema node whose first defaultSnippet is the body;
 * `compose` builds the body from other snippets instead (for sections whose own body is empty).
 */
export const SNIPPET_SPECS = [
  { prefix: 'gp-plan', kind: 'document', part: '전체', at: [], schema: '' },
  // 표지 (cover sheet)
  { prefix: 'gp-applicant', kind: 'property', part: '표지', at: [], key: 'applicant', schema: '/properties/applicant' },
  { prefix: 'gp-contacts', kind: 'property', part: '표지', at: [], key: 'contacts', schema: '/properties/contacts' },
  { prefix: 'gp-gpu', kind: 'property', part: '표지', at: [], key: 'gpu', schema: '/properties/gpu' },
  { prefix: 'gp-project-info', kind: 'property', part: '표지', at: [], key: 'projectInfo', schema: '/properties/projectInfo' },
  { prefix: 'gp-targets', kind: 'property', part: '표지', at: [], key: 'targets', schema: '/properties/targets' },
  {
    prefix: 'gp-disclosure',
    kind: 'property',
    part: '표지',
    at: [],
    key: 'disclosure',
    schema: '/properties/disclosure',
    compose: {
      openSource: '/properties/disclosure/properties/openSource',
      publications: '/properties/disclosure/properties/publications',
    },
  },
  { prefix: 'gp-open-source', kind: 'property', part: '표지', at: ['disclosure'], key: 'openSource', schema: '/properties/disclosure/properties/openSource' },
  {
    prefix: 'gp-publications',
    kind: 'property',
    part: '표지',
    at: ['disclosure'],
    key: 'publications',
    schema: '/properties/disclosure/properties/publications',
  },
  {
    prefix: 'gp-acknowledgement',
    kind: 'property',
    part: '표지',
    at: ['disclosure', 'publications'],
    key: 'acknowledgement',
    schema: '/properties/disclosure/properties/publications/properties/acknowledgement',
  },
  { prefix: 'gp-pledge', kind: 'property', part: '표지', at: [], key: 'pledge', schema: '/properties/pledge' },
  // 요약서, I–VI, 붙임0
  { prefix: 'gp-summary', kind: 'property', part: '요약서', at: [], key: 'summary', schema: '/properties/summary' },
  { prefix: 'gp-overview', kind: 'property', part: 'I', at: [], key: 'overview', schema: '/properties/overview' },
  { prefix: 'gp-main-content', kind: 'property', part: 'II', at: [], key: 'mainContent', schema: '/properties/mainContent' },
  { prefix: 'gp-gpu-plan', kind: 'property', part: 'III', at: [], key: 'gpuPlan', schema: '/properties/gpuPlan' },
  {
    prefix: 'gp-copayment',
    kind: 'property',
    part: 'III-3',
    at: ['gpuPlan'],
    key: 'copayment',
    schema: '/properties/gpuPlan/properties/copayment',
    // The schema's body declares 0 won; a snippet should propose the form's figures instead:
    // H200 unit price 3,200,000 원/서버·월 (B200 6,400,000), 2 servers × 6 months = 38,400,000 원.
    body: { unitPriceWon: '^${1|3200000,6400000|}', servers: '^${2:2}', months: '^${3:6}', totalWon: '^${4:38400000}' },
  },
  { prefix: 'gp-dissemination', kind: 'property', part: 'IV', at: [], key: 'dissemination', schema: '/properties/dissemination' },
  { prefix: 'gp-schedule', kind: 'property', part: 'V', at: [], key: 'schedule', schema: '/properties/schedule' },
  { prefix: 'gp-institution', kind: 'property', part: 'VI', at: [], key: 'institution', schema: '/properties/institution' },
  { prefix: 'gp-staff', kind: 'property', part: '붙임0', at: [], key: 'staff', schema: '/properties/staff' },
  // Table rows
  {
    prefix: 'gp-base-model',
    kind: 'row',
    part: 'II-1',
    at: ['mainContent', 'execution', 'baseModels'],
    schema: '/properties/mainContent/properties/execution/properties/baseModels/items',
  },
  {
    prefix: 'gp-indicator',
    kind: 'row',
    part: 'II-2',
    at: ['mainContent', 'goals', 'indicators'],
    schema: '/properties/mainContent/properties/goals/properties/indicators/items',
  },
  { prefix: 'gp-stage', kind: 'row', part: 'III-2', at: ['gpuPlan', 'stages'], schema: '/properties/gpuPlan/properties/stages/items' },
  { prefix: 'gp-milestone', kind: 'row', part: 'V-1', at: ['schedule', 'milestones'], schema: '/properties/schedule/properties/milestones/items' },
  { prefix: 'gp-deliverable', kind: 'row', part: 'V-3', at: ['schedule', 'deliverables'], schema: '/properties/schedule/properties/deliverables/items' },
  {
    prefix: 'gp-education',
    kind: 'row',
    part: 'VI-1',
    at: ['institution', 'leadResearcher', 'education'],
    schema: '/properties/institution/properties/leadResearcher/properties/education/items',
  },
  {
    prefix: 'gp-career',
    kind: 'row',
    part: 'VI-1',
    at: ['institution', 'leadResearcher', 'career'],
    schema: '/properties/institution/properties/leadResearcher/properties/career/items',
  },
  {
    prefix: 'gp-government-project',
    kind: 'row',
    part: 'VI-1',
    at: ['institution', 'leadResearcher', 'governmentProjects'],
    schema: '/properties/institution/properties/leadResearcher/properties/governmentProjects/items',
  },
  { prefix: 'gp-achievement', kind: 'row', part: 'VI-3', at: ['institution', 'achievements'], schema: '/properties/institution/properties/achievements/items' },
  { prefix: 'gp-staff-member', kind: 'row', part: '붙임0', at: ['staff'], schema: '/properties/staff/items' },
  // Any Text field
  { prefix: 'gp-bullets', kind: 'value', part: 'Text', at: [], schema: '/definitions/text', snippetIndex: 1 },
];

/** Resolves a JSON pointer (and a final local $ref) in the schema. */
function resolvePointer(schema, pointer) {
  let node = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[part];
    if (node === undefined) throw new Error(`schema pointer ${pointer} does not resolve (at "${part}")`);
  }
  return node;
}

function snippetOf(schema, pointer, index = 0) {
  let node = resolvePointer(schema, pointer);
  if (!node.defaultSnippets && typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
    node = resolvePointer(schema, node.$ref.slice(1));
  }
  const snippet = node.defaultSnippets?.[index];
  if (!snippet) throw new Error(`no defaultSnippets[${index}] at ${pointer || '(root)'}`);
  return snippet;
}

/** Makes JSON text safe inside a snippet: a backslash would otherwise escape the next character. */
const escapeJsonForSnippet = (json) => json.replace(/\\/g, '\\\\');

/** A defaultSnippets body as snippet text, indented with tabs (VS Code converts them to the editor's indentation). */
export function bodyToText(body, indent = '') {
  if (typeof body === 'string') {
    if (body.startsWith('^')) return body.slice(1);
    // Placeholders are kept; `$`, `}` and `\` of literal text have no special role in these bodies.
    return escapeJsonForSnippet(JSON.stringify(body));
  }
  if (typeof body === 'number' || typeof body === 'boolean' || body === null) return JSON.stringify(body);
  const inner = `${indent}\t`;
  if (Array.isArray(body)) {
    if (body.length === 0) return '[]';
    return `[\n${body.map((item) => inner + bodyToText(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(body);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${bodyToText(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Renumbers tab stops to 1, 2, 3… in order of first appearance ($0 stays the final stop). */
export function renumberTabStops(text) {
  const map = new Map();
  const next = (n) => {
    if (n === '0') return '0';
    if (!map.has(n)) map.set(n, String(map.size + 1));
    return map.get(n);
  };
  return text.replace(/(?<!\\)\$(\{)?(\d+)/g, (_m, brace, n) => `$${brace ?? ''}${next(n)}`);
}

/** Adds `offset` to every tab stop in the strings of a body; returns the body and the highest stop. */
function shiftTabStops(body, offset) {
  let max = offset;
  const walk = (value) => {
    if (typeof value === 'string') {
      return value.replace(/(?<!\\)\$(\{)?(\d+)/g, (_m, brace, n) => {
        const shifted = Number(n) === 0 ? 0 : Number(n) + offset;
        max = Math.max(max, shifted);
        return `$${brace ?? ''}${shifted}`;
      });
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return { body: walk(body), max };
}

function bodyFor(schema, spec) {
  if (spec.body) return spec.body;
  if (spec.compose) {
    // Each part numbers its tab stops from 1: shift them so that the parts do not share stops.
    const body = {};
    let offset = 0;
    for (const [key, pointer] of Object.entries(spec.compose)) {
      const shifted = shiftTabStops(snippetOf(schema, pointer).body, offset);
      body[key] = shifted.body;
      offset = shifted.max;
    }
    return body;
  }
  return snippetOf(schema, spec.schema, spec.snippetIndex ?? 0).body;
}

/** All snippets as an object in the `.code-snippets` format, plus metadata for tests. */
export function buildSnippets(schema) {
  const out = {};
  const meta = [];
  for (const spec of SNIPPET_SPECS) {
    const source = snippetOf(schema, spec.compose ? Object.values(spec.compose)[0] : spec.schema, spec.snippetIndex ?? 0);
    const node = resolvePointer(schema, spec.schema);
    const label = spec.compose ? `${node.title} (${englishOf(schema, spec)})` : source.label;
    const description = spec.compose
      ? `${Object.values(spec.compose)
          .map((p) => resolvePointer(schema, p).title)
          .join(', ')} — ${Object.keys(spec.compose).join(', ')}`
      : source.description;
    const value = bodyToText(bodyFor(schema, spec));
    const text = renumberTabStops(spec.kind === 'property' ? `${JSON.stringify(spec.key)}: ${value}` : value);
    const name = `${spec.part} · ${label}`;
    if (out[name]) throw new Error(`duplicate snippet name ${name}`);
    out[name] = {
      scope: 'gpuplan',
      prefix: spec.prefix,
      description: `${label}: ${description}`,
      body: text.split('\n'),
    };
    meta.push({ name, prefix: spec.prefix, kind: spec.kind, at: spec.at, key: spec.key, text });
  }
  return { snippets: out, meta };
}

/** English name of a composed section: the one in its schema defaultSnippets label, else the key. */
function englishOf(schema, spec) {
  const label = resolvePointer(schema, spec.schema).defaultSnippets?.[0]?.label ?? '';
  return /\(([^)]+)\)\s*$/.exec(label)?.[1] ?? spec.key;
}

/** The file's text, exactly as committed. */
export function generateSnippetsText(schema) {
  const { snippets } = buildSnippets(schema);
  // .code-snippets files are JSON with comments.
  const header =
    '// Generated by scripts/generate-snippets.mjs from schemas/gpuplan.schema.json (defaultSnippets).\n' + '// Do not edit by hand: run `npm run snippets`.\n';
  return `${header}${JSON.stringify(snippets, null, 2)}\n`;
}

export function readSchema() {
  return JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const text = generateSnippetsText(readSchema());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(SNIPPETS_FILE) ? fs.readFileSync(SNIPPETS_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(ROOT, SNIPPETS_FILE)} is out of date: run npm run snippets`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, SNIPPETS_FILE)} is up to date`);
  } else {
    fs.mkdirSync(path.dirname(SNIPPETS_FILE), { recursive: true });
    fs.writeFileSync(SNIPPETS_FILE, text);
    console.log(`wrote ${path.relative(ROOT, SNIPPETS_FILE)} (${SNIPPET_SPECS.length} snippets)`);
  }
}
