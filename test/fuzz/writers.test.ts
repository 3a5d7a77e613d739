/**
 * Fuzz suite, writers: random edits of the example plans, with characters XML cannot carry put into
 * their values and keys, through every writer — DOCX, HTML, HWPX, PDF and HWP. Pass criteria, per
 * input:
 *  - the writer does not throw;
 *  - DOCX and HWPX: every XML part is well-formed (a strict parser) and has no character, nor a
 *    character reference, that XML 1.0 does not allow; the HWPX's mimetype comes first;
 *  - HTML: no such character either;
 *  - HWP: rhwp reopens it and kordoc reads it;
 *  - PDF (when Chromium is here): the tool makes it.
 * The findings are included (their JSON paths carry the plan's keys into the document).
 *
 *   GPUPLAN_FUZZ_WRITER_INPUTS / GPUPLAN_FUZZ_SEED_BASE override the budget; GPUPLAN_FUZZ_LONG=1 for more.
 */
import * as assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { PlanDocument } from '../../server/src/core/render';
import { findPdfTools, hwpxToHwp, renderDocx, renderHtml, renderHwpx } from '../../server/src/export';
import { service } from '../support/service';
import { readExample } from '../support/fixtures';
import { kordocParse } from '../support/readers';
import { makeInput, Rng } from './mutate';

const LONG = process.env.GPUPLAN_FUZZ_LONG === '1';
const count = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);
const INPUTS = count('GPUPLAN_FUZZ_WRITER_INPUTS', LONG ? 1_000 : 12);
const HWP_INPUTS = LONG ? 40 : 2;
const PDF_INPUTS = LONG ? 10 : 1;
const SEED_BASE = count('GPUPLAN_FUZZ_SEED_BASE', LONG ? 0x4c4f4e47 : 0x67707531) + 20_000_000;

const BASES: Readonly<Record<string, string>> = {
  complete: readExample('complete.gpuplan.json'),
  mistakes: readExample('mistakes.gpuplan.json'),
  skeleton: readExample('skeleton.gpuplan.json'),
};

/** Characters XML 1.0 cannot carry, and other troublemakers (BOM, bidi override, NEL, line separator). */
const HOSTILE = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
];

/** Hostile characters put into some string values and keys of a plan, and a hostile key at its top (when it parses). */
function poison(text: string, rng: Rng): string {
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch {
    return text;
  }
  const pick = () => Array.from({ length: 1 + Math.floor(rng.float() * 3) }, () => rng.pick(HOSTILE)).join('');
  const visit = (value: unknown, depth: number): unknown => {
    if (depth > 64) return value;
    if (typeof value === 'string') return rng.float() < 0.15 ? `${pick()}${value}${pick()}` : value;
    if (Array.isArray(value)) return value.map((v) => visit(v, depth + 1));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[depth < 3 && rng.float() < 0.05 ? `${k}${pick()}` : k] = visit(v, depth + 1);
      if (depth === 0 || rng.float() < 0.3) out[`x${pick()}key`] = `v${pick()}`;
      return out;
    }
    return value;
  };
  try {
    return JSON.stringify(visit(plan, 0), null, 2);
  } catch {
    return text; // nested beyond what JSON.stringify can take: left as the mutations made it
  }
}

// eslint-disable-next-line no-control-regex -- the characters looked for
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Character references to characters XML does not allow: `&#1;`, `&#xFFFE;`, `&#55296;` … */
const INVALID_REF = /&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|d[89a-f][0-9a-f]{2}|fff[ef])|0*(?:[0-8]|1[124-9]|2\d|3[01]|5[56]\d{3}|6553[45]));/i;

function xmlProblem(name: string, xml: string): string | undefined {
  const bad = INVALID.exec(xml);
  if (bad) return `${name}: character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at ${bad.index}`;
  const ref = INVALID_REF.exec(xml);
  if (ref) return `${name}: character reference ${ref[0]}`;
  let error: string | undefined;
  new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') error ??= message;
    },
  }).parseFromString(xml, 'text/xml');
  return error ? `${name}: not well-formed: ${error.slice(0, 200)}` : undefined;
}

