/**
 * Where a keystroke's time goes, in process (no protocol): for each edit kind of the keystroke
 * benchmark, the median of the text update, the re-analysis (`service.update`), the diagnostics
 * conversion and the cost preview. For finding what to speed up; `npm run bench` measures the
 * real path over stdio. Run: `npm run compile-tests && node --expose-gc out/bench/phases.js [rounds]`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPlanService, type Analysis } from '../server/src/core';
import { toDiagnostic } from '../server/src/lsp/convert';
import { editKinds } from './keystrokes';
import { grow } from './plans';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};
const p95 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
};
/** GPUPLAN_PHASES_CPU=1: the process's CPU time instead of wall time (steadier on a busy machine). */
const cpu = process.env.GPUPLAN_PHASES_CPU === '1';
const now = (): bigint =>
  cpu
    ? (() => {
        const u = process.cpuUsage();
        return BigInt(u.user + u.system) * 1000n;
      })()
    : process.hrtime.bigint();
const ms = (start: bigint) => Number(now() - start) / 1e6;

function main(): void {
  const rounds = Number(process.argv[2] ?? 20);
  const text = grow(1_000_000);
  const service = createPlanService();
  // GPUPLAN_PHASES_KIND=prose (a word of the kind's name): that kind only, e.g. to profile it.
  const only = process.env.GPUPLAN_PHASES_KIND;
  const kinds = editKinds(text).filter((kind) => !only || kind.name.includes(only));
  const phases = ['update text', 'analysis', 'diagnostics', 'cost preview', 'total'];
  const samples = kinds.map(() => phases.map(() => [] as number[]));
  let document = TextDocument.create('file:///bench.gpuplan.json', 'gpuplan', 1, text);
  let analysis: Analysis = service.analyze(text, { locale: 'ko' });
  for (let round = 0; round < rounds + 3; round++) {
    for (let n = 0; n < kinds.length; n++) {
      const index = (round + n) % kinds.length;
      for (const edit of kinds[index].cycle) {
        const t0 = now();
        const change = { range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) }, text: edit.text };
        document = TextDocument.update(document, [change], document.version + 1);
        const current = document.getText();
        const t1 = now();
        analysis = service.update(analysis, edit, current);
        const t2 = now();
        analysis.findings.slice(0, 1000).map((f) => toDiagnostic(document, f));
        const t3 = now();
        const preview = service.costPreview(analysis, 'ko');
        JSON.stringify({ ...preview, version: 0 });
        const t4 = now();
        if (round >= 3) {
          const s = samples[index];
          s[0].push(Number(t1 - t0) / 1e6);
          s[1].push(Number(t2 - t1) / 1e6);
          s[2].push(Number(t3 - t2) / 1e6);
          s[3].push(Number(t4 - t3) / 1e6);
          s[4].push(ms(t0));
        }
      }
    }
  }
  process.stdout.write(`| edit | ${phases.map((p) => `${p} p50 / p95 (ms)`).join(' | ')} |\n|---|${phases.map(() => '---').join('|')}|\n`);
  kinds.forEach((kind, i) => {
    process.stdout.write(`| ${kind.name} | ${samples[i].map((s) => `${median(s).toFixed(2)} / ${p95(s).toFixed(2)}`).join(' | ')} |\n`);
  });
}

main();