async function packageProblems(bytes: Uint8Array, kind: 'docx' | 'hwpx'): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const names = Object.keys(zip.files);
  if (kind === 'hwpx' && names[0] !== 'mimetype') problems.push(`the first entry is ${names[0]}`);
  for (const name of names) {
    if (!/\.(xml|rels|hpf)$/.test(name)) continue;
    const problem = xmlProblem(name, (await zip.file(name)?.async('string')) ?? '');
    if (problem) problems.push(problem);
  }
  return problems;
}

const describeInput = (seed: number, base: string, operators: readonly string[]) => `seed ${seed} (${base}: ${operators.join(' → ')}, poisoned)`;

describe(`fuzz${LONG ? ' (long campaign)' : ''}: every writer, with characters XML cannot carry in values and keys`, function () {
  this.timeout(LONG ? 0 : 300_000);
  const models: Array<{ seed: number; label: string; doc: PlanDocument }> = [];

  before(() => {
    for (let i = 0; i < INPUTS; i++) {
      const seed = SEED_BASE + i;
      const input = makeInput(seed, BASES);
      const text = poison(input.text, new Rng(seed ^ 0x5a5a5a5a));
      const analysis = service.analyze(text, { locale: seed % 2 ? 'en' : 'ko' });
      // With the findings, as `--include-findings` writes them: their paths carry the keys.
      models.push({
        seed,
        label: describeInput(
          seed,
          input.base,
          input.mutations.map((m) => m.operator),
        ),
        doc: service.documentModel(analysis),
      });
    }
  });

  it(`DOCX, HTML and HWPX: ${INPUTS} inputs make well-formed files with no character XML forbids`, async () => {
    const failures: string[] = [];
    let findings = 0;
    for (const { label, doc } of models) {
      findings += doc.openFindings.length;
      try {
        for (const p of await packageProblems(await renderDocx(doc), 'docx')) failures.push(`${label} DOCX ${p}`);
        for (const p of await packageProblems(await renderHwpx(doc), 'hwpx')) failures.push(`${label} HWPX ${p}`);
        const html = renderHtml(doc);
        const bad = INVALID.exec(html);
        if (bad) failures.push(`${label} HTML: character U+${bad[0].charCodeAt(0).toString(16)}`);
      } catch (error) {
        failures.push(`${label}: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' ') : String(error)}`);
      }
    }
    assert.ok(findings > INPUTS, 'the documents list findings');
    assert.deepEqual(failures.slice(0, 10), []);
  });

  it(`HWP: ${HWP_INPUTS} inputs are written by rhwp, reopened, and read by kordoc`, async () => {
    const failures: string[] = [];
    for (const { label, doc } of models.slice(0, HWP_INPUTS)) {
      try {
        const { bytes, pages } = hwpxToHwp(await renderHwpx(doc));
        assert.ok(pages > 0);
        const parsed = await kordocParse(bytes);
        if (!parsed.success) failures.push(`${label}: kordoc cannot read the HWP: ${parsed.error ?? ''}`);
      } catch (error) {
        failures.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it(`PDF: ${PDF_INPUTS} input(s) printed by Chromium (when it is here), through the exporters`, async function () {
    const tools = findPdfTools();
    if (!tools.chromium) return this.skip();
    for (let i = 0; i < PDF_INPUTS; i++) {
      const seed = SEED_BASE + 1_000_000 + i;
      const input = makeInput(seed, BASES);
      const text = poison(input.text, new Rng(seed));
      const analysis = service.analyze(text, { locale: 'ko' });
      const file = await service.exportDocument(analysis, 'pdf', { includeFindings: true, pdfEngine: 'chromium' });
      assert.equal(
        Buffer.from(file.bytes.subarray(0, 5)).toString('latin1'),
        '%PDF-',
        describeInput(
          seed,
          input.base,
          input.mutations.map((m) => m.operator),
        ),
      );
    }
  });
});
